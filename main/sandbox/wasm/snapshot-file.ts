// The Python snapshot kept on disk (in the app's data directory), so that a fresh start of the
// app restores Python instead of paying the full boot. Keyed by Pyodide's version and the
// harness's contents: a file made by another version, or before the harness changed, is never
// used. Checked on every read (header, size, SHA-256); anything wrong is reported and the caller
// makes a new one. Written to a temporary file and renamed, readable by this user only.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { messageOf } from '../../../preload/contract/errors';

/** Bump when what loadPython puts in memory before the snapshot changes (its options, its imports). */
const FORMAT = 1;
/** The header is JSON padded to this size, so the snapshot after it starts 4-byte aligned (Pyodide reads it as 32-bit words). */
const HEADER_BYTES = 256;
const PREFIX = 'python-';
const SUFFIX = '.snapshot';

export interface SnapshotFile {
  readonly path: string;
  readonly key: string;
}

interface Header {
  readonly key: string;
  readonly bytes: number;
  readonly sha256: string;
}

/** Hashed off the calling thread (WebCrypto runs in libuv's pool): the app's main thread reads and writes these files. */
const sha256 = async (data: Uint8Array) => Buffer.from(await crypto.webcrypto.subtle.digest('SHA-256', data)).toString('hex');

/** Where the snapshot for this Pyodide and this harness lives under `dir`. */
export function snapshotFileFor(dir: string, harnessDir: string): SnapshotFile {
  const hash = crypto.createHash('sha256');
  for (const name of fs
    .readdirSync(harnessDir)
    .filter((file) => file.endsWith('.py'))
    .sort()) {
    hash
      .update(`${name}\0`)
      .update(fs.readFileSync(path.join(harnessDir, name)))
      .update('\0');
  }
  // Read, not imported: importing pyodide would load it into the app's main thread.
  const { version } = createRequire(import.meta.url)('pyodide/package.json') as { version: string };
  const key = `${FORMAT}-${version}-${hash.digest('hex').slice(0, 24)}`;
  return { path: path.join(dir, `${PREFIX}${key}${SUFFIX}`), key };
}

/**
 * Snapshot files in `file`'s directory made for another key (another Pyodide or harness), by
 * name: why a shipped snapshot (built with the app, scripts/python-snapshot.ts) was not used.
 */
export function otherSnapshots(file: SnapshotFile): string[] {
  const dir = path.dirname(file.path);
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((name) => name.startsWith(PREFIX) && name.endsWith(SUFFIX) && path.join(dir, name) !== file.path);
}

/**
 * The snapshot in `file`, or why there is none to use ('missing' when there is no file: not a
 * problem). Read and hashed off the calling thread.
 */
export async function readSnapshotFile(file: SnapshotFile): Promise<{ snapshot: Uint8Array } | { problem: string }> {
  let data: Buffer;
  try {
    data = await fs.promises.readFile(file.path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { problem: 'missing' };
    return { problem: `could not read ${file.path}: ${messageOf(error)}` };
  }
  const bad = (why: string) => ({ problem: `ignored ${file.path} (${why})` });
  if (data.length < HEADER_BYTES) return bad(`${data.length} bytes, shorter than its header`);
  let header: Header;
  try {
    header = JSON.parse(data.subarray(0, HEADER_BYTES).toString('utf8')) as Header;
  } catch (error) {
    return bad(`unreadable header: ${messageOf(error)}`);
  }
  if (header.key !== file.key) return bad(`made for ${String(header.key)}, not ${file.key}`);
  // A Buffer this large has an ArrayBuffer of its own, so the snapshot starts at offset 256: aligned.
  const snapshot = new Uint8Array(data.buffer, data.byteOffset + HEADER_BYTES, data.length - HEADER_BYTES);
  if (header.bytes !== snapshot.length) return bad(`${snapshot.length} bytes where its header says ${header.bytes}`);
  if ((await sha256(snapshot)) !== header.sha256) return bad('its SHA-256 does not match its header');
  return { snapshot };
}

/**
 * Writes `snapshot` to `file` (temporary file, then rename, so a reader sees the old file, no file
 * or the whole new one), in a directory only this user can read; removes snapshots of other keys.
 */
export async function writeSnapshotFile(file: SnapshotFile, snapshot: Uint8Array): Promise<void> {
  const dir = path.dirname(file.path);
  await fs.promises.mkdir(dir, { recursive: true, mode: 0o700 });
  // mkdir leaves an existing directory as it was.
  await fs.promises.chmod(dir, 0o700);
  const header: Header = { key: file.key, bytes: snapshot.length, sha256: await sha256(snapshot) };
  const head = Buffer.alloc(HEADER_BYTES, ' ');
  const json = JSON.stringify(header);
  if (json.length >= HEADER_BYTES) throw new Error(`the snapshot header is ${json.length} bytes, over ${HEADER_BYTES}`);
  head.write(json, 'utf8');
  const temporary = `${file.path}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
  const handle = await fs.promises.open(temporary, 'wx', 0o600);
  try {
    await handle.writeFile(head);
    await handle.writeFile(snapshot);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await fs.promises.rename(temporary, file.path);
  } catch (error) {
    await fs.promises.rm(temporary, { force: true });
    throw error;
  }
  await Promise.all(otherSnapshots(file).map((name) => fs.promises.rm(path.join(dir, name), { force: true })));
}
