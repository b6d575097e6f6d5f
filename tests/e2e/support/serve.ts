// Starts `drona serve` for an end-to-end test: a temp data dir, any free port, the real CLI.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export interface ServeProcess {
  /** The URL with the token, as printed by `drona serve`. */
  readonly url: string;
  readonly origin: string;
  readonly token: string;
  readonly dataDir: string;
  readonly output: () => string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export interface ServeOptions {
  dataDir?: string;
  env?: NodeJS.ProcessEnv;
  args?: string[];
}

export function tempDataDir(prefix = 'drona-e2e-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export async function startServe(options: ServeOptions = {}): Promise<ServeProcess> {
  const dataDir = options.dataDir ?? tempDataDir();
  const child: ChildProcess = spawn(
    process.execPath,
    [path.join(repoRoot, 'bin', 'drona.mjs'), 'serve', '--no-open', '--data-dir', dataDir, ...(options.args ?? [])],
    // Most tests never run code: the sandbox starts on first use instead of warming at start-up.
    { cwd: repoRoot, env: { DRONA_SANDBOX_PREWARM: '0', ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let log = '';
  child.stdout!.on('data', (chunk) => (log += String(chunk)));
  child.stderr!.on('data', (chunk) => (log += String(chunk)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`drona serve did not start in 20 s:\n${log}`)), 20_000);
    const onData = () => {
      const match = /running at (http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+)/.exec(log);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`drona serve exited with ${code}:\n${log}`));
    });
  });
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    token: parsed.searchParams.get('token')!,
    dataDir,
    output: () => log,
    stop: (signal = 'SIGTERM') =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      }),
  };
}
