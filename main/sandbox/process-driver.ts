// The process driver, for machines without a Docker engine: a child process under OS limits
// (prlimit: CPU time, address space, file size, processes, open files) in a scratch dir with
// a scrubbed environment and a wall-clock kill. It is NOT isolated: the program can read
// the learner's files and reach the network. The UI and the CLI say so.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ExecOptions, ExecOutcome, ExecSpec, SandboxDriver } from './driver';
import { OutputCollector } from './output-collector';
import type { RunEnd } from './run-outcome';
import { processGroupWchans, readsInput } from './input-wait';
import { wallClock } from './stdin-feed';

export const notIsolatedWarning =
  'Not isolated: your code runs as a plain process on this computer, with time, memory and file limits but able to read your files and use the network. Install and start Docker to isolate it.';

/**
 * Tasks (threads included) the current user already runs: RLIMIT_NPROC counts them all, so the
 * program's allowance of `pids` goes on top (a desktop session runs hundreds of its own).
 */
function tasksOfThisUser(): number {
  const uid = process.getuid?.();
  if (uid === undefined) return 0;
  let tasks = 0;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = fs.readFileSync(`/proc/${entry}/status`, 'utf8');
      if (Number(/^Uid:\s+(\d+)/m.exec(status)?.[1]) === uid) tasks += Number(/^Threads:\s+(\d+)/m.exec(status)?.[1] ?? 1);
    } catch {
      // The process ended while we looked.
    }
  }
  return tasks;
}

function prlimitArgs(spec: ExecSpec): string[] {
  const { limits } = spec;
  const args = [
    `--cpu=${Math.ceil(limits.timeoutMs / 1000) + 1}`,
    `--fsize=${limits.fileBytes}`,
    `--nofile=${limits.openFiles}`,
    `--nproc=${tasksOfThisUser() + limits.pids}`,
    '--core=0',
  ];
  // V8 reserves far more address space than it uses, so Node gets a heap limit instead (set by the service).
  if (spec.language === 'python') args.push(`--as=${limits.memoryBytes}`);
  return args;
}

export class ProcessDriver implements SandboxDriver {
  readonly name = 'process' as const;
  readonly isolated = false;

  /** `childPath`: the PATH the learner's program runs with (from the app's config). */
  constructor(private readonly childPath = '/usr/local/bin:/usr/bin:/bin') {}

  warmLanguages() {
    return [];
  }

  async execute(spec: ExecSpec, options: ExecOptions = {}): Promise<ExecOutcome> {
    const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'drona-run-'));
    const started = Date.now();
    const collector = new OutputCollector(spec.limits.outputBytes, options.onOutput);
    try {
      for (const file of spec.files) {
        const target = path.join(workDir, file.path);
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.writeFileSync(target, file.content);
      }
      const env: Record<string, string> = {
        PATH: this.childPath,
        HOME: workDir,
        TMPDIR: workDir,
        LANG: 'C.UTF-8',
        ...spec.env,
      };
      const child = spawn('prlimit', [...prlimitArgs(spec), '--', ...spec.argv], {
        cwd: workDir,
        env,
        detached: true,
        stdio: [options.stdin ? 'pipe' : 'ignore', 'pipe', 'pipe'],
      });
      let forced: RunEnd | null = null;
      const killGroup = () => {
        try {
          if (child.pid) process.kill(-child.pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
      };
      const force = (end: RunEnd) => {
        if (forced) return;
        forced = end;
        killGroup();
      };
      const clock = wallClock(
        spec.limits.timeoutMs,
        () => force({ kind: 'timeout' }),
        options.stdin,
        async () => (child.pid ? readsInput(await processGroupWchans(child.pid)) : false),
      );
      if (child.stdin && options.stdin) {
        const input = child.stdin;
        // A program that ends (or closes its stdin) before reading all of it: what it left unread is dropped, as a shell pipe drops it.
        input.on('error', () => undefined);
        options.stdin.attach(
          (text) => input.write(text),
          () => input.end(),
        );
      }
      const onAbort = () => force({ kind: 'stopped' });
      options.signal?.addEventListener('abort', onAbort, { once: true });
      child.stdout!.on('data', (chunk: Buffer) => collector.push('stdout', chunk) || force({ kind: 'output-limit' }));
      child.stderr!.on('data', (chunk: Buffer) => collector.push('stderr', chunk) || force({ kind: 'output-limit' }));
      const end = await new Promise<RunEnd>((resolve) => {
        child.on('error', (error) =>
          resolve({
            kind: 'sandbox-error',
            detail: `Could not start ${spec.argv[0]}: ${error.message}. Install prlimit (util-linux) and ${spec.argv[0]}, or start Docker.`,
          }),
        );
        child.on('close', (code, signal) => resolve(forced ?? { kind: 'exited', exitCode: code, signal }));
      });
      clock.clear();
      options.signal?.removeEventListener('abort', onAbort);
      // Whatever the program left running in its process group goes too.
      killGroup();
      collector.finish();
      let results: string | undefined;
      if (spec.resultsFile) {
        // The learner's code may write this file too: a report past the output cap is not read,
        // as in the Docker driver (the file-size limit is the program's, not this process's).
        try {
          const file = path.join(workDir, spec.resultsFile);
          if (fs.lstatSync(file).isFile() && fs.statSync(file).size <= spec.limits.outputBytes) results = fs.readFileSync(file, 'utf8');
        } catch {
          // Not written, or removed by the program: the check reports that it has no results.
          results = undefined;
        }
      }
      return {
        end,
        stdout: collector.stdout,
        stderr: collector.stderr,
        truncated: collector.truncated,
        durationMs: Date.now() - started,
        waitMs: 0,
        workDir,
        ...(results !== undefined ? { results } : {}),
      };
    } finally {
      fs.rmSync(workDir, { recursive: true, force: true });
    }
  }

  async close(): Promise<void> {}
}
