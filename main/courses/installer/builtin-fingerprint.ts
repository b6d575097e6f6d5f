// A cheap fingerprint of a built-in course folder: the name, type, size, mtime and ctime of every
// entry, hashed. Start-up compares it with the one stored when the folder was last verified, so
// unchanged built-ins are not read and hashed on every start (about 200 ms under load). Any change
// to a file (its ctime moves even when its size and mtime are put back) changes the fingerprint,
// and the folder takes the full path again: read, hashed, re-validated when the digest differs.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Store } from '../../store/open-store';
import { courses, settings } from '../../store/schema';
import { desktopLeftovers } from '../bundle/bundle-files';

/** A row of the settings table that settings.get/update do not expose (they know their keys). */
export const BUILTIN_FINGERPRINTS_KEY = 'courses.builtinFingerprints';

/** Per folder: its fingerprint when verified, and the course and bundle digest it held then. */
const recordsSchema = z.record(z.string(), z.object({ fingerprint: z.string(), courseId: z.string(), digest: z.string() }));
type Records = z.infer<typeof recordsSchema>;

/** The file scripts/build.mjs writes beside the bundle: each shipped built-in folder's content hash, by folder name. */
export const BUILD_FINGERPRINTS_FILE = 'builtin-courses.json';

const buildFingerprintsSchema = z.object({ courses: z.record(z.string(), z.string().regex(/^[0-9a-f]{64}$/)) });

/**
 * The build's fingerprints of the built-in folders (the content of every file, hashed when the app
 * was built), so a start reads one small file instead of stat-ing every file of every built-in
 * (about 135 ms under load, bench:startup). A new build with a changed course carries a new hash:
 * that folder is verified and reinstalled. Missing or unreadable: an empty map, and every folder
 * is fingerprinted by its stats as before.
 */
export function readBuildFingerprints(file: string): Readonly<Record<string, string>> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return {};
  }
  try {
    const parsed = buildFingerprintsSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data.courses : {};
  } catch {
    return {};
  }
}

/** Hashes the stat of every entry under `dir` (as readBundleDir walks it); reads no file content. */
export function folderFingerprint(dir: string): string {
  const hash = createHash('sha256');
  const walk = (relative: string) => {
    const entries = fs.readdirSync(path.join(dir, relative), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (desktopLeftovers.has(entry.name)) continue;
      const rel = relative ? `${relative}/${entry.name}` : entry.name;
      const stat = fs.lstatSync(path.join(dir, rel), { bigint: true });
      hash.update(`${rel}\0${stat.mode}\0${stat.size}\0${stat.mtimeNs}\0${stat.ctimeNs}\0${stat.ino}\n`);
      if (entry.isDirectory()) walk(rel);
    }
  };
  walk('');
  return hash.digest('hex');
}

export class BuiltinFingerprints {
  private records: Records;
  private changed = false;

  constructor(
    private readonly store: Store,
    private readonly now: () => number,
  ) {
    const row = store.db.select().from(settings).where(eq(settings.key, BUILTIN_FINGERPRINTS_KEY)).get();
    const parsed = recordsSchema.safeParse(row?.value);
    this.records = parsed.success ? parsed.data : {};
  }

  /**
   * The course `dir` installed when it was last verified, if its fingerprint is still `fingerprint`
   * and the installed built-in still has the digest verified then; otherwise null (verify again).
   */
  unchanged(dir: string, fingerprint: string): { courseId: string; title: string; version: string } | null {
    const record = this.records[dir];
    if (!record || record.fingerprint !== fingerprint) return null;
    const row = this.store.db.select().from(courses).where(eq(courses.id, record.courseId)).get();
    return row?.builtIn && row.manifestDigest === record.digest ? { courseId: row.id, title: row.title, version: row.version } : null;
  }

  /** After `dir` was verified (installed, upgraded or found unchanged by its digest). */
  verified(dir: string, fingerprint: string, courseId: string): void {
    const digest = this.store.db.select({ digest: courses.manifestDigest }).from(courses).where(eq(courses.id, courseId)).get()?.digest;
    if (digest === undefined) return;
    this.records = { ...this.records, [dir]: { fingerprint, courseId, digest } };
    this.changed = true;
  }

  save(): void {
    if (!this.changed) return;
    const at = this.now();
    this.store.db
      .insert(settings)
      .values({ key: BUILTIN_FINGERPRINTS_KEY, value: this.records, updatedAt: at })
      .onConflictDoUpdate({ target: settings.key, set: { value: this.records, updatedAt: at } })
      .run();
    this.changed = false;
  }
}
