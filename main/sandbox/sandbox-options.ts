// What the sandbox service is asked to run and how it is configured (the composition root and
// the CLI build these).
import type Docker from 'dockerode';
import type { SandboxFile, SandboxLanguage, SandboxLimitsInput } from '../../preload/contract/sandbox';
import type { ConsentState, DriverRequest } from './driver-choice';
import type { OfflineBuildEnvironment } from './image-build';

export interface RunRequest {
  /** The course the code comes from (its files, examples or tests); absent for code from no course. */
  readonly courseId?: string;
  readonly language: SandboxLanguage;
  readonly files: readonly SandboxFile[];
  readonly entry: string;
  readonly limits?: SandboxLimitsInput;
}

export interface CheckRequest {
  readonly courseId?: string;
  readonly language: SandboxLanguage;
  readonly files: readonly SandboxFile[];
  readonly tests: readonly SandboxFile[];
  /** The course's shared support files (courses/FORMAT.md, support/): staged beside the tests, never run as tests. */
  readonly support?: readonly SandboxFile[];
  readonly limits?: SandboxLimitsInput;
}

/** The app's say over unisolated runs; main's own records, never the renderer's word. */
export interface ProcessGate {
  /** Settings → Sandbox: run course code directly on this computer when there is no isolated sandbox. */
  allowed(): boolean;
  consent(courseId: string | null): ConsentState;
  /** The installed course, to name it when asking. */
  course(courseId: string): { readonly title: string; readonly version: string } | null;
}

/** What the sandbox takes from the app's config (app-config.ts). */
export interface SandboxEnvironment extends OfflineBuildEnvironment {
  /** PATH for the process driver's child. */
  readonly childPath?: string;
}

export interface SandboxServiceOptions {
  /**
   * 'auto' (default): Docker when an engine answers, else the process driver only if the gate
   * allows it, else nothing. 'process' (an author's explicit choice): no Docker; the gate, if
   * any, still asks per course. The app passes DRONA_SANDBOX_DRIVER from its config.
   */
  readonly driver?: DriverRequest;
  /** From the app's config: the process driver's PATH and the offline image build's mirror and cache. */
  readonly environment?: SandboxEnvironment;
  /** The app's gate; without one (the CLI) 'auto' never falls back to the process driver. */
  readonly processGate?: ProcessGate;
  /** How to turn the process driver on, where this service runs (default: the app's Settings switch). */
  readonly unisolatedHint?: string;
  /** Keep a used container warm for the next run (the app); a one-shot CLI run does not need it. */
  readonly warm?: boolean;
  /**
   * Start a warm container per language at once (the desktop app). Otherwise the first Run of
   * a language starts cold and its container stays warm for the next.
   */
  readonly prewarm?: boolean;
  /** The prewarm waits for this (the app's first paint); default: at once. */
  readonly prewarmAfter?: Promise<void>;
  readonly log?: (message: string) => void;
  readonly docker?: Docker;
  /** The app's data folder: its hash labels the containers with the instance that owns them. */
  readonly dataDir?: string;
}
