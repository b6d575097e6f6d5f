// Python in the worker: Pyodide loaded from node_modules (no network), sealed off from the
// host before any learner code runs, the exercise's files alone under /work.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PyodideAPI } from 'pyodide';
import { markPhase } from './load-phases';
import type { OutputPump } from './output-pump';
import { pyodideIndexURL, reusePyodideModule, type PythonBoot } from './python-boot';
import type { WasmJob } from './protocol';
import type { StdinReader } from './stdin-channel';

const WORK = '/work';
const HARNESS = '/drona';
/** Emscripten's EPERM: a socket cannot even be made. */
const EPERM = 63;

/** What Python could use to reach the host through JavaScript: gone from the API object. */
const hostReaches = [
  'mountNodeFS',
  'mountNativeFS',
  'useNodeSockFS',
  'loadPackage',
  'loadPackagesFromImports',
  'registerJsModule',
  'pyimport',
  'runPythonAsync',
  '_module',
];

type Emscripten = {
  SOCKFS: { createSocket: (...args: unknown[]) => unknown };
  FS: PyodideAPI['FS'] & { filesystems: Record<string, unknown>; ErrnoError: new (errno: number) => Error };
};

function seal(pyodide: PyodideAPI): void {
  const module = (pyodide as unknown as { _module: Emscripten })._module;
  module.SOCKFS.createSocket = () => {
    throw new module.FS.ErrnoError(EPERM);
  };
  delete module.FS.filesystems.NODEFS;
  pyodide.unregisterJsModule('pyodide_js');
  for (const key of hostReaches) {
    try {
      Object.defineProperty(pyodide, key, { value: undefined, configurable: false, writable: false });
    } catch {
      // A property that cannot be redefined stays; Python's route to this object is sealed too (drona_wasm.seal).
    }
  }
}

export interface PythonRuntime {
  run(job: WasmJob, pump: OutputPump, stdin: StdinReader): { exitCode: number; results?: string };
}

/** Starts importing Pyodide's JavaScript (pyodide.mjs and pyodide.asm.mjs), for loadPython to find loaded; failures are loadPython's to report. */
export function preloadPyodide(): void {
  // As Pyodide imports it (nodeLoadScript), so the module cache holds the same URL.
  const asm = pathToFileURL(`${pyodideIndexURL()}pyodide.asm.mjs`).href;
  for (const load of [import('pyodide'), import(asm)]) load.catch(() => undefined);
}

/**
 * Loads Python: from `boot`'s snapshot when there is one (restoring memory instead of starting
 * the interpreter and importing the harness again), else in full, handing the module and the
 * snapshot it made or used to `onBoot` before any job can run.
 */
export async function loadPython(harnessDir: string, boot: PythonBoot = {}, onBoot?: (made: Required<PythonBoot>) => void): Promise<PythonRuntime> {
  const indexURL = pyodideIndexURL();
  const wasm = reusePyodideModule(`${indexURL}pyodide.asm.wasm`, boot);
  let pyodide: PyodideAPI;
  try {
    // Imported here, not at the top: a JavaScript worker never loads Pyodide.
    const { loadPyodide } = await import('pyodide');
    pyodide = await loadPyodide({
      indexURL,
      // The `js` module sees this object only, never the worker's globals.
      jsglobals: {},
      env: { HOME: WORK, PYTHONDONTWRITEBYTECODE: '1', LANG: 'C.UTF-8' },
      ...(boot.snapshot ? { _loadSnapshot: boot.snapshot } : onBoot ? { _makeSnapshot: true } : {}),
    });
  } finally {
    wasm.restore();
  }
  markPhase(boot.snapshot ? 'snapshot restored' : 'Python started');
  const { FS } = pyodide;
  // Written even after a snapshot (the file system is not in it): tracebacks read these files.
  FS.mkdirTree(HARNESS);
  for (const name of fs.readdirSync(harnessDir).filter((file) => file.endsWith('.py'))) {
    FS.writeFile(`${HARNESS}/${name}`, fs.readFileSync(path.join(harnessDir, name)));
  }
  // After a snapshot, the harness is imported already; this only binds the names again.
  if (!boot.snapshot) pyodide.runPython(`import sys\nsys.path.append(${JSON.stringify(HARNESS)})`);
  pyodide.runPython(`import drona_wasm, drona_pytest, drona_trace, json, unittest`);
  markPhase('harness imported');
  const module = wasm.module();
  // A snapshot given without a module (read from a file) is handed on as it came.
  if (onBoot && module) onBoot({ module, snapshot: boot.snapshot ?? pyodide.makeMemorySnapshot() });
  const runFile = pyodide.globals.get('drona_wasm').run as (entry: string) => number;
  const checkFiles = pyodide.globals.get('drona_wasm').check as (testsJson: string) => string;
  const traceRun = pyodide.globals.get('drona_trace').trace as (requestJson: string) => string;
  seal(pyodide);
  markPhase('handed on and sealed');
  return {
    run(job, pump, stdin) {
      FS.mkdirTree(WORK);
      for (const file of job.files) {
        const target = `${WORK}/${file.path}`;
        FS.mkdirTree(target.slice(0, target.lastIndexOf('/')));
        FS.writeFile(target, file.content);
      }
      // Python reads as the learner sends, blocking (input() waits for a line).
      pyodide.setStdin({ read: (buffer: Uint8Array) => stdin.read(buffer), isatty: false });
      pyodide.setStdout({ write: (bytes: Uint8Array) => (pump.write('stdout', bytes), bytes.length) });
      pyodide.setStderr({ write: (bytes: Uint8Array) => (pump.write('stderr', bytes), bytes.length) });
      if (job.mode === 'run') return { exitCode: runFile(job.entry) };
      if (job.mode === 'trace') return { exitCode: 0, results: traceRun(job.trace ?? '{}') };
      const outcome = JSON.parse(checkFiles(JSON.stringify(job.tests))) as { exitCode: number; results: unknown };
      return { exitCode: outcome.exitCode, ...(outcome.results ? { results: JSON.stringify(outcome.results) } : {}) };
    },
  };
}
