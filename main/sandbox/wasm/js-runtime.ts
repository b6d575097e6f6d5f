// JavaScript in the worker: QuickJS compiled to WebAssembly (quickjs-emscripten), a fresh
// runtime per job with its own memory and stack limits. The program sees the exercise's files
// as ES modules, Node's console/process/timers (prelude.js) and node:test/node:assert shims;
// no other module, no host objects, so no files or network to reach.
import fs from 'node:fs';
import path from 'node:path';
import type { QuickJSContext, QuickJSHandle, QuickJSRuntime, QuickJSWASMModule } from 'quickjs-emscripten';
import type { OutputPump } from './output-pump';
import type { WasmJob } from './protocol';
import type { StdinReader } from './stdin-channel';

const WORK = '/work';
const STACK_BYTES = 1024 * 1024;
const builtins: Record<string, string> = {
  'node:test': 'node-test.js',
  'node:assert': 'assert.js',
  'node:assert/strict': 'assert.js',
  assert: 'assert.js',
  'assert/strict': 'assert.js',
  'node:readline': 'readline.js',
  readline: 'readline.js',
};
const strictAssert = "import { strict } from 'node:assert';\nexport * from 'node:assert';\nexport default strict;\n";
const readlinePromises = "import { promises } from 'node:readline';\nexport const { createInterface, Interface } = promises;\nexport default promises;\n";

export interface JavaScriptRuntime {
  run(job: WasmJob, pump: OutputPump, stdin: StdinReader): Promise<{ exitCode: number; results?: string }>;
}

/** "./a.js" from "/work/dir/b.js" is "/work/dir/a.js"; a bare name stays as it is. */
export function normalizeModule(base: string, requested: string): string {
  if (!requested.startsWith('./') && !requested.startsWith('../') && !requested.startsWith('/')) return requested;
  return path.posix.resolve(path.posix.dirname(base), requested);
}

class Job {
  private readonly timers = new Map<number, { fn: QuickJSHandle; due: number; every: number | null }>();
  private nextTimer = 1;
  exitCode: number | null = null;
  results: string | undefined;
  readonly encoder = new TextEncoder();

  constructor(
    readonly runtime: QuickJSRuntime,
    readonly context: QuickJSContext,
    readonly pump: OutputPump,
    readonly stdin: StdinReader,
  ) {}

  install(prelude: string): void {
    const { context } = this;
    const write = context.newFunction('__drona_write', (fd, text) => {
      this.pump.write(context.getNumber(fd) === 2 ? 'stderr' : 'stdout', this.encoder.encode(context.getString(text)));
    });
    const timer = context.newFunction('__drona_timer', (fn, ms, repeat) => {
      if (context.typeof(fn) !== 'function') {
        this.timers.delete(context.getNumber(ms));
        return context.undefined;
      }
      const id = this.nextTimer++;
      const delay = context.getNumber(ms);
      this.timers.set(id, { fn: fn.dup(), due: Date.now() + delay, every: context.dump(repeat) ? Math.max(1, delay) : null });
      return context.newNumber(id);
    });
    const exit = context.newFunction('__drona_exit', (code) => {
      this.exitCode = Number(context.dump(code)) || 0;
    });
    const results = context.newFunction('__drona_results', (json) => {
      this.results = context.getString(json);
    });
    const readLine = context.newFunction('__drona_readLine', () => {
      // As JSON: a NUL the learner sent would end a plain string on its way into QuickJS.
      const line = this.stdin.readLine();
      return line === null ? context.null : context.newString(JSON.stringify(line));
    });
    for (const [name, handle] of [
      ['__drona_write', write],
      ['__drona_timer', timer],
      ['__drona_exit', exit],
      ['__drona_results', results],
      ['__drona_readLine', readLine],
    ] as const) {
      context.setProp(context.global, name, handle);
      handle.dispose();
    }
    context.unwrapResult(context.evalCode(prelude, '/drona/prelude.js'));
  }

  /** Runs jobs and due timers until nothing is left (or the program exits); the caller's wall clock ends it otherwise. */
  async settle(): Promise<void> {
    for (;;) {
      const jobs = this.runtime.executePendingJobs();
      if (jobs.error) this.uncaught(jobs.error);
      if (this.exitCode !== null) return;
      const next = [...this.timers.entries()].sort((a, b) => a[1].due - b[1].due)[0];
      if (!next) return;
      const [id, entry] = next;
      const wait = entry.due - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      if (entry.every === null) this.timers.delete(id);
      else entry.due = Date.now() + entry.every;
      const result = this.context.callFunction(entry.fn, this.context.undefined);
      if (result.error) this.uncaught(result.error);
      if (this.exitCode !== null) return;
    }
  }

  /** An error nobody caught ends the program, printed the way Node prints it. */
  uncaught(error: QuickJSHandle): void {
    if (this.exitCode !== null) return;
    const dumped = this.context.dump(error) as { name?: string; message?: string; stack?: string } | string;
    const text =
      typeof dumped === 'object' && dumped !== null
        ? `${dumped.name ?? 'Error'}: ${dumped.message ?? ''}\n${dumped.stack ?? ''}`
        : `Uncaught ${String(dumped)}\n`;
    this.pump.write('stderr', this.encoder.encode(`${text.trimEnd()}\n`));
    this.exitCode = 1;
  }
}

function checkSource(tests: readonly string[]): string {
  const imports = tests.map((test) => `  await import(${JSON.stringify(`${WORK}/${test}`)});`).join('\n');
  // Failing tests fail the run, as node --test exits 1.
  return `import { __drona_run } from 'node:test';\n${imports}\nconst results = await __drona_run();\n__drona_results(JSON.stringify(results));\nif (results.status !== 'pass') process.exitCode = 1;\n`;
}

export async function loadJavaScript(harnessDir: string): Promise<JavaScriptRuntime> {
  // Imported here, not at the top: a Python worker (one per Python run) never loads QuickJS.
  const quickjs: QuickJSWASMModule = await (await import('quickjs-emscripten')).newQuickJSWASMModule();
  const shims = new Map(Object.entries(builtins).map(([name, file]) => [name, fs.readFileSync(path.join(harnessDir, file), 'utf8')]));
  shims.set('node:assert/strict', strictAssert);
  shims.set('assert/strict', strictAssert);
  shims.set('node:readline/promises', readlinePromises);
  shims.set('readline/promises', readlinePromises);
  const prelude = fs.readFileSync(path.join(harnessDir, 'prelude.js'), 'utf8');
  return {
    async run(job, pump, stdin) {
      const files = new Map(job.files.map((file) => [`${WORK}/${file.path}`, file.content]));
      const runtime = quickjs.newRuntime();
      runtime.setMemoryLimit(job.memoryBytes);
      runtime.setMaxStackSize(STACK_BYTES);
      runtime.setModuleLoader(
        (name) => {
          const source = shims.get(name) ?? files.get(name);
          if (source !== undefined) return source;
          return {
            error: new Error(
              name.startsWith(WORK)
                ? `Cannot find module '${name}'`
                : `Cannot find module '${name}': the WebAssembly sandbox has Node's console, timers, node:readline, node:test and node:assert only`,
            ),
          };
        },
        (base, requested) => normalizeModule(base, requested),
      );
      // Nothing here is disposed: the worker, and the WebAssembly memory with it, ends after this one job.
      const context = runtime.newContext();
      const run = new Job(runtime, context, pump, stdin);
      run.install(prelude);
      {
        const entry = job.mode === 'run' ? `${WORK}/${job.entry}` : `${WORK}/.drona-check.mjs`;
        const source = job.mode === 'run' ? files.get(entry) : checkSource(job.tests);
        if (source === undefined) {
          pump.write('stderr', run.encoder.encode(`Error: Cannot find module '${entry}'\n`));
          return { exitCode: 1 };
        }
        const evaluated = context.evalCode(source, entry, { type: 'module' });
        if (evaluated.error) run.uncaught(evaluated.error);
        else {
          await run.settle();
          const state = context.getPromiseState(evaluated.value);
          if (state.type === 'rejected') run.uncaught(state.error);
        }
        const exitCodeHandle = context.getProp(context.getProp(context.global, 'process'), 'exitCode');
        const exitCode = run.exitCode ?? (Number(context.dump(exitCodeHandle)) || 0);
        return { exitCode, ...(run.results !== undefined ? { results: run.results } : {}) };
      }
    },
  };
}
