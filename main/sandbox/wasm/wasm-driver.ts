// The WebAssembly driver: Python in Pyodide, JavaScript in QuickJS, each run in a worker thread
// of its own that is terminated at the wall-clock limit (or when the run ends), so no state
// survives a run. Isolated without Docker on every OS: the program sees only the exercise's files
// in a virtual file system, no network, no host files. One spare worker per language is loaded
// ahead of the next run, so a warm Run does not wait for the runtime to load; Python workers after
// the first start from its compiled module and memory snapshot (python-boot.ts), in a fraction of
// the time; the app keeps that snapshot on disk too (snapshot-file.ts), so its next start skips
// the full boot.
import fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { SandboxLanguage } from '../../../preload/contract/sandbox';
import { messageOf } from '../../../preload/contract/errors';
import type { ExecOptions, ExecOutcome, ExecSpec, SandboxDriver } from '../driver';
import { OutputCollector } from '../output-collector';
import type { RunEnd } from '../run-outcome';
import { wallClock } from '../stdin-feed';
import { wasmJobFrom } from './job';
import { clockNow, describePhases, type LoadPhase } from './load-phases';
import { newStdinBuffer, StdinWriter } from './stdin-channel';
import type { FromWorker, PythonPrepared, WorkerStart } from './protocol';
import { compilePyodide, type PythonBoot } from './python-boot';
import { otherSnapshots, readSnapshotFile, snapshotFileFor, writeSnapshotFile, type SnapshotFile } from './snapshot-file';
import { workerEntry, type WorkerEntry } from './worker-entry';
import { loadTimeoutMs, workerResourceLimits } from './worker-limits';

export const wasmWorkDir = '/work';

/** Exit code reported for a run stopped at its memory limit, as Docker's OOM kill reports it. */
const OUT_OF_MEMORY_EXIT = 137;

export interface WasmDriverOptions {
  /** sandbox/harness/wasm. */
  readonly harnessDir: string;
  /** Keep a loaded spare worker per language for the next run (the app); a one-shot CLI run does not need it. */
  readonly spare?: boolean;
  /** With spare: where the Python snapshot is kept between starts of the app (its data directory). */
  readonly snapshotDir?: string;
  /**
   * With spare: where the build left a Python snapshot (scripts/python-snapshot.ts), used when
   * snapshotDir has none, so even a fresh install's first Run restores Python instead of booting it.
   */
  readonly shippedSnapshotDir?: string;
  readonly log?: (message: string) => void;
  /** Where the worker's code is (default: beside this module; bench:sandbox names the built bundle, as the app runs it). */
  readonly workerEntry?: WorkerEntry;
}

interface Loading {
  readonly worker: Worker;
  /** Resolves when the runtime has loaded, or with why it could not. */
  readonly ready: Promise<string | null>;
  readonly messages: FromWorker[];
  listener: ((message: FromWorker) => void) | null;
  /** When the worker was asked for (clockNow), and when each step of its load ended. */
  readonly startedAt: number;
  phases: readonly LoadPhase[];
}

export class WasmDriver implements SandboxDriver {
  readonly name = 'wasm' as const;
  readonly isolated = true;
  private readonly spares = new Map<SandboxLanguage, Loading>();
  /** Spares waiting for the one before them to load (prewarm). */
  private readonly queued = new Map<SandboxLanguage, Promise<void>>();
  private readonly ready = new Set<SandboxLanguage>();
  private readonly live = new Set<Worker>();
  /** Made by the first Python worker, before any job ran; null until then, or after a start from it failed. */
  private pythonBoot: Required<PythonBoot> | null = null;
  /** Where pythonBoot's snapshot came from: a file an earlier start wrote, or made by this driver. */
  private pythonBootFrom: 'file' | 'made' | null = null;
  private snapshotFile: SnapshotFile | null = null;
  /** pyodide.asm.wasm compiled by this driver for the Python workers that start without a boot (undefined: it failed). */
  private compiled: Promise<WebAssembly.Module | undefined> | null = null;
  /** Writing the snapshot file (close waits for it, so a CLI-like short life still leaves it whole). */
  private writing: Promise<void> = Promise.resolve();
  private closed = false;
  /** Per language, the start of the spare after the last run (deferred until its result is out). */
  private readonly respawns = new Map<SandboxLanguage, Promise<void>>();
  /** Per language, where the last run's time went: its worker's load, then the run (for bench:sandbox). */
  private readonly lastPhases = new Map<SandboxLanguage, string>();

  constructor(private readonly options: WasmDriverOptions) {}

  /**
   * Starts loading a spare worker for each language (in the background), one after another: the
   * first now, each next once the one before has loaded. Loaded side by side at the app's start,
   * Python and JavaScript split two cores, and Python's first Run took 2,190-3,328 ms where it took
   * 1,476-2,190 ms alone (fresh processes, load average 5-7).
   */
  prewarm(languages: readonly SandboxLanguage[]): void {
    if (this.closed) return;
    let before: Promise<unknown> | null = null;
    for (const language of languages) {
      if (this.spares.has(language)) continue;
      if (!before) {
        before = this.spare(language).ready;
        continue;
      }
      const queued: Promise<void> = before.then(() => {
        if (this.queued.get(language) === queued) this.queued.delete(language);
        if (!this.closed && !this.spares.has(language)) this.spare(language);
      });
      this.queued.set(language, queued);
      before = queued.then(() => this.spares.get(language)?.ready);
    }
  }

  private spare(language: SandboxLanguage): Loading {
    const loading = this.start(language);
    this.spares.set(language, loading);
    return loading;
  }

  /** Resolves when the spare for `language` has loaded (for benchmarks: a warm run, not a wait for one). */
  async spareReady(language: SandboxLanguage): Promise<void> {
    await this.respawns.get(language);
    await this.queued.get(language);
    await this.spares.get(language)?.ready;
  }

  /** Whether new Python workers start from the first one's snapshot (for tests). */
  startsPythonFromSnapshot(): boolean {
    return this.pythonBoot !== null;
  }

  /** Where the snapshot new Python workers start from came from (for tests): null when there is none yet. */
  pythonSnapshotFrom(): 'file' | 'made' | null {
    return this.pythonBootFrom;
  }

  /** Where the last run of `language` spent its time, from asking for its worker to the result (for bench:sandbox). */
  lastRunPhases(language: SandboxLanguage): string | undefined {
    return this.lastPhases.get(language);
  }

  warmLanguages(): SandboxLanguage[] {
    return [...this.ready];
  }

  private start(language: SandboxLanguage): Loading {
    const startedAt = clockNow();
    const entry = this.options.workerEntry ?? workerEntry();
    const made = language === 'python' ? this.pythonBoot : null;
    // A copy of the snapshot of the worker's own, moved to it, so no run can change what the next
    // one starts from: copying here and moving held this thread ~5x less than cloning it into
    // workerData (p50 54 vs 257 ms for its 31 MB at load avg 17), time the Check's result waited.
    const boot = made ? { ...made, snapshot: made.snapshot.slice() } : null;
    const prepare = language === 'python' && !boot;
    // Only the app's driver, which starts a worker per run, gains from making one; every driver
    // (a one-shot CLI run too) starts from one on disk when there is one, instead of booting Python.
    const makeBoot = prepare && Boolean(this.options.spare);
    const snapshotFile = prepare ? this.persistedSnapshot() : null;
    const shipped = prepare ? this.shippedSnapshot() : null;
    const workerData: WorkerStart = {
      language,
      harnessDir: this.options.harnessDir,
      ...(boot ? { boot } : {}),
      ...(makeBoot ? { makeBoot } : {}),
      ...(prepare ? { prepared: true } : {}),
    };
    const worker = new Worker(entry.code, {
      eval: entry.eval,
      workerData,
      ...(boot ? { transferList: [boot.snapshot.buffer as ArrayBuffer] } : {}),
      resourceLimits: workerResourceLimits({ memoryBytes: 1024 * 1024 * 1024 }),
      stdout: true,
      stderr: true,
      env: {},
    });
    this.live.add(worker);
    // Compiling and reading the file here overlaps the worker's own start (its thread, its JavaScript).
    if (prepare)
      void this.preparePython(snapshotFile, shipped).then((prepared) =>
        worker.postMessage(prepared, prepared.snapshot ? [prepared.snapshot.buffer as ArrayBuffer] : []),
      );
    worker.on('exit', () => this.live.delete(worker));
    // Whatever the worker itself prints (never the learner's output, which comes as messages) is a driver log.
    for (const stream of [worker.stdout, worker.stderr]) stream.on('data', (chunk: Buffer) => this.options.log?.(`wasm worker: ${chunk.toString().trimEnd()}`));
    const loading: Loading = { worker, messages: [], listener: null, ready: Promise.resolve(null), startedAt, phases: [] };
    (loading as { ready: Promise<string | null> }).ready = new Promise((resolve) => {
      let isReady = false;
      worker.on('message', (message: FromWorker) => {
        if (message.type === 'boot') {
          // Taken only before 'ready' (so before any job), and only once: no run can change what later runs start from.
          if (prepare && !isReady && !this.pythonBoot) {
            this.pythonBoot = { module: message.module, snapshot: message.snapshot };
            this.pythonBootFrom = message.from;
            if (snapshotFile && message.from === 'made') this.persist(snapshotFile, message.snapshot);
          }
        } else if (message.type === 'log') {
          this.options.log?.(message.detail);
        } else if (message.type === 'ready') {
          isReady = true;
          loading.phases = message.phases;
          this.ready.add(language);
          resolve(null);
        } else if (message.type === 'failed' && !loading.listener) {
          // A start from the snapshot that failed: the next worker loads in full (and makes a new one).
          if (made && this.pythonBoot === made) this.pythonBoot = this.pythonBootFrom = null;
          resolve(message.detail);
        } else if (loading.listener) loading.listener(message);
        else loading.messages.push(message);
      });
      worker.on('error', (error) => resolve(`the ${language} worker failed: ${messageOf(error)}`));
      worker.on('exit', (code) => resolve(`the ${language} worker exited (code ${code}) before it was ready`));
    });
    return loading;
  }

  /** The app's snapshot file, or null without a data directory or when its key cannot be made. */
  private persistedSnapshot(): SnapshotFile | null {
    if (!this.options.snapshotDir) return null;
    try {
      this.snapshotFile ??= snapshotFileFor(this.options.snapshotDir, this.options.harnessDir);
    } catch (error) {
      this.options.log?.(`no Python snapshot file: ${messageOf(error)}`);
    }
    return this.snapshotFile;
  }

  /** The snapshot the build shipped for this Pyodide and harness, or null without one (logged when one was shipped for another). */
  private shippedSnapshot(): SnapshotFile | null {
    if (!this.options.shippedSnapshotDir) return null;
    try {
      const file = snapshotFileFor(this.options.shippedSnapshotDir, this.options.harnessDir);
      const others = otherSnapshots(file);
      if (others.length > 0 && !fs.existsSync(file.path))
        this.options.log?.(`the shipped Python snapshot (${others.join(', ')}) was made for another Pyodide or harness, not ${file.key}: Python boots in full`);
      return file;
    } catch (error) {
      this.options.log?.(`no shipped Python snapshot: ${messageOf(error)}`);
      return null;
    }
  }

  /**
   * The compiled module (compiled once per driver) and a snapshot to start from: `file`'s (the
   * data directory's) when it passes its checks, else `shipped`'s (the build's).
   */
  private async preparePython(file: SnapshotFile | null, shipped: SnapshotFile | null): Promise<PythonPrepared> {
    this.compiled ??= compilePyodide().catch((error: unknown) => {
      this.options.log?.(`could not compile Pyodide ahead of its worker (the worker compiles it): ${messageOf(error)}`);
      return undefined;
    });
    const readUsable = async (candidate: SnapshotFile | null) => {
      const read = candidate ? await readSnapshotFile(candidate) : { problem: 'missing' };
      if ('problem' in read && read.problem !== 'missing') this.options.log?.(read.problem);
      return 'snapshot' in read && candidate ? { snapshot: read.snapshot, snapshotPath: candidate.path } : null;
    };
    const [module, found] = await Promise.all([this.compiled, readUsable(file).then(async (own) => own ?? readUsable(shipped))]);
    return { type: 'prepared', ...(module ? { module } : {}), ...found };
  }

  private persist(file: SnapshotFile, snapshot: Uint8Array): void {
    this.writing = this.writing
      .then(() => writeSnapshotFile(file, snapshot))
      .then(
        () => this.options.log?.(`saved the Python snapshot to ${file.path}`),
        // The app works as before without it; the next start makes and tries to save it again.
        (error: unknown) => this.options.log?.(`could not save the Python snapshot to ${file.path}: ${messageOf(error)}`),
      );
  }

  private take(language: SandboxLanguage): Loading {
    const spare = this.spares.get(language);
    this.spares.delete(language);
    this.ready.delete(language);
    return spare ?? this.start(language);
  }

  async execute(spec: ExecSpec, options: ExecOptions = {}): Promise<ExecOutcome> {
    const started = Date.now();
    const collector = new OutputCollector(spec.limits.outputBytes, options.onOutput);
    const outcome = (end: RunEnd, waitMs: number, results?: string): ExecOutcome => {
      collector.finish();
      return {
        end,
        stdout: collector.stdout,
        stderr: collector.stderr,
        truncated: collector.truncated,
        durationMs: Date.now() - started - waitMs,
        waitMs,
        workDir: wasmWorkDir,
        ...(results !== undefined ? { results } : {}),
      };
    };
    const stdinBuffer = newStdinBuffer();
    const job = wasmJobFrom(spec, stdinBuffer);
    if ('problem' in job) return outcome({ kind: 'sandbox-error', detail: job.problem }, 0);
    const loading = this.take(spec.language);
    const askedAt = clockNow();
    try {
      const loadLimit = new Promise<string>((resolve) =>
        setTimeout(() => resolve(`the ${spec.language} runtime did not load within ${loadTimeoutMs / 1000} s`), loadTimeoutMs).unref(),
      );
      const problem = await Promise.race([loading.ready, loadLimit]);
      const waitMs = Date.now() - started;
      if (problem) return outcome({ kind: 'sandbox-error', detail: `The WebAssembly sandbox could not start: ${problem}.` }, waitMs);
      if (options.signal?.aborted) return outcome({ kind: 'stopped' }, waitMs);
      const end = await new Promise<{ end: RunEnd; results?: string }>((resolve) => {
        const finish = (value: { end: RunEnd; results?: string }) => {
          clock.clear();
          options.signal?.removeEventListener('abort', onAbort);
          resolve(value);
        };
        // Here the clock also stops while the program waits for input: the worker says when.
        const clock = wallClock(spec.limits.timeoutMs, () => finish({ end: { kind: 'timeout' } }), options.stdin);
        const stdin = new StdinWriter(stdinBuffer);
        const onAbort = () => finish({ end: { kind: 'stopped' } });
        options.signal?.addEventListener('abort', onAbort, { once: true });
        loading.listener = (message) => {
          if (message.type === 'output') {
            if (!collector.push(message.stream, Buffer.from(message.data.buffer, message.data.byteOffset, message.data.byteLength)))
              finish({ end: { kind: 'output-limit' } });
          } else if (message.type === 'done') {
            const exitCode = message.outOfMemory ? OUT_OF_MEMORY_EXIT : message.exitCode;
            finish({ end: { kind: 'exited', exitCode }, ...(message.results !== undefined ? { results: message.results } : {}) });
          } else if (message.type === 'failed') {
            finish({ end: { kind: 'sandbox-error', detail: `The WebAssembly sandbox failed: ${message.detail}` } });
          } else if (message.type === 'stdin') {
            if (message.waiting) {
              clock.pause();
              stdin.pump();
            } else clock.resume();
          }
        };
        loading.worker.once('error', (error) => {
          const code = (error as { code?: string }).code;
          finish({
            end: code === 'ERR_WORKER_OUT_OF_MEMORY' ? { kind: 'exited', exitCode: OUT_OF_MEMORY_EXIT } : { kind: 'sandbox-error', detail: messageOf(error) },
          });
        });
        loading.worker.once('exit', (code) => finish({ end: { kind: 'sandbox-error', detail: `the worker exited (code ${code}) during the run` } }));
        for (const message of loading.messages.splice(0)) loading.listener(message);
        loading.worker.postMessage(job);
        if (options.stdin)
          options.stdin.attach(
            (text) => stdin.write(text),
            () => stdin.end(),
          );
        else stdin.end();
      });
      const doneAt = clockNow();
      const runFrom = Math.max(askedAt, loading.phases.at(-1)?.at ?? askedAt);
      this.lastPhases.set(
        spec.language,
        `load: ${describePhases(loading.startedAt, loading.phases)} (asked for the run ${Math.round(askedAt - loading.startedAt)} ms after the worker); ` +
          `run ${Math.round(doneAt - runFrom)} ms`,
      );
      return outcome(end.end, waitMs, end.results);
    } finally {
      // Ends the program wherever it is (a loop in WebAssembly included): its state goes with it.
      // Not awaited (the teardown took 200-500 ms under load): the result need not wait for it,
      // and nothing the worker still sends reaches this run.
      loading.listener = () => undefined;
      void loading.worker.terminate().catch((error: unknown) => this.options.log?.(`could not end a wasm worker: ${messageOf(error)}`));
      // The next spare starts once this result is on its way: starting a Python worker copies the
      // snapshot (~30 MB) into its workerData on this thread, which held the result back (bench:sandbox's UI Checks).
      if (this.options.spare && !this.closed)
        this.respawns.set(
          spec.language,
          new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.prewarm([spec.language])),
        );
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    this.spares.clear();
    this.ready.clear();
    await Promise.all([...this.live].map((worker) => worker.terminate()));
    await this.writing;
  }
}
