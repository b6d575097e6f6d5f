// The engines' own memory cap: WebAssembly memory grows only through Memory.prototype.grow
// (Emscripten's heap resize calls it), so a grow past the cap fails and the runtime sees an
// ordinary allocation failure (Python raises MemoryError). Worker resourceLimits do not cover
// WebAssembly memory, which lives outside the JavaScript heap.
const PAGE = 64 * 1024;

let capBytes = Number.POSITIVE_INFINITY;
let refused = false;

export function installMemoryCap(): void {
  const grow = WebAssembly.Memory.prototype.grow;
  WebAssembly.Memory.prototype.grow = function (this: WebAssembly.Memory, delta: number): number {
    if (this.buffer.byteLength + delta * PAGE > capBytes) {
      refused = true;
      throw new RangeError('WebAssembly.Memory.grow(): the sandbox memory limit was reached');
    }
    return grow.call(this, delta);
  };
}

/** Applies from now on: set when the job arrives, after the runtime has loaded. */
export function setMemoryCap(bytes: number): void {
  capBytes = bytes;
}

/** Whether a grow was refused during this job. */
export const memoryCapReached = () => refused;
