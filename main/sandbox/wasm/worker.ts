// The worker that runs one job: it loads its language's runtime at start (so a spare is ready
// before a Run is asked for), locks the worker's own JavaScript down, takes one job and reports.
// The driver ends it after the job, or at the wall-clock limit, so nothing survives a run.
import { parentPort, workerData } from 'node:worker_threads';
import { messageOf } from '../../../common/errors';
import { loadJavaScript } from './js-runtime';
import { loadPhases, markPhase } from './load-phases';
import { installMemoryCap, memoryCapReached, setMemoryCap } from './memory-cap';
import { OutputPump } from './output-pump';
import type { FromWorker, PythonPrepared, WasmJob, WorkerStart } from './protocol';
import { startPython } from './python-start';
import { StdinReader } from './stdin-channel';

const port = parentPort!;
const post = (message: FromWorker) => port.postMessage(message);

/**
 * Were learner code to reach this worker's JavaScript, it could not make new code from strings
 * (the way to `import('node:fs')`), nor fetch, nor open sockets: the runtimes need none of it
 * once loaded.
 */
function lockGlobals(): void {
  const refuse = {
    apply: () => {
      throw new EvalError('code from strings is disabled in the sandbox');
    },
    construct: () => {
      throw new EvalError('code from strings is disabled in the sandbox');
    },
  };
  const constructors = [function () {}, async function () {}, function* () {}, async function* () {}].map(
    (f) => Object.getPrototypeOf(f) as { constructor: object },
  );
  // Proxies, so `instanceof Function` (which Pyodide uses) still works while calling them throws.
  for (const prototype of constructors)
    Object.defineProperty(prototype, 'constructor', { value: new Proxy(prototype.constructor, refuse), writable: false, configurable: false });
  const global = globalThis as Record<string, unknown>;
  Object.defineProperty(global, 'Function', { value: new Proxy(Function, refuse), writable: false, configurable: false });
  for (const name of ['eval', 'fetch', 'WebSocket', 'EventSource', 'XMLHttpRequest']) {
    Object.defineProperty(global, name, { value: undefined, writable: false, configurable: false });
  }
}

markPhase('worker JS loaded');
const start = workerData as WorkerStart;
installMemoryCap();
try {
  // Listening before anything is awaited: the driver's message may come at any time.
  const prepared = start.prepared ? new Promise<PythonPrepared>((resolve) => port.once('message', resolve)) : null;
  const runtime =
    start.language === 'python'
      ? await startPython(start, (message, transfer) => port.postMessage(message, transfer), prepared)
      : await loadJavaScript(start.harnessDir);
  lockGlobals();
  port.once('message', (job: WasmJob) => {
    setMemoryCap(job.memoryBytes);
    const pump = new OutputPump(post, job.outputBytes);
    const stdin = new StdinReader(job.stdin, (waiting) => {
      // The prompt printed before input() is shown before the wait.
      if (waiting) pump.flush();
      post({ type: 'stdin', waiting });
    });
    void Promise.resolve()
      .then(() => runtime.run(job, pump, stdin))
      .then(
        (outcome) => {
          pump.flush();
          post({ type: 'done', ...outcome, ...(memoryCapReached() ? { outOfMemory: true } : {}) });
        },
        (error: unknown) => {
          pump.flush();
          post(memoryCapReached() ? { type: 'done', exitCode: 137, outOfMemory: true } : { type: 'failed', detail: messageOf(error) });
        },
      );
  });
  post({ type: 'ready', phases: loadPhases() });
} catch (error) {
  post({ type: 'failed', detail: `The ${start.language} runtime could not load: ${messageOf(error)}` });
}
