// The app's Python snapshot on disk, with the real Pyodide: the first start makes and saves it,
// the next start (a new driver: nothing in memory) restores it instead of booting Python, and a
// corrupt or unusable file is logged and replaced, never a failed Run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it, vi } from 'vitest';
import type { ExecSpec } from '../driver';
import { defaultLimits } from '../limits';
import { sandboxRoot } from '../runner-images';
import { readSnapshotFile, snapshotFileFor, writeSnapshotFile } from './snapshot-file';
import { WasmDriver } from './wasm-driver';

// Loading Pyodide takes a second or two on an idle machine, far more on a busy CI runner.
vi.setConfig({ testTimeout: 240_000 });

const harnessDir = path.join(sandboxRoot(), 'harness', 'wasm');
const snapshotDir = fs.mkdtempSync(path.join(os.tmpdir(), 'drona-pysnap-'));
afterAll(() => fs.rmSync(snapshotDir, { recursive: true, force: true }));
const file = snapshotFileFor(snapshotDir, harnessDir);

const spec: ExecSpec = {
  language: 'python',
  files: [{ path: 'main.py', content: 'import sys\nprint("ok", "drona_wasm" in sys.modules)' }],
  argv: ['python3', 'main.py'],
  env: {},
  limits: defaultLimits,
};

/** A fresh start of the app: a new driver, a Run, and what it logged and started from. */
async function appStart(dirs: { snapshotDir: string; shippedSnapshotDir?: string } = { snapshotDir }): Promise<{ from: string | null; logs: string[] }> {
  const logs: string[] = [];
  const driver = new WasmDriver({ harnessDir, spare: true, ...dirs, log: (message) => logs.push(message) });
  try {
    driver.prewarm(['python']);
    const outcome = await driver.execute(spec);
    expect(outcome.end, outcome.stderr).toEqual({ kind: 'exited', exitCode: 0 });
    expect(outcome.stdout).toBe('ok True\n');
    return { from: driver.pythonSnapshotFrom(), logs };
  } finally {
    await driver.close();
  }
}

it('saves the snapshot on the first start and restores it on the next', async () => {
  expect(await appStart()).toMatchObject({ from: 'made' });
  expect(await readSnapshotFile(file)).toHaveProperty('snapshot');
  const before = fs.statSync(file.path).mtimeMs;
  expect(await appStart()).toMatchObject({ from: 'file' });
  // Restored, not made again: the file is left as it was.
  expect(fs.statSync(file.path).mtimeMs).toBe(before);
});

it('logs and replaces a corrupt file', async () => {
  const data = fs.readFileSync(file.path);
  data.writeUInt8(data.readUInt8(data.length - 1) ^ 0xff, data.length - 1);
  fs.writeFileSync(file.path, data);
  const { from, logs } = await appStart();
  expect(from).toBe('made');
  expect(logs.join('\n')).toMatch(/ignored .*SHA-256 does not match/);
  expect(await readSnapshotFile(file)).toHaveProperty('snapshot');
  expect((await appStart()).from).toBe('file');
});

it('loads in full when Pyodide refuses a file that passes the checks', async () => {
  // A well-formed file whose contents are not a Pyodide snapshot (as another build would make).
  await writeSnapshotFile(file, new Uint8Array(4096).fill(7));
  const { from, logs } = await appStart();
  expect(from).toBe('made');
  expect(logs.join('\n')).toMatch(/could not start from .*loading in full/);
  expect((await appStart()).from).toBe('file');
});

it('starts a fresh install from the snapshot the build shipped, and boots in full when it was made for another Pyodide', async () => {
  const shipped = fs.mkdtempSync(path.join(os.tmpdir(), 'drona-pyshipped-'));
  const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'drona-pyempty-'));
  try {
    // A snapshot Pyodide accepts, as scripts/python-snapshot.ts makes it.
    fs.copyFileSync(file.path, snapshotFileFor(shipped, harnessDir).path);
    const fresh = await appStart({ snapshotDir: empty, shippedSnapshotDir: shipped });
    expect(fresh.from).toBe('file');
    // Used where it lies: the data directory keeps nothing of its own.
    expect(fs.readdirSync(empty)).toEqual([]);

    fs.renameSync(snapshotFileFor(shipped, harnessDir).path, path.join(shipped, 'python-1-0.0.1-000000.snapshot'));
    const other = await appStart({ snapshotDir: empty, shippedSnapshotDir: shipped });
    expect(other.from).toBe('made');
    expect(other.logs.join('\n')).toMatch(/shipped Python snapshot \(python-1-0\.0\.1-000000\.snapshot\) was made for another Pyodide/);
  } finally {
    fs.rmSync(shipped, { recursive: true, force: true });
    fs.rmSync(empty, { recursive: true, force: true });
  }
});

it('starts a one-shot (CLI) run from the shipped snapshot too, clean each run, and makes or saves none', async () => {
  const shipped = fs.mkdtempSync(path.join(os.tmpdir(), 'drona-pyshipped-'));
  try {
    fs.copyFileSync(file.path, snapshotFileFor(shipped, harnessDir).path);
    const driver = new WasmDriver({ harnessDir, shippedSnapshotDir: shipped });
    try {
      // A run that leaves a file, a builtin and a module behind: the next run sees none of them.
      const leave =
        'import builtins, os, sys\nprint(hasattr(builtins, "LEFT"), os.path.exists("/work/left.txt"), "left" in sys.modules)\n' +
        'builtins.LEFT = 1\nopen("/work/left.txt", "w").write("x")\nsys.modules["left"] = sys\n';
      for (let run = 0; run < 2; run += 1) {
        const outcome = await driver.execute({ ...spec, files: [{ path: 'main.py', content: leave }] });
        expect(outcome.end, outcome.stderr).toEqual({ kind: 'exited', exitCode: 0 });
        expect(outcome.stdout).toBe('False False False\n');
        expect(driver.pythonSnapshotFrom()).toBe('file');
      }
    } finally {
      await driver.close();
    }
    expect(fs.readdirSync(shipped)).toEqual([path.basename(snapshotFileFor(shipped, harnessDir).path)]);
  } finally {
    fs.rmSync(shipped, { recursive: true, force: true });
  }
});
