// Built-in courses are verified by their bytes only when their folder's fingerprint moved. The
// attacks: a file changed with its size and mtime put back, and a stored fingerprint tampered
// with; both must lead to the full read, hash and re-validation.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { settings } from '../../store/schema';
import { tinyCourseDir, useTempCourseService } from '../testing/temp-course-service';
import { BUILD_FINGERPRINTS_FILE, BUILTIN_FINGERPRINTS_KEY, folderFingerprint, readBuildFingerprints } from './builtin-fingerprint';

const env = useTempCourseService('drona-fingerprint-');
let root = '';
let course = '';
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'drona-builtin-root-'));
  course = path.join(root, 'tiny-course');
  fs.cpSync(tinyCourseDir, course, { recursive: true });
});
afterEach(() => {
  vi.restoreAllMocks();
  fs.rmSync(root, { recursive: true, force: true });
});

const outcomes = () => env.service.installBuiltins(root).results.map((r) => `${r.courseId} ${r.outcome}`);
const stored = () => env.store.db.select().from(settings).where(eq(settings.key, BUILTIN_FINGERPRINTS_KEY)).get()?.value as Record<string, { fingerprint: string; courseId: string; digest: string }>;
const installedWelcome = () => fs.readFileSync(path.join(env.dataDir, 'courses', 'tiny-course', 'lessons', 'basics', 'welcome.md'), 'utf8');

/** Rewrites the lesson's text with other words of the same length and puts its mtime back. */
function changeInPlace(file: string): void {
  const before = fs.statSync(file);
  const text = fs.readFileSync(file, 'utf8');
  expect(text).toContain('a name for a value');
  fs.writeFileSync(file, text.replace('a name for a value', 'a label on a value'));
  fs.utimesSync(file, before.atime, before.mtime);
  expect(fs.statSync(file).size).toBe(before.size);
}

describe('built-in course fingerprints', () => {
  it('an unchanged folder is not read again; its fingerprint is stored against the installed digest', () => {
    expect(outcomes()).toEqual(['tiny-course installed']);
    expect(stored()[course]).toMatchObject({ fingerprint: folderFingerprint(course), courseId: 'tiny-course' });
    const reads = vi.spyOn(fs, 'readFileSync');
    expect(outcomes()).toEqual(['tiny-course unchanged']);
    expect(reads.mock.calls.filter(([file]) => String(file).startsWith(root))).toEqual([]);
  });

  it('a file changed with its size and mtime put back is picked up and installed', () => {
    expect(outcomes()).toEqual(['tiny-course installed']);
    const fingerprint = folderFingerprint(course);
    changeInPlace(path.join(course, 'lessons', 'basics', 'welcome.md'));
    expect(folderFingerprint(course)).not.toBe(fingerprint);
    expect(outcomes()).toEqual(['tiny-course upgraded']);
    expect(installedWelcome()).toBe(fs.readFileSync(path.join(course, 'lessons', 'basics', 'welcome.md'), 'utf8'));
  });

  it('a tampered stored fingerprint is not trusted: the folder is hashed again and the record repaired', () => {
    expect(outcomes()).toEqual(['tiny-course installed']);
    const good = stored();
    for (const value of ['not a record', { [course]: { fingerprint: 42 } }, { [course]: { ...good[course]!, fingerprint: 'forged' } }]) {
      env.store.db.update(settings).set({ value }).where(eq(settings.key, BUILTIN_FINGERPRINTS_KEY)).run();
      const reads = vi.spyOn(fs, 'readFileSync');
      expect(outcomes()).toEqual(['tiny-course unchanged']);
      expect(reads.mock.calls.some(([file]) => String(file).startsWith(course))).toBe(true);
      reads.mockRestore();
      expect(stored()).toEqual(good);
    }
  });

  it('a stored fingerprint matching a changed folder, but recorded for another digest, does not skip re-validation', () => {
    expect(outcomes()).toEqual(['tiny-course installed']);
    changeInPlace(path.join(course, 'lessons', 'basics', 'welcome.md'));
    const forged = { [course]: { fingerprint: folderFingerprint(course), courseId: 'tiny-course', digest: 'not-the-installed-digest' } };
    env.store.db.update(settings).set({ value: forged }).where(eq(settings.key, BUILTIN_FINGERPRINTS_KEY)).run();
    expect(outcomes()).toEqual(['tiny-course upgraded']);
    expect(installedWelcome()).toBe(fs.readFileSync(path.join(course, 'lessons', 'basics', 'welcome.md'), 'utf8'));
  });

  it("with the build's fingerprints the folder is neither stat-ed nor read; a new build's hash has it verified and reinstalled", () => {
    const built = (hash: string) => env.service.installBuiltins(root, { 'tiny-course': hash }).results.map((r) => `${r.courseId} ${r.outcome}`);
    expect(built('a'.repeat(64))).toEqual(['tiny-course installed']);
    const stats = vi.spyOn(fs, 'lstatSync');
    const reads = vi.spyOn(fs, 'readFileSync');
    expect(built('a'.repeat(64))).toEqual(['tiny-course unchanged']);
    const touched = (calls: unknown[][]) => calls.filter(([file]) => String(file).startsWith(course));
    expect(touched(stats.mock.calls)).toEqual([]);
    expect(touched(reads.mock.calls)).toEqual([]);
    vi.restoreAllMocks();
    changeInPlace(path.join(course, 'lessons', 'basics', 'welcome.md'));
    expect(built('b'.repeat(64))).toEqual(['tiny-course upgraded']);
    expect(installedWelcome()).toBe(fs.readFileSync(path.join(course, 'lessons', 'basics', 'welcome.md'), 'utf8'));
  });

  it("reads the build's fingerprints file, and treats a missing or malformed one as none", () => {
    const file = path.join(root, BUILD_FINGERPRINTS_FILE);
    expect(readBuildFingerprints(file)).toEqual({});
    const good = { courses: { 'tiny-course': 'c'.repeat(64) } };
    fs.writeFileSync(file, JSON.stringify(good));
    expect(readBuildFingerprints(file)).toEqual(good.courses);
    for (const bad of ['{', JSON.stringify({ courses: { 'tiny-course': 'short' } }), JSON.stringify([1])]) {
      fs.writeFileSync(file, bad);
      expect(readBuildFingerprints(file)).toEqual({});
    }
  });
});
