// What a sandbox driver does: put files in an empty work dir, run one command under the
// limits, stream its output, and say how it ended. The service builds the command.
import type { SandboxDriverName, SandboxFile, SandboxLanguage } from '../../preload/contract/sandbox';
import type { SandboxLimits } from './limits';
import type { OutputStream } from './output-collector';
import type { RunEnd } from './run-outcome';
import type { StdinFeed } from './stdin-feed';

export interface ExecSpec {
  readonly language: SandboxLanguage;
  readonly files: readonly SandboxFile[];
  /** The command, run in the work dir. */
  readonly argv: readonly string[];
  readonly env: Readonly<Record<string, string>>;
  readonly limits: SandboxLimits;
  /** A file the command writes (relative to the work dir) to read back after it ends. */
  readonly resultsFile?: string;
}

export interface ExecOptions {
  readonly onOutput?: (stream: OutputStream, text: string) => void;
  readonly signal?: AbortSignal;
  /** What the program reads from standard input; without it, the program reads end of file at once. */
  readonly stdin?: StdinFeed;
}

export interface ExecOutcome {
  readonly end: RunEnd;
  readonly stdout: string;
  readonly stderr: string;
  readonly truncated: boolean;
  readonly durationMs: number;
  /** Time spent waiting for a container before the program started. */
  readonly waitMs: number;
  /** The work dir as the program saw it (to map traceback paths to the learner's files). */
  readonly workDir: string;
  readonly results?: string;
}

export interface SandboxDriver {
  readonly name: SandboxDriverName;
  readonly isolated: boolean;
  execute(spec: ExecSpec, options?: ExecOptions): Promise<ExecOutcome>;
  /** Languages with a container ready to run at once. */
  warmLanguages(): SandboxLanguage[];
  close(): Promise<void>;
}
