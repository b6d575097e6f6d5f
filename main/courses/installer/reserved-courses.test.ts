// The attack: a bundle claims a built-in course's id (replacing the app's own content and the
// learner's progress with it) or redefines a domain or track other courses share (renaming it
// in every course's catalog entry). Refused, with the built-ins unchanged; the app's own
// built-in installs and upgrades still work.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import type { BundleFiles } from '../bundle/bundle-files';
import { packBundle } from '../bundle/course-pack';
import { builtinCourseIds } from '../testing/builtin-courses';
import { tinyCourse as fixture, useTempCourseService } from '../testing/temp-course-service';

const here = path.dirname(fileURLToPath(import.meta.url));
const builtinRoot = path.resolve(here, '..', '..', '..', 'courses');

const env = useTempCourseService('drona-reserved-');
beforeEach(() => {
  expect(env.service.installBuiltins(builtinRoot).failures).toEqual([]);
});

/** The tiny fixture with course.yaml edited. */
function bundle(edit: (yaml: string) => string): BundleFiles {
  const files = fixture();
  files.set('course.yaml', Buffer.from(edit(files.get('course.yaml')!.toString('utf8'))));
  return files;
}

const catalog = () => env.service.listCourses().map((c) => `${c.id} ${c.version} ${c.builtIn ? 'built-in' : 'imported'} ${c.domain.id}:${c.domain.title} ${c.track.id}:${c.track.title} ${c.lessonCount}`);
const builtinYaml = fs.readFileSync(path.join(builtinRoot, 'python-basics', 'course.yaml'), 'utf8');

describe('reserved course ids, domains and tracks', () => {
  it('a bundle claiming a built-in id is refused (.drona and folder); the built-in is unchanged', async () => {
    const before = catalog();
    expect(before).toContain('python-basics 1.0.0 built-in programming:Programming python:Python 30');
    const claim = bundle((yaml) => yaml.replace('id: tiny-course', 'id: python-basics').replace('version: 1.0.0', 'version: 99.0.0'));
    await expect(env.service.installer.importPack(await packBundle(claim, 'python-basics', '99.0.0'))).rejects.toThrow(
      /course\.yaml:2:5: "python-basics" is the id of a built-in course; an imported course cannot replace it/,
    );
    const folder = path.join(env.dataDir, 'incoming');
    for (const [name, content] of claim) {
      fs.mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
      fs.writeFileSync(path.join(folder, name), content);
    }
    await expect(env.service.installer.importPath(folder)).rejects.toThrow(/"python-basics" is the id of a built-in course/);
    expect(catalog()).toEqual(before);
    expect(fs.readFileSync(path.join(env.dataDir, 'courses', 'python-basics', 'course.yaml'), 'utf8')).toBe(builtinYaml);
    expect(env.service.getLesson('python-basics', 'word-frequency')?.title).toBeTruthy();
  });

  it("a bundle renaming a shared domain, renaming a shared track or moving it to another domain is refused; nobody's catalog changes", async () => {
    const before = catalog();
    await expect(env.service.installer.importPack(await packBundle(bundle((yaml) => yaml.replace('title: Programming', 'title: Pwned')), 'tiny-course', '1.0.0'))).rejects.toThrow(
      /course\.yaml:6:35: domain "programming" is titled "Programming" for [^;]*\bpython-basics\b[^;]*; this course would rename it to "Pwned"/,
    );
    await expect(env.service.installer.importPack(await packBundle(bundle((yaml) => yaml.replace('title: Python }', 'title: Hacked }')), 'tiny-course', '1.0.0'))).rejects.toThrow(
      /course\.yaml:7:\d+: track "python" \("Python", domain "programming"\) is shared with [^;]*\bpython-basics\b[^;]*; this course would rename it to "Hacked"/,
    );
    await expect(
      env.service.installer.importPack(await packBundle(bundle((yaml) => yaml.replace('domain: { id: programming, title: Programming }', 'domain: { id: evil, title: Evil }')), 'tiny-course', '1.0.0')),
    ).rejects.toThrow(/track "python" \("Python", domain "programming"\) is shared with [^;]*\bpython-basics\b[^;]*; this course would move it to domain "evil"/);
    expect(catalog()).toEqual(before);
    expect(fs.existsSync(path.join(env.dataDir, 'courses', 'tiny-course'))).toBe(false);
  });

  it('the control: joining a shared domain and track as they are works, and a course may rename a domain only it uses', async () => {
    await env.service.installer.importPack(await packBundle(fixture(), 'tiny-course', '1.0.0'));
    expect(catalog()).toContain('tiny-course 1.0.0 imported programming:Programming python:Python 3');
    const own = (version: string, title: string) =>
      bundle((yaml) => yaml.replace('id: tiny-course', 'id: tiny-own').replace('version: 1.0.0', `version: ${version}`).replace('domain: { id: programming, title: Programming }', `domain: { id: tiny-domain, title: ${title} }`).replace('track: { id: python, title: Python }', 'track: { id: tiny-track, title: Tiny }'));
    await env.service.installer.importPack(await packBundle(own('1.0.0', 'First'), 'tiny-own', '1.0.0'));
    await env.service.installer.importPack(await packBundle(own('1.1.0', 'Second'), 'tiny-own', '1.1.0'));
    expect(catalog()).toContain('tiny-own 1.1.0 imported tiny-domain:Second tiny-track:Tiny 3');
  });

  it('built-in installs still upgrade built-ins (and may take back an id an import held before it shipped)', async () => {
    const root = path.join(env.dataDir, 'app-courses');
    fs.cpSync(builtinRoot, root, { recursive: true });
    fs.writeFileSync(path.join(root, 'python-basics', 'course.yaml'), builtinYaml.replace('version: 1.0.0', 'version: 1.0.1'));
    // A course imported under an id that a later app version ships as built-in.
    await env.service.installer.importPack(await packBundle(bundle((yaml) => yaml.replace('id: tiny-course', 'id: future-course')), 'future-course', '1.0.0'));
    fs.cpSync(path.join(here, '..', 'fixtures', 'tiny-course'), path.join(root, 'future-course'), { recursive: true });
    fs.writeFileSync(path.join(root, 'future-course', 'course.yaml'), fs.readFileSync(path.join(root, 'future-course', 'course.yaml'), 'utf8').replace('id: tiny-course', 'id: future-course').replace('title: Tiny Course', 'title: Future'));
    const { results, failures } = env.service.installBuiltins(root);
    expect(failures).toEqual([]);
    const unchanged = builtinCourseIds()
      .filter((id) => id !== 'python-basics')
      .map((id) => `${id} unchanged`);
    expect(results.map((r) => `${r.courseId} ${r.outcome}`).sort()).toEqual(['future-course upgraded', 'python-basics upgraded', ...unchanged].sort());
    expect(catalog()).toContain('python-basics 1.0.1 built-in programming:Programming python:Python 30');
    expect(catalog()).toContain('future-course 1.0.0 built-in programming:Programming python:Python 3');
  });
});
