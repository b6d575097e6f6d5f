// `drona course import-exercism` through the real program, and importTrack's rule: what does
// not validate or verify is left out with the reason, and the course rebuilt without it.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCliCaptured } from '../../cli/testing-run-cli';
import { readBundleDir } from '../bundle/bundle-files';
import { loadBundle } from '../bundle/course-bundle';
import { readPack } from '../bundle/course-pack';
import type { ExerciseChecker } from '../bundle/exercise-verification';
import { importTrack } from './import-command';
import { readTrackDir } from './read-track';
import { useTempDirs } from '../../testing/temp-dirs';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const temp = useTempDirs('drona-exercism-');
afterEach(() => vi.restoreAllMocks());

const run = runCliCaptured;

describe('drona course import-exercism', () => {
  it('prints the report and writes a .drona that reads back', async () => {
    const file = path.join(temp(), 'python.drona');
    const result = await run('course', 'import-exercism', path.join(fixtures, 'python-track'), '-o', file, '--track-name', 'Python, the Exercism way');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('  – old-greeter (practice): skipped\n      - deprecated in the track\n');
    expect(result.stdout).toContain('  ✗ word-stats (practice): not converted\n      - data file not declared in .meta/config.json (words.txt)');
    expect(result.stdout).toContain('3 of 6 exercises converted, 1 skipped, 2 not converted.\n');
    expect(result.stdout).toMatch(/Wrote exercism-python 1\.0\.0 \(18 files, \d+ bytes\) to .*python\.drona\. Install it with: drona course import /);
    const pack = await readPack(fs.readFileSync(file));
    expect(pack.problems).toEqual([]);
    expect(pack.files.get('course.yaml')!.toString('utf8')).toContain('title: Python, the Exercism way');
  });

  it('--run proves each example passes and each stub fails through the sandbox, then writes a folder', async () => {
    const dir = path.join(temp(), 'js-course');
    const result = await run('course', 'import-exercism', path.join(fixtures, 'javascript-track'), '--run', '--driver', 'process', '-o', dir);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('  exercises/shout: solution pass, starter fail ✓\n');
    expect(result.stdout).toContain('  ✗ event-log (practice): not converted\n      - unsupported test runner: event-log.spec.js uses Jest features');
    expect(result.stdout).toContain('; every exercise verified. Check it with: drona course validate');
    expect(result.code).toBe(0);
    expect(loadBundle(readBundleDir(dir).files).problems).toEqual([]);
    expect(await run('course', 'validate', dir)).toMatchObject({ code: 0, stdout: 'exercism-javascript 1.0.0: 2 modules, 2 lessons, 1 exercises — valid.\n' });
  }, 60_000);

  it('refuses a folder that is not a track, a bad --group-by and a non-empty output folder', async () => {
    expect((await run('course', 'import-exercism', temp())).stderr).toMatch(/is not an Exercism track: it has no config\.json/);
    expect((await run('course', 'import-exercism', path.join(fixtures, 'python-track'), '--group-by', 'size')).stderr).toContain('--group-by must be concepts or difficulty, not "size".');
    const full = temp();
    fs.writeFileSync(path.join(full, 'x'), '');
    const refused = await run('course', 'import-exercism', path.join(fixtures, 'python-track'), '-o', full);
    expect(refused).toMatchObject({ code: 1 });
    expect(refused.stderr).toContain('exists and is not empty');
    expect((await run('course', 'import-exercism', path.join(fixtures, 'python-track'), '--id', 'Not Kebab', '-o', path.join(temp(), 'x.drona'))).stderr).toMatch(/course\.yaml:\d+:\d+: "id" must be kebab-case[\s\S]*the converted course does not validate \(1 problem\); nothing was written/);
  });
});

describe('importTrack', () => {
  const python = readTrackDir(path.join(fixtures, 'python-track')).files;

  it('leaves out an exercise whose example fails or whose stub passes, with the reason, and keeps the rest', async () => {
    const checker: ExerciseChecker = {
      check: async (request) => {
        const code = request.files[0]!.content;
        // word-echo's example "fails"; tidy-receipt's starter passes as a refactoring starter should.
        if (code.includes('words = []')) return { status: 'fail', tests: [{ name: 'test_three_echoes', status: 'fail', message: 'boom' }] };
        return { status: code.includes('pass\n') && !code.includes('receipt') ? 'fail' : 'pass', tests: [] };
      },
    };
    const verdicts: string[] = [];
    const { result, problems } = await importTrack(python, {}, { checker, onVerdict: (v) => verdicts.push(`${v.folder} ${v.ok}`) });
    expect(verdicts).toEqual(['exercises/plant-watering true', 'exercises/word-echo false', 'exercises/tidy-receipt true']);
    expect(problems).toEqual([]);
    expect(result.exercises.find((e) => e.slug === 'word-echo')).toMatchObject({ outcome: 'not-converted', reasons: ['--run: the reference solution does not pass its tests (fail)'] });
    expect([...result.files.keys()].some((name) => name.includes('word-echo'))).toBe(false);
    expect(loadBundle(result.files).problems).toEqual([]);
  });

  it('leaves out an exercise whose converted files do not validate', async () => {
    // A slug that is not kebab-case makes a lesson id our format refuses.
    const files = new Map<string, Buffer>();
    for (const [name, content] of python) files.set(name.replace('practice/word-echo/', 'practice/word_echo/'), content);
    files.set('config.json', Buffer.from(python.get('config.json')!.toString('utf8').replace('"word-echo"', '"word_echo"')));
    const { result, problems } = await importTrack(files, {});
    expect(problems).toEqual([]);
    expect(result.exercises.find((e) => e.slug === 'word_echo')).toMatchObject({ outcome: 'not-converted', reasons: [expect.stringMatching(/^does not validate as a course exercise: lessons\/plant-watering\/word_echo\.md: "id" must be kebab-case/)] });
    expect(loadBundle(result.files).problems).toEqual([]);
  });
});
