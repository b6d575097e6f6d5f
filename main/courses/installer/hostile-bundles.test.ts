// Hostile .drona files: each is refused with a message naming the problem, and nothing is
// written to the data directory (no course folder, no staging leftovers, no rows).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BundleFiles } from '../bundle/bundle-files';
import { manifestFor, packBundle } from '../bundle/course-pack';
import { rawZip, type RawEntry } from '../fixtures/raw-zip';
import { tinyCourse as fixture, useTempCourseService } from '../testing/temp-course-service';

const env = useTempCourseService('drona-hostile-', { limits: { maxEntryBytes: 256 * 1024, maxTotalBytes: 1024 * 1024, maxEntries: 200, maxCompressionRatio: 50 } });

/** A zip of the fixture with a correct manifest, plus/minus whatever the test changes. */
function entriesOf(files: BundleFiles, extra: RawEntry[] = [], manifestFiles: BundleFiles = files): RawEntry[] {
  const manifest = manifestFor(manifestFiles, 'tiny-course', '1.0.0');
  return [{ name: 'manifest.json', data: Buffer.from(JSON.stringify(manifest)) }, ...[...files].map(([name, data]) => ({ name, data })), ...extra];
}

async function expectRefused(bytes: Buffer, message: RegExp) {
  await expect(env.service.installer.importPack(bytes)).rejects.toThrow(message);
  expect(fs.readdirSync(path.join(env.dataDir, 'courses'))).toEqual([]);
  expect(env.store.sqlite.prepare('SELECT count(*) AS n FROM courses').get()).toEqual({ n: 0 });
  expect(env.store.sqlite.prepare('SELECT count(*) AS n FROM lesson_search').get()).toEqual({ n: 0 });
}

describe('hostile bundles are refused and nothing is written', () => {
  it('accepts the honest bundle built the same way (the control)', async () => {
    await expect(env.service.installer.importPack(rawZip(entriesOf(fixture())))).resolves.toMatchObject({ outcome: 'installed' });
  });

  it('path traversal with ..', async () => {
    await expectRefused(rawZip(entriesOf(fixture(), [{ name: '../../evil.txt', data: Buffer.from('x') }])), /entry "\.\.\/\.\.\/evil\.txt" climbs out of the bundle with "\.\."/);
  });

  it('absolute paths', async () => {
    await expectRefused(rawZip(entriesOf(fixture(), [{ name: '/etc/evil', data: Buffer.from('x') }])), /entry "\/etc\/evil" is an absolute path/);
    await expectRefused(rawZip(entriesOf(fixture(), [{ name: 'C:/evil', data: Buffer.from('x') }])), /is an absolute path/);
  });

  it('backslash paths', async () => {
    await expectRefused(rawZip(entriesOf(fixture(), [{ name: '..\\evil', data: Buffer.from('x') }])), /uses a backslash/);
  });

  it('symbolic links', async () => {
    await expectRefused(rawZip(entriesOf(fixture(), [{ name: 'link', data: Buffer.from('/etc/passwd'), mode: 0o120777 }])), /entry "link" is a symbolic link/);
  });

  it('device files and FIFOs', async () => {
    await expectRefused(rawZip(entriesOf(fixture(), [{ name: 'dev', data: Buffer.alloc(0), mode: 0o020644 }])), /entry "dev" is a character device/);
    await expectRefused(rawZip(entriesOf(fixture(), [{ name: 'fifo', data: Buffer.alloc(0), mode: 0o010644 }])), /entry "fifo" is a FIFO/);
  });

  it('duplicate entries', async () => {
    const files = fixture();
    await expectRefused(rawZip(entriesOf(files, [{ name: 'course.yaml', data: files.get('course.yaml')! }])), /entry "course\.yaml" appears twice/);
  });

  it('an entry over the size cap', async () => {
    await expectRefused(rawZip(entriesOf(fixture(), [{ name: 'big.bin', data: Buffer.alloc(300 * 1024, 1) }])), /entry "big\.bin" is 307200 bytes, over the 262144-byte limit per file/);
  });

  it('a total size over the cap', async () => {
    const extra = Array.from({ length: 5 }, (_, i) => ({ name: `part-${i}.bin`, data: Buffer.alloc(250 * 1024, i) }));
    await expectRefused(rawZip(entriesOf(fixture(), extra)), /the bundle unpacks to more than 1048576 bytes/);
  });

  it('a zip bomb (compression ratio)', async () => {
    await expectRefused(rawZip(entriesOf(fixture(), [{ name: 'bomb.txt', data: Buffer.alloc(200 * 1024, 0), deflate: true }])), /entry "bomb\.txt" expands \d+× \(limit 50×\): this looks like a zip bomb/);
  });

  it('an entry with more data than its header declares', async () => {
    await expectRefused(rawZip(entriesOf(fixture(), [{ name: 'liar.txt', data: Buffer.alloc(5000, 7), deflate: true, declaredSize: 10 }])), /entry "liar\.txt" (is damaged|cannot be read)/);
  });

  it('a file whose digest does not match the manifest', async () => {
    const files = fixture();
    const tampered = new Map(files);
    tampered.set('lessons/basics/welcome.md', Buffer.from(`${files.get('lessons/basics/welcome.md')!.toString('utf8')}\nInjected.\n`));
    await expectRefused(rawZip(entriesOf(tampered, [], files)), /"lessons\/basics\/welcome\.md" does not match its SHA-256 in manifest\.json/);
  });

  it('a file missing from the manifest, and a manifest entry missing from the zip', async () => {
    const files = fixture();
    await expectRefused(rawZip(entriesOf(files, [{ name: 'extra.md', data: Buffer.from('x') }])), /"extra\.md" is in the zip but not in manifest\.json/);
    const fewer = new Map(files);
    fewer.delete('images/box.svg');
    await expectRefused(rawZip(entriesOf(fewer, [], files)), /"images\/box\.svg" is listed in manifest\.json but missing from the zip/);
  });

  it('no manifest, or a manifest that is not JSON', async () => {
    await expectRefused(rawZip([...fixture()].map(([name, data]) => ({ name, data }))), /the bundle has no manifest\.json/);
    await expectRefused(rawZip([{ name: 'manifest.json', data: Buffer.from('{nope') }]), /manifest\.json is not JSON/);
  });

  it('not a zip at all', async () => {
    await expectRefused(Buffer.from('this is not a zip file'), /this is not a readable \.drona file/);
  });

  it('duplicate lesson ids', async () => {
    const files = fixture();
    files.set('lessons/basics/check-yourself.md', Buffer.from(files.get('lessons/basics/check-yourself.md')!.toString('utf8').replace('id: check-yourself', 'id: welcome')));
    await expectRefused(await packBundle(files, 'tiny-course', '1.0.0'), /lessons\/basics\/check-yourself\.md:2:5: lesson id "welcome" is also used by lessons\/basics\/welcome\.md/);
  });

  it('cyclic prerequisites', async () => {
    // "tiny-course" depends on "other", which is installed and depends on "tiny-course".
    const other = fixture();
    other.set('course.yaml', Buffer.from(other.get('course.yaml')!.toString('utf8').replace('id: tiny-course', 'id: other').replace('prerequisites: []', 'prerequisites: [ghost]')));
    env.store.sqlite.exec("INSERT INTO domains (id, title) VALUES ('programming', 'Programming'); INSERT INTO tracks (id, domain_id, title) VALUES ('python', 'programming', 'Python');");
    env.store.sqlite.exec(`INSERT INTO courses (id, track_id, title, version, difficulty, languages, prerequisites, authors, install_path, installed_at, updated_at) VALUES ('other', 'python', 'Other', '1.0.0', 'beginner', '[]', '["tiny-course"]', '[]', 'courses/other', 1, 1)`);
    const files = fixture();
    files.set('course.yaml', Buffer.from(files.get('course.yaml')!.toString('utf8').replace('prerequisites: []', 'prerequisites: [other]')));
    await expect(env.service.installer.importPack(await packBundle(files, 'tiny-course', '1.0.0'))).rejects.toThrow(/course\.yaml:\d+:\d+: prerequisites form a cycle: tiny-course → other → tiny-course/);
    expect(fs.readdirSync(path.join(env.dataDir, 'courses'))).toEqual([]);
  });

  it('bad YAML', async () => {
    const files = fixture();
    files.set('course.yaml', Buffer.from(files.get('course.yaml')!.toString('utf8').replace('title: Tiny Course', 'title: Tiny: Course: [broken')));
    await expectRefused(await packBundle(files, 'tiny-course', '1.0.0'), /course\.yaml:4:\d+: YAML syntax error/);
  });

  it('a schema error', async () => {
    const files = fixture();
    files.set('course.yaml', Buffer.from(files.get('course.yaml')!.toString('utf8').replace('difficulty: beginner', 'difficulty: expert')));
    await expectRefused(await packBundle(files, 'tiny-course', '1.0.0'), /course\.yaml:8:13: "difficulty" Invalid option[\s\S]*fix: use one of: "beginner", "intermediate", "advanced"/);
  });
});
