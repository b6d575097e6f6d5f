// Packing is deterministic, and pack → read is a round trip: the same files, the same digests
// (property-based over generated bundles).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readBundleDir } from './bundle-files';
import { manifestFor, packBundle, readPack, sha256, unsafeEntryName } from './course-pack';
import { tinyCourseDir as fixtureDir } from '../testing/temp-course-service';

const segment = fc.stringMatching(/^[a-zA-Z0-9_][a-zA-Z0-9_.-]{0,11}$/).filter((s) => s !== '.' && s !== '..' && s !== 'manifest.json');
const filePath = fc.array(segment, { minLength: 1, maxLength: 4 }).map((parts) => parts.join('/'));
const bundle = fc
  .uniqueArray(fc.tuple(filePath, fc.uint8Array({ maxLength: 2048 })), { selector: ([name]) => name, minLength: 1, maxLength: 25 })
  // A name cannot be both a file and a folder.
  .filter((entries) => entries.every(([a]) => entries.every(([b]) => !b.startsWith(`${a}/`))))
  .map((entries) => new Map(entries.map(([name, bytes]) => [name, Buffer.from(bytes)])));

describe('.drona packing', () => {
  it('pack → read gives back the same files and digests (property)', async () => {
    await fc.assert(
      fc.asyncProperty(bundle, async (files) => {
        const packed = await packBundle(files, 'some-course', '1.2.3');
        const read = await readPack(packed);
        expect(read.problems).toEqual([]);
        expect(read.manifest).toEqual(manifestFor(files, 'some-course', '1.2.3'));
        expect([...read.files.keys()].sort()).toEqual([...files.keys()].sort());
        for (const [name, bytes] of files) {
          expect(read.files.get(name)!.equals(bytes)).toBe(true);
          expect(read.manifest!.files[name]).toBe(sha256(bytes));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('is deterministic: the same files in any insertion order give the same bytes (property)', async () => {
    await fc.assert(
      fc.asyncProperty(bundle, async (files) => {
        const reversed = new Map([...files].reverse());
        expect((await packBundle(files, 'c', '1.0.0')).equals(await packBundle(reversed, 'c', '1.0.0'))).toBe(true);
      }),
      { numRuns: 30 },
    );
  });

  it('packs the fixture to the same bytes twice', async () => {
    const files = readBundleDir(fixtureDir).files;
    const [a, b] = await Promise.all([packBundle(files, 'tiny-course', '1.0.0'), packBundle(readBundleDir(fixtureDir).files, 'tiny-course', '1.0.0')]);
    expect(sha256(a)).toBe(sha256(b));
  });

  it('names every unsafe entry name', () => {
    expect(unsafeEntryName('lessons/a.md')).toBeNull();
    expect(unsafeEntryName('../a')).toMatch(/climbs out/);
    expect(unsafeEntryName('a/../../b')).toMatch(/climbs out/);
    expect(unsafeEntryName('/abs')).toMatch(/absolute/);
    expect(unsafeEntryName('D:/x')).toMatch(/absolute/);
    expect(unsafeEntryName('a\\b')).toMatch(/backslash/);
    expect(unsafeEntryName('a//b')).toMatch(/empty or "\."/);
    expect(unsafeEntryName('./a')).toMatch(/empty or "\."/);
    expect(unsafeEntryName('a\0b')).toMatch(/NUL/);
    expect(unsafeEntryName('')).toMatch(/empty name/);
  });
});
