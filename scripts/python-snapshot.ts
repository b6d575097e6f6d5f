// Part of the build (scripts/build.mjs runs it after main is built): makes the Python memory
// snapshot the WebAssembly driver starts from (snapshot-file.ts), with the built worker as the
// app runs it, into dist/python-snapshot/, which ships with the app. So a fresh install's first
// Run restores Python instead of booting it. Keyed by Pyodide's version and the harness, as the
// data directory's file is: an up-to-date file is kept, a stale one replaced; the app boots in
// full (and says so) when the shipped file does not match its Pyodide.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { sandboxRoot, shippedSnapshotDir } from '../main/sandbox/runner-images';
import { readSnapshotFile, snapshotFileFor } from '../main/sandbox/wasm/snapshot-file';
import { WasmDriver } from '../main/sandbox/wasm/wasm-driver';
import { workerEntry } from '../main/sandbox/wasm/worker-entry';

const started = Date.now();
const harnessDir = path.join(sandboxRoot(), 'harness', 'wasm');
const dir = shippedSnapshotDir();
const file = snapshotFileFor(dir, harnessDir);
const say = (message: string) => process.stdout.write(`python snapshot: ${message}\n`);

if ('snapshot' in (await readSnapshotFile(file))) {
  say(`${path.relative(process.cwd(), file.path)} is up to date`);
} else {
  const bundle = path.join(sandboxRoot(), '..', 'dist', 'main', 'sandbox-wasm-worker.js');
  if (!fs.existsSync(bundle)) throw new Error(`${bundle} is missing: build main first`);
  const logs: string[] = [];
  const driver = new WasmDriver({
    harnessDir,
    spare: true,
    snapshotDir: dir,
    workerEntry: workerEntry(pathToFileURL(bundle).href),
    log: (message) => logs.push(message),
  });
  try {
    driver.prewarm(['python']);
    await driver.spareReady('python');
  } finally {
    // Waits for the file to be written.
    await driver.close();
  }
  if (!('snapshot' in (await readSnapshotFile(file)))) throw new Error(`no snapshot was saved to ${file.path}:\n${logs.join('\n')}`);
  // The app may be installed by another user (a system-wide install): readable by all, as the rest of dist/ is.
  fs.chmodSync(dir, 0o755);
  fs.chmodSync(file.path, 0o644);
  say(
    `made ${path.relative(process.cwd(), file.path)} (${(fs.statSync(file.path).size / 1e6).toFixed(1)} MB) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}
