// Why a run did not start, said so the learner knows what to do; and the one check that learner
// files fit a workspace before they go to any driver.
import { DronaError } from '../../preload/contract/errors';
import type { RunResult, SandboxFile } from '../../preload/contract/sandbox';
import { workspaceFilesProblem } from '../../preload/contract/workspace-limits';
import type { Refusal } from './driver-choice';

const appUnisolatedHint = 'allow running course code directly on this computer in Settings → Sandbox (not isolated)';

/** What to do when no driver may run code. */
export function refusalMessage(refusal: Refusal, detail: { dockerProblem?: string | null; courseTitle?: string; unisolatedHint?: string }): string {
  const docker = detail.dockerProblem ? ` (no Docker engine answered: ${detail.dockerProblem})` : '';
  switch (refusal) {
    case 'docker-unavailable':
      return `Docker did not answer${detail.dockerProblem ? `: ${detail.dockerProblem}` : ''}. Start Docker and try again.`;
    case 'wasm-unavailable':
      return 'The WebAssembly sandbox is not installed with this copy of the app (its runtimes are missing). Reinstall the app, or start Docker.';
    case 'no-isolated-sandbox':
      return `No isolated sandbox is available: start Docker${docker}, or ${detail.unisolatedHint ?? appUnisolatedHint}.`;
    case 'needs-consent':
      return `Nothing ran: ${detail.courseTitle ?? 'this course'} has not been confirmed to run directly on this computer (not isolated). Confirm it when asked, or start Docker${docker}.`;
  }
}

/** The learner's files go in only when a workspace could hold them: one set of limits for both. */
export function refuseUnfit(files: readonly SandboxFile[]): void {
  const problem = workspaceFilesProblem(files);
  if (problem) throw new DronaError('invalid_input', `These files cannot run: ${problem}`);
}

/** A run that never started: the sandbox says why instead. */
export const sandboxError = (driver: RunResult['driver'], message: string): RunResult => ({
  outcome: 'sandbox-error',
  exitCode: null,
  durationMs: 0,
  stdout: '',
  stderr: '',
  truncated: false,
  diagnostics: [],
  driver,
  message,
});
