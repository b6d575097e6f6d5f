// The limits a worker runs under, from the run's limits. Pure. The JavaScript heap of the
// worker (QuickJS's own memory is WebAssembly memory, capped in the worker) stays small; the
// memory a program uses is capped by the engine (memory-cap.ts, QuickJS's allocator limit).
import type { ResourceLimits } from 'node:worker_threads';
import type { SandboxLimits } from '../limits';

const MiB = 1024 * 1024;

export function workerResourceLimits(limits: Pick<SandboxLimits, 'memoryBytes'>): ResourceLimits {
  return {
    // Pyodide's and QuickJS's JavaScript side, with room for a program's output in flight.
    maxOldGenerationSizeMb: Math.max(128, Math.ceil(limits.memoryBytes / MiB / 2)),
    maxYoungGenerationSizeMb: 32,
    stackSizeMb: 8,
  };
}

/** How long a worker may take to load its runtime before the run is reported as a sandbox error. */
export const loadTimeoutMs = 60_000;
