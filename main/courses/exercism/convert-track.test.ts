// The importer on small Exercism-format fixture tracks written for these tests (fixtures/):
// what is converted, skipped and reported, and that the result is a valid course of plain files.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadBundle, splitFrontMatter } from '../bundle/course-bundle';
import { packBundle, readPack } from '../bundle/course-pack';
import { licenseId, type TrackFiles } from './convert-exercise';
import { convertTrack } from './convert-track';
import { readTrackDir } from './read-track';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const track = (name: string) => readTrackDir(path.join(fixtures, name)).files;
const edited = (files: TrackFiles, changes: Record<string, string | null>) => {
  const copy = new Map(files);
  for (const [name, content] of Object.entries(changes)) {
    if (content === null) copy.delete(name);
    else copy.set(name, Buffer.from(content));
  }
  return copy;
};
const outcomes = (result: ReturnType<typeof convertTrack>) => Object.fromEntries(result.exercises.map((e) => [e.slug, e.outcome === 'converted' ? 'converted' : `${e.outcome}: ${e.reasons.join('; ')}`]));
const yamlOf = (result: ReturnType<typeof convertTrack>, name: string) => parseYaml(result.files.get(name)!.toString('utf8')) as Record<string, unknown>;
const frontMatterOf = (result: ReturnType<typeof convertTrack>, name: string) => parseYaml(splitFrontMatter(result.files.get(name)!.toString('utf8'))!.frontMatter) as Record<string, unknown>;

/** What the bundle content allow-list accepts: course.yaml, lessons/**.md, exercise files of plain types. */
const allowed = /^(course\.yaml|lessons\/[a-z0-9-]+\/[a-z0-9-]+\.md|exercises\/[a-z0-9-]+\/(exercise\.yaml|(starter|solution|tests)\/[A-Za-z0-9_][A-Za-z0-9_.-]*\.(py|js|mjs|json|txt|csv|md)))$/;

describe('convertTrack: the Python fixture track', () => {
  const result = convertTrack(track('python-track'));

  it('reports every exercise: converted, skipped as deprecated, or not converted and why', () => {
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(outcomes(result)).toEqual({
      'plant-watering': 'converted',
      'word-echo': 'converted',
      'old-greeter': 'skipped: deprecated in the track',
      'menu-planner': 'not-converted: several solution files (menu_planner.py, menu_items.py): the example solution cannot be matched to them one to one',
      'word-stats': 'not-converted: data file not declared in .meta/config.json (words.txt): the tests may read it, and only declared files are shipped',
      'tidy-receipt': 'converted',
    });
  });

  it('builds a course that validates, holding only plain course files', () => {
    expect(loadBundle(result.files).problems).toEqual([]);
    expect([...result.files.keys()].filter((name) => !allowed.test(name))).toEqual([]);
    expect([...result.files.keys()].some((name) => name.includes('old-greeter') || name.includes('menu-planner') || name.includes('word-stats'))).toBe(false);
  });

  it("credits the track: its license in course.yaml and the text, authors and sources in a lesson", () => {
    expect(yamlOf(result, 'course.yaml')).toMatchObject({ id: 'exercism-python', title: 'Python (from Exercism)', license: 'MIT', languages: ['python'], authors: ['Exercism Python track contributors'], track: { id: 'python', title: 'Python' } });
    const credits = result.files.get('lessons/about/about-this-course.md')!.toString('utf8');
    expect(credits).toContain('Copyright (c) 2026 Fixture Track Maintainers');
    expect(credits).toContain('| Word Echo | fixture-author | — | Written for Dronacharya\'s importer tests |');
    expect(credits).toContain('| Plant Watering | fixture-author | fixture-helper | — |');
  });

  it('groups by concept: the concept lesson, its exercise, then the practice exercises it unlocks', () => {
    expect((yamlOf(result, 'course.yaml').modules as unknown[])).toEqual([
      { id: 'about', title: 'About this course', lessons: ['lessons/about/about-this-course.md'] },
      {
        id: 'plant-watering',
        title: 'Basics',
        lessons: ['lessons/plant-watering/plant-watering-introduction.md', 'lessons/plant-watering/plant-watering.md', 'lessons/plant-watering/word-echo.md', 'lessons/plant-watering/tidy-receipt.md'],
      },
    ]);
    expect(frontMatterOf(result, 'lessons/plant-watering/plant-watering-introduction.md')).toMatchObject({ id: 'plant-watering-introduction', type: 'concept', objectives: ['Learn about Basics'] });
    expect(result.files.get('lessons/plant-watering/plant-watering-introduction.md')!.toString('utf8')).toContain('> [!NOTE]\n> Indentation is part of the syntax');
  });

  it("declares the track's concepts for the learner model and tags every lesson with what it teaches or practises", () => {
    expect(yamlOf(result, 'course.yaml').concepts).toEqual([
      { id: 'basics', title: 'Basics', prerequisites: [], lesson: 'plant-watering-introduction' },
      { id: 'strings', title: 'Strings', prerequisites: [] },
    ]);
    expect(frontMatterOf(result, 'lessons/plant-watering/plant-watering-introduction.md').concepts).toEqual(['basics']);
    expect(frontMatterOf(result, 'lessons/plant-watering/plant-watering.md').concepts).toEqual(['basics']);
    expect(frontMatterOf(result, 'lessons/plant-watering/word-echo.md').concepts).toEqual(['strings']);
    expect(frontMatterOf(result, 'lessons/about/about-this-course.md').concepts).toBeUndefined();
  });

  it('a concept exercise: instructions as the lesson, the exemplar as solution, hints per task', () => {
    expect(frontMatterOf(result, 'lessons/plant-watering/plant-watering.md')).toMatchObject({ type: 'practice', exercise: 'exercises/plant-watering', objectives: ['Use Basics in a program'] });
    expect(result.files.get('exercises/plant-watering/solution/plant_watering.py')!.toString('utf8')).toContain('CUPS_PER_WEEK = 3');
    expect(result.files.get('exercises/plant-watering/starter/plant_watering.py')!.toString('utf8')).toContain('CUPS_PER_WEEK = 0');
    expect(yamlOf(result, 'exercises/plant-watering/exercise.yaml')).toEqual({
      language: 'python',
      entry: 'plant_watering.py',
      files: { editable: ['plant_watering.py'], readOnly: [], hidden: [] },
      hints: [
        'A constant is a name written in capitals, bound once at the top of the module.',
        '1. Define the weekly amount: Bind the name with `=` at the top level of `plant_watering.py`.',
        '2. Count the cups for several plants: Multiply the number of plants by the constant and [return](https://docs.python.org/3/reference/simple_stmts.html#the-return-statement) the result.',
      ],
    });
  });

  it('a practice exercise: introduction, instructions and append; tests renamed; generic hints when there are none', () => {
    const lesson = result.files.get('lessons/plant-watering/word-echo.md')!.toString('utf8');
    expect(splitFrontMatter(lesson)!.body).toMatch(/^# Word Echo\n\n\*Builds on: Basics\.\*\n\nIn a quiet valley[^\n]*\n\n## Instructions\n\nWrite `echo\(word, times\)`[\s\S]*## Exception messages\n\nIf `times` is negative/);
    expect(result.files.has('exercises/word-echo/tests/test_word_echo.py')).toBe(true);
    expect(result.files.get('exercises/word-echo/solution/word_echo.py')!.toString('utf8')).toContain('raise ValueError');
    expect((yamlOf(result, 'exercises/word-echo/exercise.yaml').hints as string[]).length).toBe(2);
    expect(result.exercises.find((e) => e.slug === 'word-echo')!.notes).toEqual(['tests renamed to our convention: word_echo_test.py → test_word_echo.py', 'no .docs/hints.md: two generic hints added (our format asks for 2-4)']);
  });

  it('a refactoring exercise (working stub, "refactor" in the instructions) is flagged and says so', () => {
    expect(yamlOf(result, 'exercises/tidy-receipt/exercise.yaml')).toMatchObject({ refactoring: true });
    expect(result.files.get('lessons/plant-watering/tidy-receipt.md')!.toString('utf8')).toContain('> [!NOTE]\n> This is a refactoring exercise');
    expect(yamlOf(result, 'exercises/word-echo/exercise.yaml').refactoring).toBeUndefined();
  });

  it('packs and reads back byte for byte', async () => {
    const read = await readPack(await packBundle(result.files, result.courseId, result.version));
    expect(read.problems).toEqual([]);
    expect([...read.files.keys()].sort()).toEqual([...result.files.keys()].sort());
  });
});

describe('convertTrack: options and edge cases', () => {
  const python = track('python-track');

  it('groups by difficulty on request, and takes the title, id and version given', () => {
    const result = convertTrack(python, { groupBy: 'difficulty', trackName: 'Python practice', courseId: 'py-practice', version: '2.1.0' });
    expect(yamlOf(result, 'course.yaml')).toMatchObject({ id: 'py-practice', title: 'Python practice', version: '2.1.0' });
    expect((yamlOf(result, 'course.yaml').modules as { id: string; lessons: string[] }[]).map((m) => [m.id, m.lessons.length])).toEqual([
      ['about', 1],
      ['concepts', 2],
      ['practice-easy', 1],
      ['practice-medium', 1],
    ]);
    expect(loadBundle(result.files).problems).toEqual([]);
  });

  it('places a practice exercise whose prerequisites no concept exercise teaches by difficulty', () => {
    const config = JSON.parse(python.get('config.json')!.toString('utf8')) as { exercises: { practice: { slug: string; prerequisites: string[] }[] } };
    config.exercises.practice.find((p) => p.slug === 'word-echo')!.prerequisites = ['strings'];
    const result = convertTrack(edited(python, { 'config.json': JSON.stringify(config) }));
    expect((yamlOf(result, 'course.yaml').modules as { id: string; lessons: string[] }[]).find((m) => m.id === 'practice-easy')?.lessons).toEqual(['lessons/practice-easy/word-echo.md']);
  });

  it('reports a missing example, conftest.py, wip status and an excluded exercise', () => {
    const config = JSON.parse(python.get('config.json')!.toString('utf8')) as { exercises: { practice: { slug: string; status?: string }[] } };
    config.exercises.practice.find((p) => p.slug === 'tidy-receipt')!.status = 'wip';
    const meta = JSON.parse(python.get('exercises/concept/plant-watering/.meta/config.json')!.toString('utf8')) as { files: { test: string[] } };
    meta.files.test.push('conftest.py');
    const result = convertTrack(
      edited(python, {
        'config.json': JSON.stringify(config),
        'exercises/practice/word-echo/.meta/example.py': null,
        'exercises/concept/plant-watering/.meta/config.json': JSON.stringify(meta),
        'exercises/concept/plant-watering/conftest.py': 'import pytest\n',
      }),
      { exclude: new Map([['menu-planner', 'left out on purpose']]) },
    );
    expect(outcomes(result)).toMatchObject({
      'plant-watering': 'not-converted: conftest.py changes how pytest runs; courses do not ship one',
      'word-echo': 'not-converted: missing example solution (.meta/example.py not found)',
      'tidy-receipt': 'skipped: work in progress (status "wip"), not ready for learners',
    });
    expect(outcomes(result)['menu-planner']).toContain('left out on purpose');
    // Nothing converted: no course, and the concept exercise's report says its lesson was kept.
    expect(result.errors).toEqual(['no exercise could be converted (see the report above)']);
    expect(result.files.size).toBe(0);
  });

  it('keeps the concept lesson when its exercise cannot be converted', () => {
    const result = convertTrack(edited(python, { 'exercises/concept/plant-watering/.meta/exemplar.py': null }));
    const report = result.exercises.find((e) => e.slug === 'plant-watering')!;
    expect(report).toMatchObject({ outcome: 'not-converted', reasons: ['missing exemplar solution (.meta/exemplar.py not found)'], notes: ['its introduction is kept as a concept lesson'] });
    expect((yamlOf(result, 'course.yaml').modules as { id: string; lessons: string[] }[])[1]!.lessons).toEqual(['lessons/plant-watering/plant-watering-introduction.md', 'lessons/plant-watering/word-echo.md', 'lessons/plant-watering/tidy-receipt.md']);
    expect(loadBundle(result.files).problems).toEqual([]);
  });

  it('reads authors in the older { github_username } form', () => {
    const meta = JSON.parse(python.get('exercises/practice/word-echo/.meta/config.json')!.toString('utf8')) as Record<string, unknown>;
    meta.authors = [{ github_username: 'old-style', exercism_username: 'old-style' }];
    const result = convertTrack(edited(python, { 'exercises/practice/word-echo/.meta/config.json': JSON.stringify(meta) }));
    expect(result.files.get('lessons/about/about-this-course.md')!.toString('utf8')).toContain('| Word Echo | old-style | — |');
  });

  it('refuses what is not a supported track, and warns about a missing license', () => {
    expect(convertTrack(new Map()).errors).toEqual(['config.json is missing: point at the root of a clone of an Exercism track (e.g. exercism/python)']);
    expect(convertTrack(new Map([['config.json', Buffer.from('{"language":"Rust","slug":"rust"}')]])).errors[0]).toMatch(/the Rust track \("rust"\) is not supported/);
    expect(convertTrack(new Map([['config.json', Buffer.from('{ nope')]])).errors[0]).toMatch(/^config\.json is not JSON/);
    expect(convertTrack(edited(python, { 'exercises/practice/stray/.docs/instructions.md': '# Instructions\n' })).warnings).toEqual(['exercises/practice/stray is not listed in config.json; left out']);
    const unlicensed = convertTrack(edited(python, { LICENSE: null }));
    expect(unlicensed.warnings).toEqual(['the track has no LICENSE file: course.yaml says "NOASSERTION"; find out the terms before sharing the course']);
    expect(yamlOf(unlicensed, 'course.yaml').license).toBe('NOASSERTION');
    expect(licenseId('Apache License\nVersion 2.0, January 2004')).toBe('Apache-2.0');
  });
});

describe('convertTrack: any mix of statuses, prerequisites and grouping', () => {
  it('gives a course that validates, or says nothing could be converted; every exercise is reported once', () => {
    const python = track('python-track');
    const base = JSON.parse(python.get('config.json')!.toString('utf8')) as { exercises: { concept: { slug: string; status?: string }[]; practice: { slug: string; status?: string; prerequisites: string[]; difficulty: number }[] } };
    const status = fc.constantFrom('active', 'beta', 'wip', 'deprecated');
    fc.assert(
      fc.property(
        fc.array(status, { minLength: 6, maxLength: 6 }),
        fc.array(fc.subarray(['basics', 'strings', 'loops']), { minLength: 5, maxLength: 5 }),
        fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 5, maxLength: 5 }),
        fc.constantFrom('concepts' as const, 'difficulty' as const, undefined),
        (statuses, prerequisites, difficulties, groupBy) => {
          const config = structuredClone(base);
          [...config.exercises.concept, ...config.exercises.practice].forEach((exercise, i) => (exercise.status = statuses[i]));
          config.exercises.practice.forEach((exercise, i) => {
            exercise.prerequisites = prerequisites[i]!;
            exercise.difficulty = difficulties[i]!;
          });
          const result = convertTrack(edited(python, { 'config.json': JSON.stringify(config) }), groupBy ? { groupBy } : {});
          expect(result.exercises.map((e) => e.slug).sort()).toEqual(['menu-planner', 'old-greeter', 'plant-watering', 'tidy-receipt', 'word-echo', 'word-stats']);
          if (result.errors.length) expect(result.errors).toEqual(['no exercise could be converted (see the report above)']);
          else expect(loadBundle(result.files).problems).toEqual([]);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('convertTrack: the JavaScript fixture track', () => {
  const result = convertTrack(track('javascript-track'));

  it('translates a Jest spec and ships the shim; reports a spec using jest.fn', () => {
    expect(outcomes(result)).toEqual({
      shout: 'converted',
      'event-log': 'not-converted: unsupported test runner: event-log.spec.js uses Jest features our JavaScript checks (node:test) lack: jest.fn, toHaveBeenCalledWith',
    });
    expect(loadBundle(result.files).problems).toEqual([]);
    expect([...result.files.keys()].filter((name) => name.startsWith('exercises/')).sort()).toEqual([
      'exercises/shout/exercise.yaml',
      'exercises/shout/solution/shout.js',
      'exercises/shout/starter/shout.js',
      'exercises/shout/tests/jest-compat.js',
      'exercises/shout/tests/shout.test.js',
    ]);
    expect(result.files.get('exercises/shout/tests/shout.test.js')!.toString('utf8')).toContain("import * as __module1 from './shout.js';\nconst { shout, shoutAll } = __module1;");
    expect(result.exercises[0]!.notes).toContain('editor-only type declarations left out: global.d.ts');
    expect(yamlOf(result, 'exercises/shout/exercise.yaml').hints).toEqual(['Strings have a method that returns an upper-case copy.', '`typeof` tells you whether a value is a string.']);
  });

  it('without concept exercises, modules follow difficulty', () => {
    expect((yamlOf(result, 'course.yaml').modules as { id: string }[]).map((m) => m.id)).toEqual(['about', 'practice-easy']);
  });
});
