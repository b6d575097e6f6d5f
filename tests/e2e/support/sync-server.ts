// The hosted API (`drona server`, PGlite) on loopback for an end-to-end test, and signing in
// to it from the app's Settings.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { repoRoot } from './serve';

export interface SyncServer {
  url: string;
  stop(): Promise<void>;
}

/** `env` adds to the server's environment, e.g. DRONA_ADMIN_TOKEN for a test that acts as the server's admin. */
export async function startSyncServer(port: number, dataDir: string, args: string[] = [], env: Record<string, string> = {}): Promise<SyncServer> {
  const child: ChildProcess = spawn(
    process.execPath,
    [path.join(repoRoot, 'bin', 'drona.mjs'), 'server', '--port', String(port), '--data-dir', dataDir, '--builtin-courses', ...args],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } },
  );
  let log = '';
  child.stderr!.on('data', (chunk) => (log += String(chunk)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`drona server did not start in 90 s:\n${log}`)), 90_000);
    child.stdout!.on('data', (chunk) => {
      const match = /running at (http:\/\/127\.0\.0\.1:\d+)/.exec(String(chunk));
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`drona server exited with ${code}:\n${log}`));
    });
  });
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Signs in from Settings → Sync (the address is preset, as in a bootcamp build). */
export async function signInToSync(page: Page, serverUrl: string, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByLabel('Sync server address')).toHaveValue(serverUrl);
  await page.getByLabel('Name on leaderboards').fill(name);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByText('Signed in as')).toBeVisible();
}
