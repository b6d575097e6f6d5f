// Messages between the WebAssembly driver and its worker. A worker starts with its language
// (so it can load the runtime before a job arrives: the spare), takes one job, and is ended.
import type { SandboxFile, SandboxLanguage } from '../../../preload/contract/sandbox';
import type { LoadPhase } from './load-phases';
import type { PythonBoot } from './python-boot';

export interface WorkerStart {
  readonly language: SandboxLanguage;
  /** sandbox/harness/wasm: the Python runner and the JavaScript test shims. */
  readonly harnessDir: string;
  /** Python: start from what an earlier worker made (python-boot.ts). */
  readonly boot?: PythonBoot;
  /** Python: make it (a full load) and send it back before 'ready'. */
  readonly makeBoot?: boolean;
  /**
   * Python without boot: wait for the driver's PythonPrepared message, the first it sends, and
   * start from it; a snapshot from it that Python started from is sent back (from 'file').
   */
  readonly prepared?: boolean;
}

/**
 * What the driver prepared for a Python worker that has no boot, while the worker itself started:
 * the compiled module (none when compiling failed: the worker compiles), and the snapshot file's
 * contents when they passed its checks (then sent back as the boot, from 'file').
 */
export interface PythonPrepared {
  readonly type: 'prepared';
  readonly module?: WebAssembly.Module;
  readonly snapshot?: Uint8Array;
  /** Where the snapshot came from, for the log when Pyodide refuses it. */
  readonly snapshotPath?: string;
}

export interface WasmJob {
  readonly mode: 'run' | 'check' | 'trace';
  /** Run: the file to run. */
  readonly entry: string;
  /** Check: the test files, in order. */
  readonly tests: readonly string[];
  readonly files: readonly SandboxFile[];
  /** Trace: the request drona_trace.py reads (JSON). */
  readonly trace?: string;
  /** The engine's own memory cap (WebAssembly memory for Pyodide, QuickJS's allocator limit). */
  readonly memoryBytes: number;
  /** The worker stops sending output past this (the driver cuts it and ends the run). */
  readonly outputBytes: number;
  readonly timeoutMs: number;
  /** Standard input, written by the driver as it comes (stdin-channel.ts). */
  readonly stdin: SharedArrayBuffer;
}

export type FromWorker =
  /** Loaded; `phases` says when each step of the load ended (load-phases.ts). */
  | { readonly type: 'ready'; readonly phases: readonly LoadPhase[] }
  /** Python's compiled module and memory snapshot, made while loading, before any job. */
  | { readonly type: 'boot'; readonly module: WebAssembly.Module; readonly snapshot: Uint8Array; readonly from: 'file' | 'made' }
  /** Something the driver should log (a snapshot file that could not be used). */
  | { readonly type: 'log'; readonly detail: string }
  | { readonly type: 'output'; readonly stream: 'stdout' | 'stderr'; readonly data: Uint8Array }
  | { readonly type: 'done'; readonly exitCode: number; readonly results?: string; readonly outOfMemory?: boolean }
  | { readonly type: 'failed'; readonly detail: string }
  /** The program waits for input (its wall clock stops), or got it. */
  | { readonly type: 'stdin'; readonly waiting: boolean };
