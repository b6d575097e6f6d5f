// The course service against a real SQLite store and data dir: install, upgrade keeping
// progress, removed lessons keeping history, catalog, lessons, exercises, FTS5 search.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lessonProgress } from '../store/schema';
import type { BundleFiles } from './bundle/bundle-files';
import { packBundle } from './bundle/course-pack';
import { CourseImportError, CourseService } from './course-service';
import { compareVersions } from './installer/compare-versions';
import { tinyCourse as fixture, tinyCourseDir as fixtureDir, useTempCourseService } from './testing/temp-course-service';

const env = useTempCourseService('drona-courses-', { now: () => 1_000 });

const withVersion = (files: BundleFiles, version: string) => {
  const copy = new Map(files);
  copy.set('course.yaml', Buffer.from(copy.get('course.yaml')!.toString('utf8').replace(/^version: .*$/m, `version: ${version}`)));
  return copy;
};

describe('CourseService', () => {
  it('installs a folder: files under <dataDir>/courses/<id>, catalog, outline, lesson and exercise', () => {
    const result = env.service.installer.installDir(fixtureDir);
    expect(result).toMatchObject({ courseId: 'tiny-course', outcome: 'installed', lessonCount: 3 });
    expect(fs.existsSync(path.join(env.dataDir, 'courses', 'tiny-course', 'lessons', 'basics', 'welcome.md'))).toBe(true);
    const [course] = env.service.listCourses();
    expect(course).toMatchObject({ id: 'tiny-course', domain: { id: 'programming' }, track: { id: 'python' }, lessonCount: 3, completedCount: 0, status: 'not-started', lockedReason: null });
    const detail = env.service.getCourse('tiny-course')!;
    expect(detail.modules.map((m) => m.lessons.map((l) => l.id))).toEqual([['welcome', 'add-numbers', 'check-yourself']]);
    const lesson = env.service.getLesson('tiny-course', 'welcome')!;
    expect(lesson).toMatchObject({ moduleId: 'basics', type: 'concept', hasExercise: false, parTimeMinutes: 5 });
    expect(lesson.body).toContain('```mermaid');
    // Bundle images are inlined (no file route needed) and lesson links point at lesson ids.
    expect(lesson.body).toContain('![A box labelled greeting](data:image/svg+xml;base64,');
    expect(lesson.body).toContain('[the exercise](#lesson/add-numbers)');
    const exercise = env.service.getExercise('tiny-course', 'add-numbers')!;
    expect(exercise.language).toBe('python');
    expect(exercise.files).toEqual([{ path: 'main.py', role: 'editable', content: 'def add(a, b):\n    pass\n' }]);
    expect(exercise.tests.map((t) => t.path)).toEqual(['test_main.py']);
    expect(exercise.solution[0]!.content).toContain('return a + b');
    expect(exercise.hints).toHaveLength(3);
    expect(env.service.getExercise('tiny-course', 'welcome')).toBeNull();
    expect(env.service.getLesson('tiny-course', 'nope')).toBeNull();
  });

  it('re-installing the same content is a no-op; an older or same-version-different import is refused', async () => {
    env.service.installer.installDir(fixtureDir);
    expect(env.service.installer.installDir(fixtureDir).outcome).toBe('unchanged');
    const changed = new Map(fixture());
    changed.set('lessons/basics/welcome.md', Buffer.from(changed.get('lessons/basics/welcome.md')!.toString('utf8') + '\nMore.\n'));
    await expect(env.service.installer.importPack(await packBundle(changed, 'tiny-course', '1.0.0'))).rejects.toThrow(/already installed with different content[\s\S]*raise "version"/);
    env.service.installer.installFiles(withVersion(fixture(), '2.0.0'), {});
    await expect(env.service.installer.importPack(await packBundle(withVersion(fixture(), '1.5.0'), 'tiny-course', '1.5.0'))).rejects.toThrow(/1\.5\.0 is older than the installed 2\.0\.0/);
  });

  it('an upgrade keeps progress by lesson id and keeps removed lessons as history', () => {
    env.service.installer.installDir(fixtureDir);
    env.store.db.insert(lessonProgress).values([
      { courseId: 'tiny-course', lessonId: 'welcome', status: 'completed', completedAt: 5 },
      { courseId: 'tiny-course', lessonId: 'check-yourself', status: 'completed', completedAt: 6 },
    ]).run();
    const next = withVersion(fixture(), '1.1.0');
    next.set('course.yaml', Buffer.from(next.get('course.yaml')!.toString('utf8').replace('      - lessons/basics/check-yourself.md\n', '')));
    const result = env.service.installer.installFiles(next, {});
    expect(result).toMatchObject({ outcome: 'upgraded', previousVersion: '1.0.0', version: '1.1.0', removedLessons: ['check-yourself'] });
    const detail = env.service.getCourse('tiny-course')!;
    expect(detail.modules[0]!.lessons.map((l) => [l.id, l.status])).toEqual([['welcome', 'completed'], ['add-numbers', 'not_started']]);
    expect(detail.completedCount).toBe(1);
    expect(env.store.sqlite.prepare("SELECT removed_at FROM lessons WHERE lesson_id = 'check-yourself'").get()).toEqual({ removed_at: 1_000 });
    expect(env.store.sqlite.prepare("SELECT status FROM lesson_progress WHERE lesson_id = 'check-yourself'").get()).toEqual({ status: 'completed' });
    expect(fs.readdirSync(path.join(env.dataDir, 'courses'))).toEqual(['tiny-course']);
  });

  it('prerequisites are enforced with the reason, and unknown prerequisites are refused', () => {
    env.service.installer.installDir(fixtureDir);
    const second = new Map(fixture());
    second.set('course.yaml', Buffer.from(second.get('course.yaml')!.toString('utf8').replace('id: tiny-course', 'id: tiny-next').replace('prerequisites: []', 'prerequisites: [tiny-course]').replace('title: Tiny Course', 'title: Tiny Next')));
    env.service.installer.installFiles(second, {});
    expect(env.service.listCourses().find((c) => c.id === 'tiny-next')!.lockedReason).toBe('Finish Tiny Course first.');
    env.store.db.insert(lessonProgress).values(['welcome', 'add-numbers', 'check-yourself'].map((lessonId) => ({ courseId: 'tiny-course', lessonId, status: 'completed' }))).run();
    const courses = env.service.listCourses();
    expect(courses.find((c) => c.id === 'tiny-course')!.status).toBe('completed');
    expect(courses.find((c) => c.id === 'tiny-next')!.lockedReason).toBeNull();
    const orphan = new Map(fixture());
    orphan.set('course.yaml', Buffer.from(orphan.get('course.yaml')!.toString('utf8').replace('id: tiny-course', 'id: orphan').replace('prerequisites: []', 'prerequisites: [missing-course]')));
    expect(() => env.service.installer.installFiles(orphan, {})).toThrow(CourseImportError);
  });

  it('searches lessons with FTS5: porter stemming, bm25 order, «highlighted» snippets, course filter', () => {
    env.service.installer.installDir(fixtureDir);
    const hits = env.service.lessonSearch.search('printing variables');
    expect(hits[0]).toMatchObject({ courseId: 'tiny-course', lessonId: 'welcome', courseTitle: 'Tiny Course' });
    expect(hits[0]!.snippet).toMatch(/«[Vv]ariable/);
    expect(env.service.lessonSearch.search('sum').map((h) => h.lessonId)).toEqual(['add-numbers']);
    expect(env.service.lessonSearch.search('"; DROP TABLE lessons; --')).toEqual([]);
    expect(env.service.lessonSearch.search('')).toEqual([]);
    expect(env.service.lessonSearch.search('variable', { courseId: 'other' })).toEqual([]);
    const passages = env.service.passages('printing', { courseId: 'tiny-course' });
    expect(passages[0]).toMatchObject({ lessonId: 'welcome', heading: 'Welcome to the tiny course › Printing' });
  });

  it('installs every built-in course folder idempotently', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'drona-builtins-'));
    fs.cpSync(fixtureDir, path.join(root, 'tiny-course'), { recursive: true });
    fs.mkdirSync(path.join(root, 'not-a-course'));
    expect(env.service.installBuiltins(root).results.map((r) => r.outcome)).toEqual(['installed']);
    const [installed] = env.service.listCourses();
    expect(env.service.installBuiltins(root).results).toEqual([
      { courseId: 'tiny-course', title: installed!.title, version: '1.0.0', outcome: 'unchanged', previousVersion: '1.0.0', lessonCount: installed!.lessonCount, removedLessons: [] },
    ]);
    // Unchanged bytes skip the parse (start-up time); one changed byte anywhere takes the full install again.
    fs.appendFileSync(path.join(root, 'tiny-course', 'lessons', 'basics', 'welcome.md'), '\nOne more line.\n');
    expect(env.service.installBuiltins(root).results.map((r) => r.outcome)).toEqual(['upgraded']);
    expect(env.service.installBuiltins(root).results.map((r) => r.outcome)).toEqual(['unchanged']);
    fs.writeFileSync(path.join(root, 'tiny-course', 'course.yaml'), fs.readFileSync(path.join(root, 'tiny-course', 'course.yaml'), 'utf8').replace('version: 1.0.0', 'version: 1.0.1'));
    expect(env.service.installBuiltins(root).results.map((r) => r.outcome)).toEqual(['upgraded']);
    expect(env.service.listCourses()[0]!.builtIn).toBe(true);
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('tells the app after an install or upgrade, not after a no-op', () => {
    const changed: string[] = [];
    const watched = new CourseService(env.store, env.dataDir, () => 1, undefined, (courseId) => changed.push(courseId));
    watched.installer.installDir(fixtureDir);
    watched.installer.installDir(fixtureDir);
    watched.installer.installFiles(withVersion(fixture(), '1.0.1'), {});
    expect(changed).toEqual(['tiny-course', 'tiny-course']);
  });

  it('compares semantic versions', () => {
    expect(compareVersions('1.0.0', '1.0.0')).toBe(0);
    expect(compareVersions('1.2.0', '1.10.0')).toBe(-1);
    expect(compareVersions('2.0.0', '1.9.9')).toBe(1);
    expect(compareVersions('1.0.0-beta', '1.0.0')).toBe(-1);
  });
});

describe('lesson open on a course installed before links were checked', () => {
  it('a malformed link is left as written instead of failing the lesson', async () => {
    await env.service.installer.importPack(await packBundle(fixture(), 'tiny-course', '1.0.0'));
    const file = path.join(env.dataDir, 'courses', 'tiny-course', 'lessons', 'basics', 'welcome.md');
    fs.appendFileSync(file, '\nSee [x](%zz), [y](http://[::1) and ![](../../images/box.svg).\n');
    const body = env.service.getLesson('tiny-course', 'welcome')!.body;
    expect(body).toContain('See [x](%zz), [y](http://[::1) and ![](data:image/svg+xml;base64,');
  });
});
