// Lessons and exercises are read once per installed copy of a course: a Check reads its exercise
// every time, and each install, upgrade or preview edit (from this process or another, such as
// the CLI's `drona course import` beside a running app) must be seen by the next one.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BundleFiles } from '../bundle/bundle-files';
import { CourseService } from '../course-service';
import { tinyCourse, tinyCourseDir, useTempCourseService } from '../testing/temp-course-service';

const env = useTempCourseService('drona-lesson-content-');

const testFile = 'exercises/add/tests/test_main.py';

/** The tiny course at `version`, with `changes` (bundle path to new text) applied. */
function tinyAt(version: string, changes: Record<string, string> = {}): BundleFiles {
  const files = new Map(tinyCourse());
  files.set('course.yaml', Buffer.from(files.get('course.yaml')!.toString('utf8').replace(/^version: .*$/m, `version: ${version}`)));
  for (const [name, text] of Object.entries(changes)) files.set(name, Buffer.from(text));
  return files;
}

const newTests = 'from main import add\n\n\ndef test_add_negative():\n    assert add(-2, -3) == -5\n';

describe('LessonContentService keeps what it read per installed copy of a course', () => {
  it('reads an exercise once while the course is unchanged', () => {
    env.service.installer.installDir(tinyCourseDir);
    const first = env.service.getExercise('tiny-course', 'add-numbers');
    // Gone from disk behind the app's back: the copy read is the one installed, and still served.
    fs.rmSync(path.join(env.dataDir, 'courses', 'tiny-course', 'exercises', 'add', 'exercise.yaml'));
    expect(env.service.getExercise('tiny-course', 'add-numbers')).toBe(first);
  });

  it('a course upgraded with changed tests, starter and limits gives the new ones', () => {
    env.service.installer.installDir(tinyCourseDir);
    const before = env.service.getExercise('tiny-course', 'add-numbers')!;
    expect(before.tests).toEqual([{ path: 'test_main.py', content: expect.stringContaining('def test_add():') }]);
    expect(env.service.getLesson('tiny-course', 'add-numbers')!.title).not.toBe('Adding, again');
    const yaml = tinyCourse().get('exercises/add/exercise.yaml')!.toString('utf8');
    const lesson = tinyCourse().get('lessons/basics/add-numbers.md')!.toString('utf8');
    env.service.installer.installFiles(
      tinyAt('1.1.0', {
        [testFile]: newTests,
        'exercises/add/starter/main.py': 'def add(a, b):\n    return 0\n',
        'exercises/add/exercise.yaml': `${yaml}limits: { timeoutSeconds: 3 }\n`,
        'lessons/basics/add-numbers.md': lesson.replace(/^title: .*$/m, 'title: Adding, again'),
      }),
      {},
    );
    const after = env.service.getExercise('tiny-course', 'add-numbers')!;
    expect(after.tests).toEqual([{ path: 'test_main.py', content: newTests }]);
    expect(after.files).toEqual([{ path: 'main.py', role: 'editable', content: 'def add(a, b):\n    return 0\n' }]);
    expect(after.limits).toEqual({ timeoutSeconds: 3 });
    expect(env.service.getLesson('tiny-course', 'add-numbers')!.title).toBe('Adding, again');
  });

  it('a built-in course changed on disk is seen after its reinstall at start-up', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'drona-builtins-'));
    try {
      fs.cpSync(tinyCourseDir, path.join(root, 'tiny-course'), { recursive: true });
      env.service.installBuiltins(root);
      expect(env.service.getExercise('tiny-course', 'add-numbers')!.tests[0]!.content).toContain('def test_add():');
      fs.writeFileSync(path.join(root, 'tiny-course', testFile), newTests);
      expect(env.service.installBuiltins(root).results.map((result) => result.outcome)).toEqual(['upgraded']);
      expect(env.service.getExercise('tiny-course', 'add-numbers')!.tests[0]!.content).toBe(newTests);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('an install by another process (the CLI, same data folder) is seen too', () => {
    env.service.installer.installDir(tinyCourseDir);
    expect(env.service.getExercise('tiny-course', 'add-numbers')!.tests[0]!.content).toContain('def test_add():');
    const cli = new CourseService(env.store, env.dataDir, () => 2);
    cli.installer.installFiles(tinyAt('1.0.1-preview.000001', { [testFile]: newTests }), {});
    expect(env.service.getExercise('tiny-course', 'add-numbers')!.tests[0]!.content).toBe(newTests);
  });

  it('a lesson an upgrade removed has no exercise any more', () => {
    env.service.installer.installDir(tinyCourseDir);
    expect(env.service.getExercise('tiny-course', 'add-numbers')).not.toBeNull();
    const next = tinyAt('1.1.0');
    next.set('course.yaml', Buffer.from(next.get('course.yaml')!.toString('utf8').replace('      - lessons/basics/add-numbers.md\n', '')));
    env.service.installer.installFiles(next, {});
    expect(env.service.getExercise('tiny-course', 'add-numbers')).toBeNull();
    expect(env.service.getLesson('tiny-course', 'add-numbers')).toBeNull();
  });
});
