import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from './serve';

/** E2E tests drive the built app; build it unless `npm test` just did (DRONA_BUILT=1). */
export default function globalSetup(): void {
  // Serve processes keep their secrets' keys here, not in the real ~/.local/state (workers inherit it).
  process.env.DRONA_KEY_DIR ??= path.join(os.tmpdir(), `drona-e2e-keys-${process.getuid?.() ?? 'user'}`);
  if (process.env.DRONA_BUILT === '1') return;
  execFileSync(process.execPath, [path.join(repoRoot, 'scripts', 'build.mjs')], { cwd: repoRoot, stdio: 'inherit' });
  if (!fs.existsSync('/usr/bin/chromium') && !process.env.CHROMIUM_PATH) {
    const message = "Chromium is not installed (/usr/bin/chromium); install Debian's chromium or set CHROMIUM_PATH.";
    if (process.env.CI === 'true') throw new Error(message);
    process.stderr.write(`\n!!! ${message} The end-to-end suites cannot run here. CI runs them.\n\n`);
  }
}
