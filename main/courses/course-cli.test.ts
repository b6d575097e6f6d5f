// `drona course` through the real program: exit codes and the messages an instructor sees.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCliCaptured } from '../cli/testing-run-cli';
import { readBundleDir } from './bundle/bundle-files';
import { loadBundle } from './bundle/course-bundle';
import { verifyExercises, type ExerciseChecker } from './bundle/exercise-verification';
import { tinyCourseDir as fixtureDir } from './testing/temp-course-service';
import { useTempDirs } from '../testing/temp-dirs';

const temp = useTempDirs('drona-course-cli-');
afterEach(() => vi.restoreAllMocks());

const run = runCliCaptured;

describe('drona course', () => {
  it('validate: 0 and a summary for a valid course; 1 with file:line:column and fixes otherwise', async () => {
    expect(await run('course', 'validate', fixtureDir)).toMatchObject({ code: 0, stdout: 'tiny-course 1.0.0: 1 modules, 3 lessons, 1 exercises — valid.\n' });
    const broken = path.join(temp(), 'tiny-course');
    fs.cpSync(fixtureDir, broken, { recursive: true });
    fs.writeFileSync(path.join(broken, 'course.yaml'), fs.readFileSync(path.join(broken, 'course.yaml'), 'utf8').replace('difficulty: beginner', 'difficulty: expert'));
    const result = await run('course', 'validate', broken);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${path.join(broken, 'course.yaml')}:8:13: "difficulty" Invalid option`);
    expect(result.stderr).toContain('fix: use one of: "beginner", "intermediate", "advanced"');
    expect(result.stderr).toContain('drona: 1 problem in');
    expect((await run('course', 'validate', temp())).stderr).toMatch(/is not a course folder: it has no course\.yaml/);
  });

  it('pack → import → list, and re-import says it is already installed', async () => {
    const dir = temp();
    const file = path.join(dir, 'tiny.drona');
    const dataDir = path.join(dir, 'data');
    expect((await run('course', 'pack', fixtureDir, '-o', file)).stdout).toMatch(/^Packed tiny-course 1\.0\.0 \(9 files, \d+ bytes\)/);
    expect((await run('course', 'import', file, '--data-dir', dataDir)).stdout).toBe('Installed tiny-course 1.0.0 (3 lessons).\n');
    expect((await run('course', 'import', file, '--data-dir', dataDir)).stdout).toBe('tiny-course 1.0.0 is already installed.\n');
    expect((await run('course', 'list', '--data-dir', dataDir)).stdout).toMatch(/tiny-course\s+1\.0\.0\s+0\/3\s+imported\s+Tiny Course/);
    fs.writeFileSync(path.join(dir, 'junk.drona'), 'not a zip');
    const refused = await run('course', 'import', path.join(dir, 'junk.drona'), '--data-dir', dataDir);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/this is not a readable \.drona file[\s\S]*junk\.drona was not imported; nothing was changed/);
  });
});

describe('drona course on hostile folders', () => {
  const copy = () => {
    const dir = path.join(temp(), 'tiny-course');
    fs.cpSync(fixtureDir, dir, { recursive: true });
    return dir;
  };

  it.each([
    ['[x](%zz)', /welcome\.md:32:5: link "%zz" has a malformed %-escape/],
    ['![](%E0%A4%A)', /welcome\.md:32:5: image "%E0%A4%A" has a malformed %-escape/],
    ['[x](a%00b.md)', /welcome\.md:32:5: link "a%00b\.md" names a control character/],
    ['[x](http://[::1)', /welcome\.md:32:5: link "http:\/\/\[::1" is not a valid URL/],
    ['[x](<>)', /welcome\.md:32:5: link has no target/],
    ['[x](../../..)', /welcome\.md:32:5: link "\.\.\/\.\.\/\.\." points outside the course/],
    ['![](data:...)', /welcome\.md:32:5: image "data:\.\.\." is not a file in the course/],
    ['[x](javascript:alert)', /welcome\.md:32:5: link "javascript:alert" uses "javascript:"; lessons may link to https:, http: and mailto: only/],
    ['[x](//evil.example)', /welcome\.md:32:5: link "\/\/evil\.example" has no scheme/],
  ])('validate: a lesson linking %s is a file:line:column problem and exit 1, not an internal error', async (link, message) => {
    const dir = copy();
    fs.appendFileSync(path.join(dir, 'lessons', 'basics', 'welcome.md'), `\nSee ${link} here.\n`);
    const result = await run('course', 'validate', dir);
    expect(result.stderr).not.toContain('internal error');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
  });

  it('validate and pack refuse tool configuration, naming the file', async () => {
    const dir = copy();
    fs.mkdirSync(path.join(dir, 'exercises', 'add', 'starter', '.vscode'));
    fs.writeFileSync(path.join(dir, 'exercises', 'add', 'starter', '.vscode', 'tasks.json'), '{"tasks":[{"command":"touch PWNED","runOptions":{"runOn":"folderOpen"}}]}');
    fs.writeFileSync(path.join(dir, 'exercises', 'add', 'starter', 'sitecustomize.py'), 'import os\n');
    const validated = await run('course', 'validate', dir);
    expect(validated.code).toBe(1);
    expect(validated.stderr).toContain(`${path.join(dir, 'exercises/add/starter/.vscode/')}: ".vscode" is a hidden file or folder`);
    expect(validated.stderr).toContain(`${path.join(dir, 'exercises/add/starter/sitecustomize.py')}: "sitecustomize.py" is configuration that Python, npm, Node or an editor loads by itself`);
    const packed = await run('course', 'pack', dir, '-o', path.join(temp(), 'x.drona'));
    expect(packed.code).toBe(1);
    expect(packed.stderr).toMatch(/has 2 problem\(s\); fix them before packing/);
  });
});

describe('validate --run (verifyExercises)', () => {
  const course = () => {
    const files = readBundleDir(fixtureDir).files;
    return { files, course: loadBundle(files).course! };
  };
  const checker = (verdicts: Record<'solution' | 'starter', 'pass' | 'fail' | 'error'>): ExerciseChecker & { requests: unknown[] } => {
    const requests: unknown[] = [];
    return {
      requests,
      check: async (request) => {
        requests.push(request);
        const which = request.files[0]!.content.includes('return a + b') ? 'solution' : 'starter';
        return { status: verdicts[which], tests: [{ name: 'test_add', status: verdicts[which], message: 'add(2, 3) should be 5' }] };
      },
    };
  };

  it('passes when the solution passes and the starter fails; sends the flattened tests', async () => {
    const { files, course: loaded } = course();
    const fake = checker({ solution: 'pass', starter: 'fail' });
    expect(await verifyExercises(loaded, files, fake)).toEqual([]);
    expect(fake.requests[0]).toMatchObject({ language: 'python', files: [{ path: 'main.py' }], tests: [{ path: 'test_main.py' }] });
  });

  it('reports a failing solution, a passing starter, and a starter that crashes', async () => {
    const { files, course: loaded } = course();
    const failing = await verifyExercises(loaded, files, checker({ solution: 'fail', starter: 'pass' }));
    expect(failing.map((p) => `${p.file}: ${p.message.split('\n')[0]}`)).toEqual([
      'exercises/add/solution: the reference solution does not pass its tests (fail)',
      'exercises/add/starter: the starter already passes every test',
    ]);
    expect(failing[0]!.message).toContain('test_add: add(2, 3) should be 5');
    const crashing = await verifyExercises(loaded, files, checker({ solution: 'pass', starter: 'error' }));
    expect(crashing[0]!.message).toMatch(/the starter does not run under the tests/);
  });

  it('a refactoring exercise (refactoring: true) needs its starter to pass, not fail', async () => {
    const { files } = course();
    const spec = 'exercises/add/exercise.yaml';
    files.set(spec, Buffer.from(`${files.get(spec)!.toString('utf8')}refactoring: true\n`));
    const loaded = loadBundle(files).course!;
    expect(loaded.exercises.get('exercises/add')?.refactoring).toBe(true);
    const verdicts: boolean[] = [];
    expect(await verifyExercises(loaded, files, checker({ solution: 'pass', starter: 'pass' }), (v) => verdicts.push(v.ok))).toEqual([]);
    const failing = await verifyExercises(loaded, files, checker({ solution: 'pass', starter: 'fail' }), (v) => verdicts.push(v.ok));
    expect(failing.map((p) => p.message)).toEqual(['the starter of this refactoring exercise does not pass its tests (fail)']);
    expect(verdicts).toEqual([true, false]);
  });
});
