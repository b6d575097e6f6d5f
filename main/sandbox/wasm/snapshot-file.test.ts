// The snapshot file's checks: what was written reads back, whole and private; anything else is
// refused with a reason, never thrown.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { sandboxRoot } from '../runner-images';
import { readSnapshotFile, snapshotFileFor, writeSnapshotFile } from './snapshot-file';

const harnessDir = path.join(sandboxRoot(), 'harness', 'wasm');
const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drona-snapshot-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const bytes = (length: number) => new Uint8Array(crypto.randomBytes(length));

it('reads back what it wrote, 4-byte aligned, in a directory and file only this user can read', async () => {
  const file = snapshotFileFor(path.join(tempDir(), 'cache'), harnessDir);
  const snapshot = bytes(100_000);
  await writeSnapshotFile(file, snapshot);
  const read = await readSnapshotFile(file);
  if (!('snapshot' in read)) throw new Error(read.problem);
  expect(Buffer.from(read.snapshot).equals(Buffer.from(snapshot))).toBe(true);
  expect(read.snapshot.byteOffset % 4).toBe(0);
  if (process.platform !== 'win32') {
    expect(fs.statSync(file.path).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.dirname(file.path)).mode & 0o777).toBe(0o700);
  }
  expect(fs.readdirSync(path.dirname(file.path))).toEqual([path.basename(file.path)]);
});

it('keys the file by Pyodide version and harness, and removes snapshots of other keys when it writes', async () => {
  const dir = tempDir();
  const file = snapshotFileFor(dir, harnessDir);
  expect(file.key).toMatch(/^\d+-\d+\.\d+\.\d+-[0-9a-f]{24}$/);
  expect(snapshotFileFor(dir, harnessDir)).toEqual(file);
  const otherHarness = tempDir();
  fs.writeFileSync(path.join(otherHarness, 'drona_wasm.py'), 'changed = True\n');
  const other = snapshotFileFor(dir, otherHarness);
  expect(other.key).not.toBe(file.key);
  await writeSnapshotFile(other, bytes(1000));
  await writeSnapshotFile(file, bytes(1000));
  expect(fs.readdirSync(dir)).toEqual([path.basename(file.path)]);
});

it('refuses a missing, truncated, altered or mismatched file with a reason', async () => {
  const dir = tempDir();
  const file = snapshotFileFor(dir, harnessDir);
  expect(await readSnapshotFile(file)).toEqual({ problem: 'missing' });
  await writeSnapshotFile(file, bytes(10_000));
  const whole = fs.readFileSync(file.path);
  const cases: [string, Buffer, RegExp][] = [
    ['empty', Buffer.alloc(0), /shorter than its header/],
    ['truncated', whole.subarray(0, whole.length - 1), /header says 10000/],
    ['altered', Buffer.concat([whole.subarray(0, 300), Buffer.from([whole[300]! ^ 1]), whole.subarray(301)]), /SHA-256 does not match/],
    ['garbage header', Buffer.concat([Buffer.alloc(256, 'x'), whole.subarray(256)]), /unreadable header/],
  ];
  for (const [, content, why] of cases) {
    fs.writeFileSync(file.path, content);
    const read = await readSnapshotFile(file);
    expect('problem' in read && read.problem).toMatch(why);
  }
  fs.writeFileSync(file.path, whole);
  const mismatched = await readSnapshotFile({ ...file, key: 'another' });
  expect('problem' in mismatched && mismatched.problem).toMatch(/made for .*, not another/);
  expect(await readSnapshotFile(file)).toHaveProperty('snapshot');
});
