// What the first Python worker leaves for the ones after it, so that a new worker (each run gets
// a fresh one) starts in a fraction of the time: Pyodide's compiled WebAssembly module (code,
// immutable, shared between threads) and a memory snapshot of Python right after it and the
// harness loaded, before any job (copied into each worker, so no run can change what the next
// one starts from).
import fs from 'node:fs';

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
    if (used) return { module: used, instance: await instantiate(used, imports) };
    const loaded = await instantiate(source, imports);
    used = loaded.module;
    return loaded;
  }) as typeof WebAssembly.instantiate;
  return { module: () => used, restore };
}
