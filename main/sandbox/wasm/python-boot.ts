// What the first Python worker leaves for the ones after it, so that a new worker (each run gets
// a fresh one) starts in a fraction of the time: Pyodide's compiled WebAssembly module (code,
// immutable, shared between threads) and a memory snapshot of Python right after it and the
// harness loaded, before any job (copied into each worker, so no run can change what the next
// one starts from).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { markPhase } from './load-phases';

/** node_modules/pyodide/, found from here (a worker has no caller's stack to go by); read offline. */
export const pyodideIndexURL = () => `${path.dirname(createRequire(import.meta.url).resolve('pyodide/package.json'))}/`;

/**
 * pyodide.asm.wasm, compiled off the calling thread: the driver starts this as it spawns the
 * first Python worker, so the compile overlaps the worker's own start instead of following it.
 */
export async function compilePyodide(): Promise<WebAssembly.Module> {
  return WebAssembly.compile(await fs.promises.readFile(`${pyodideIndexURL()}pyodide.asm.wasm`));
}

export interface PythonBoot {
  /** pyodide.asm.wasm, compiled. */
  readonly module?: WebAssembly.Module;
  /** Pyodide's memory once the runtime and the harness have loaded (makeMemorySnapshot). */
  readonly snapshot?: Uint8Array;
}

/**
 * Makes Pyodide's one instantiation of `wasmFile` use `boot.module` when there is one, and
 * reports the module it used (to hand on to the next worker). Other modules load as before.
 */
export function reusePyodideModule(wasmFile: string, boot: PythonBoot): { module: () => WebAssembly.Module | undefined; restore: () => void } {
  const instantiate = WebAssembly.instantiate;
  const size = fs.statSync(wasmFile).size;
  let used = boot.module;
  const restore = () => {
    WebAssembly.instantiate = instantiate;
  };
  WebAssembly.instantiate = (async (source: BufferSource | WebAssembly.Module, imports?: WebAssembly.Imports) => {
    if (source instanceof WebAssembly.Module || source.byteLength !== size) return instantiate(source as BufferSource, imports);
    restore();
    markPhase('pyodide JS and wasm read');
    if (used) {
      const instance = await instantiate(used, imports);
      markPhase('wasm instantiated (module given)');
      return { module: used, instance };
    }
    const loaded = await instantiate(source, imports);
    markPhase('wasm compiled and instantiated');
    used = loaded.module;
    return loaded;
  }) as typeof WebAssembly.instantiate;
  return { module: () => used, restore };
}
