// .drona files: a zip of the course folder plus manifest.json (course id, version, format and
// the SHA-256 of every file). Packing is deterministic; reading refuses anything that is not
// plain, bounded, honest content, with a message naming the entry.
import { createHash } from 'node:crypto';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { problem, type BundleFiles, type BundleProblem } from './bundle-files';
import { FORMAT_VERSION, packManifestSchema, type PackManifest } from './course-format';
import { messageOf } from '../../../preload/contract/errors';

export const MANIFEST_NAME = 'manifest.json';
/** Every entry gets this mtime so the same folder packs to the same bytes. */
const FIXED_MTIME = new Date(Date.UTC(2020, 0, 1, 0, 0, 0));

export interface PackLimits {
  /** Largest file, uncompressed. */
  readonly maxEntryBytes: number;
  /** All files together, uncompressed. */
  readonly maxTotalBytes: number;
  readonly maxEntries: number;
  /** Uncompressed ÷ compressed above this, for entries over 64 KiB, is treated as a zip bomb. */
  readonly maxCompressionRatio: number;
}

export const defaultPackLimits: PackLimits = { maxEntryBytes: 8 * 1024 * 1024, maxTotalBytes: 64 * 1024 * 1024, maxEntries: 10_000, maxCompressionRatio: 100 };

export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

export function manifestFor(files: BundleFiles, courseId: string, version: string): PackManifest {
  const digests: Record<string, string> = {};
  for (const name of [...files.keys()].sort()) digests[name] = sha256(files.get(name)!);
  return { format: FORMAT_VERSION, courseId, version, files: digests };
}

export function packBundle(files: BundleFiles, courseId: string, version: string): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  const manifest = manifestFor(files, courseId, version);
  const options = { mtime: FIXED_MTIME, mode: 0o100644, compress: true, forceDosTimestamp: true };
  zip.addBuffer(Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`), MANIFEST_NAME, options);
  for (const name of Object.keys(manifest.files)) zip.addBuffer(files.get(name)!, name, options);
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('error', reject);
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

/** Why an entry name is unsafe to write under a folder, or null when it is a plain relative path. */
export function unsafeEntryName(name: string): string | null {
  if (name.length === 0) return 'has an empty name';
  if (name.includes('\0')) return 'has a NUL byte in its name';
  if (name.includes('\\')) return 'uses a backslash in its path (zip paths use "/")';
  if (name.startsWith('/') || /^[a-zA-Z]:/.test(name)) return 'is an absolute path';
  if (name.split('/').some((part) => part === '..')) return 'climbs out of the bundle with ".."';
  if (name.split('/').some((part) => part === '.' || (part === '' && !name.endsWith('/')))) return 'has an empty or "." path segment';
  return null;
}

const S_IFMT = 0o170000;
const fileTypes: Record<number, string> = { 0o120000: 'a symbolic link', 0o020000: 'a character device', 0o060000: 'a block device', 0o010000: 'a FIFO', 0o140000: 'a socket' };

export interface ReadPackResult {
  readonly files: BundleFiles;
  readonly manifest: PackManifest | null;
  readonly problems: readonly BundleProblem[];
}

const refuse = (entry: string, message: string, hint: string): BundleProblem => problem(entry, message, hint, 0, 0);

/** Reads and verifies a .drona file in memory. Nothing is written anywhere. */
export async function readPack(bytes: Buffer, limits: PackLimits = defaultPackLimits): Promise<ReadPackResult> {
  const problems: BundleProblem[] = [];
  const files: BundleFiles = new Map();
  let zip: yauzl.ZipFile;
  try {
    // Raw names (decodeStrings: false) so our own checks, not yauzl's, name the bad entry.
    zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
      yauzl.fromBuffer(bytes, { lazyEntries: true, decodeStrings: false, validateEntrySizes: true, strictFileNames: false }, (error, file) => (error ? reject(error) : resolve(file))),
    );
  } catch (error) {
    return { files, manifest: null, problems: [refuse('', `this is not a readable .drona file: ${messageOf(error)}`, 'pack the course again with `drona course pack DIR -o FILE.drona`')] };
  }
  if (zip.entryCount > limits.maxEntries) {
    zip.close();
    return { files, manifest: null, problems: [refuse('', `the bundle has ${zip.entryCount} entries, more than the limit of ${limits.maxEntries}`, 'split the course or remove generated files')] };
  }
  let total = 0;
  await new Promise<void>((resolve) => {
    const fail = (p: BundleProblem) => {
      problems.push(p);
      zip.close();
      resolve();
    };
    zip.on('error', (error: Error) => fail(refuse('', `the zip is damaged: ${error.message}`, 'pack the course again')));
    zip.on('end', () => resolve());
    zip.on('entry', (entry: yauzl.Entry) => {
      const name = Buffer.isBuffer(entry.fileName) ? (entry.fileName as Buffer).toString('utf8') : String(entry.fileName);
      const unsafe = unsafeEntryName(name);
      if (unsafe) return fail(refuse(name, `entry "${name}" ${unsafe}`, 'this bundle may be trying to write outside its folder; do not import it'));
      const type = (entry.externalFileAttributes >>> 16) & S_IFMT;
      if (fileTypes[type]) return fail(refuse(name, `entry "${name}" is ${fileTypes[type]}`, 'bundles hold plain files only; replace links with the files they point to'));
      if (name.endsWith('/')) return zip.readEntry();
      if (files.has(name)) return fail(refuse(name, `entry "${name}" appears twice in the zip`, 'pack the course again; a zip with duplicate names is ambiguous'));
      if (entry.uncompressedSize > limits.maxEntryBytes) {
        return fail(refuse(name, `entry "${name}" is ${entry.uncompressedSize} bytes, over the ${limits.maxEntryBytes}-byte limit per file`, 'keep course files small; host large media elsewhere'));
      }
      total += entry.uncompressedSize;
      if (total > limits.maxTotalBytes) return fail(refuse(name, `the bundle unpacks to more than ${limits.maxTotalBytes} bytes`, 'keep the whole course under the size limit'));
      if (entry.uncompressedSize > 65_536 && entry.uncompressedSize > entry.compressedSize * limits.maxCompressionRatio) {
        return fail(refuse(name, `entry "${name}" expands ${Math.round(entry.uncompressedSize / Math.max(1, entry.compressedSize))}× (limit ${limits.maxCompressionRatio}×): this looks like a zip bomb`, 'do not import this file'));
      }
      zip.openReadStream(entry, (error, stream) => {
        if (error || !stream) return fail(refuse(name, `entry "${name}" cannot be read: ${error?.message ?? 'no data'}`, 'pack the course again'));
        const chunks: Buffer[] = [];
        let size = 0;
        stream.on('data', (chunk: Buffer) => {
          size += chunk.length;
          // validateEntrySizes stops lying headers at the end; this stops them early.
          if (size > entry.uncompressedSize || size > limits.maxEntryBytes) stream.destroy(new Error('more data than the zip header declares'));
          else chunks.push(chunk);
        });
        stream.on('error', (streamError: Error) => fail(refuse(name, `entry "${name}" is damaged: ${streamError.message}`, 'do not import this file; pack the course again')));
        stream.on('end', () => {
          files.set(name, Buffer.concat(chunks));
          zip.readEntry();
        });
      });
    });
    zip.readEntry();
  });
  if (problems.length) return { files: new Map(), manifest: null, problems };

  const manifestBytes = files.get(MANIFEST_NAME);
  files.delete(MANIFEST_NAME);
  if (!manifestBytes) return { files, manifest: null, problems: [refuse(MANIFEST_NAME, 'the bundle has no manifest.json', 'pack the course with `drona course pack`, which writes the manifest')] };
  let manifestJson: unknown;
  try {
    manifestJson = JSON.parse(manifestBytes.toString('utf8'));
  } catch (error) {
    return { files, manifest: null, problems: [refuse(MANIFEST_NAME, `manifest.json is not JSON: ${messageOf(error)}`, 'pack the course again')] };
  }
  const parsed = packManifestSchema.safeParse(manifestJson);
  if (!parsed.success) {
    return { files, manifest: null, problems: parsed.error.issues.map((issue) => refuse(MANIFEST_NAME, `manifest.json: "${issue.path.join('.')}" ${issue.message}`, 'pack the course again with this version of drona')) };
  }
  const manifest = parsed.data;
  for (const [name, digest] of Object.entries(manifest.files)) {
    const content = files.get(name);
    if (!content) problems.push(refuse(name, `"${name}" is listed in manifest.json but missing from the zip`, 'the bundle is incomplete; pack it again'));
    else if (sha256(content) !== digest) problems.push(refuse(name, `"${name}" does not match its SHA-256 in manifest.json`, 'the bundle was changed after packing or is damaged; get a fresh copy'));
  }
  for (const name of files.keys()) {
    if (!(name in manifest.files)) problems.push(refuse(name, `"${name}" is in the zip but not in manifest.json`, 'the bundle was changed after packing; get a fresh copy'));
  }
  return { files, manifest, problems };
}
