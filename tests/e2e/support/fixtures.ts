// Playwright fixtures the specs share. `serveApp` starts `drona serve` (as often as a test needs,
// to restart it on the same data) and stops every one it started when the test ends; `workDir`
// is a temporary folder, removed when the test ends.
import { test as base } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServe, type ServeOptions, type ServeProcess } from './serve';

export interface E2eFixtures {
  serveApp(options?: ServeOptions): Promise<ServeProcess>;
  workDir: string;
}

export const test = base.extend<E2eFixtures>({
  // Playwright reads a fixture's dependencies from its first parameter, which must be a pattern.
  // eslint-disable-next-line no-empty-pattern
  serveApp: async ({}, use) => {
    const started: ServeProcess[] = [];
    await use(async (options) => {
      const serve = await startServe(options);
      started.push(serve);
      return serve;
    });
    for (const serve of started) await serve.stop();
  },
  // eslint-disable-next-line no-empty-pattern
  workDir: async ({}, use) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drona-e2e-work-'));
    await use(dir);
    fs.rmSync(dir, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';
