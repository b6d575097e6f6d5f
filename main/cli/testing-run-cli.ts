// Runs the `drona` command in-process for tests, capturing what it prints. Test-only: no entry
// point imports it.
import { vi } from 'vitest';
import { runCli } from './program';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function runCliCaptured(...args: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
  try {
    const code = await runCli(['node', 'drona', ...args], process.env);
    return { code, stdout, stderr };
  } finally {
    vi.restoreAllMocks();
  }
}
