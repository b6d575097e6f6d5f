// Every validation rule, with the message (and position) it produces.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem, readBundleDir, type BundleFiles } from './bundle-files';
import { loadBundle, markdownTargets, prerequisiteProblems, splitFrontMatter } from './course-bundle';
import { calloutKindOf } from '../../../renderer/src/features/learn/callouts';
import { ftsQuery, passagesOf, plainText } from '../search/lesson-text';
import { tinyCourse as fixture, tinyCourseDir as fixtureDir } from '../testing/temp-course-service';

function edit(files: BundleFiles, file: string, from: string | RegExp, to: string): BundleFiles {
  const text = files.get(file)!.toString('utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`test setup: ${String(from)} not found in ${file}`);
  files.set(file, Buffer.from(next));
  return files;
}

const problems = (files: BundleFiles, known = new Map<string, string[]>()) => loadBundle(files, known).problems.map(formatProblem);

describe('loadBundle', () => {
  it('accepts the fixture', () => {
    const result = loadBundle(fixture());
    expect(result.problems).toEqual([]);
    expect(result.course!.lessons.map((lesson) => lesson.meta.id)).toEqual(['welcome', 'add-numbers', 'check-yourself']);
  });

  it('course.yaml missing', () => {
    const files = fixture();
    files.delete('course.yaml');
    expect(problems(files)).toEqual(['course.yaml:1:1: course.yaml is missing\n  fix: every course folder starts with a course.yaml (see courses/FORMAT.md)']);
  });

  it('YAML syntax errors, with the line', () => {
    expect(problems(edit(fixture(), 'course.yaml', 'summary: A', 'summary: [A'))[0]).toMatch(/^course\.yaml:\d+:\d+: YAML syntax error: .*\n {2}fix: fix the indentation or quoting/);
  });

  it('a missing field points at the mapping and says what to add', () => {
    expect(problems(edit(fixture(), 'course.yaml', /^license: .*\n/m, ''))).toEqual([
      'course.yaml:1:1: "license" Invalid input: expected string, received undefined\n  fix: add "license:" (string)',
    ]);
  });

  it('an unknown field', () => {
    expect(problems(edit(fixture(), 'course.yaml', 'license: CC-BY-4.0', 'license: CC-BY-4.0\nlicence: typo'))[0]).toMatch(/Unrecognized key: "licence"\n {2}fix: remove or rename "licence"/);
  });

  it('a bad enum value, pointing at the value', () => {
    expect(problems(edit(fixture(), 'course.yaml', 'difficulty: beginner', 'difficulty: expert'))[0]).toBe(
      'course.yaml:8:13: "difficulty" Invalid option: expected one of "beginner"|"intermediate"|"advanced"\n  fix: use one of: "beginner", "intermediate", "advanced"',
    );
  });

  it('ids must be kebab-case and versions semver', () => {
    expect(problems(edit(fixture(), 'course.yaml', 'id: tiny-course', 'id: Tiny_Course'))[0]).toMatch(/^course\.yaml:2:5: "id" must be kebab-case/);
    expect(problems(edit(fixture(), 'course.yaml', 'version: 1.0.0', 'version: one'))[0]).toMatch(/^course\.yaml:4:10: "version" must be a semantic version/);
  });

  it('prerequisites that do not exist, the course itself, and cycles', () => {
    expect(problems(edit(fixture(), 'course.yaml', 'prerequisites: []', 'prerequisites: [ghost]'))[0]).toMatch(/^course\.yaml:11:16: prerequisite "ghost" is not an installed or bundled course/);
    expect(prerequisiteProblems('a', ['a'], new Map())).toEqual(['the course lists itself as a prerequisite']);
    expect(prerequisiteProblems('a', ['b'], new Map([['b', ['c']], ['c', ['a']]]))).toEqual(['prerequisites form a cycle: a → b → c → a']);
    expect(prerequisiteProblems('a', ['b'], new Map([['b', ['c']], ['c', []]]))).toEqual([]);
  });

  it('module ids twice, lesson files twice, lesson files that do not exist', () => {
    const files = edit(fixture(), 'course.yaml', '      - lessons/basics/check-yourself.md\n', '      - lessons/basics/check-yourself.md\n      - lessons/basics/welcome.md\n      - lessons/basics/nope.md\n  - id: basics\n    title: Again\n    lessons: [lessons/basics/welcome.md]\n');
    expect(problems(files)).toEqual([
      'course.yaml:21:9: lesson file "lessons/basics/welcome.md" is listed twice\n  fix: list each lesson once',
      'course.yaml:22:9: lesson file "lessons/basics/nope.md" does not exist\n  fix: create the file or fix the path (relative to the course folder)',
      'course.yaml:23:9: module id "basics" is used twice\n  fix: give every module a unique id',
      'course.yaml:25:15: lesson file "lessons/basics/welcome.md" is listed twice\n  fix: list each lesson once',
    ]);
  });

  it('lesson paths may not climb out of the course', () => {
    expect(problems(edit(fixture(), 'course.yaml', 'lessons/basics/welcome.md', '../outside.md'))[0]).toMatch(/"modules\.0\.lessons\.0" must be a path inside the course folder/);
  });

  it('a lesson without front matter', () => {
    expect(problems(edit(fixture(), 'lessons/basics/welcome.md', /^---\n[\s\S]*?\n---\n/, '# No front matter\n'))).toEqual([
      'lessons/basics/welcome.md:1:1: the lesson has no YAML front matter\n  fix: start the file with a "---" line, the front matter (id, title, type, xp, parTimeMinutes, objectives), and another "---" line',
    ]);
  });

  it('front matter schema errors, with lines in the lesson file', () => {
    expect(problems(edit(fixture(), 'lessons/basics/welcome.md', 'type: concept', 'type: lecture'))[0]).toMatch(/^lessons\/basics\/welcome\.md:4:7: "type" Invalid option/);
    expect(problems(edit(fixture(), 'lessons/basics/add-numbers.md', 'exercise: exercises/add\n', ''))[0]).toMatch(/"exercise" a practice lesson needs "exercise: exercises\/<name>"/);
    expect(problems(edit(fixture(), 'lessons/basics/check-yourself.md', 'type: quiz', 'type: reflection'))).toEqual(
      expect.arrayContaining([expect.stringMatching(/a reflection lesson needs "reflection: \{ prompt \}"/)]),
    );
    expect(problems(edit(fixture(), 'lessons/basics/check-yourself.md', '{ text: "2 + 3", correct: false', '{ text: "2 + 3", correct: true'))[0]).toMatch(
      /"quiz\.questions\.0\.options" a single question needs exactly one correct option \(found 2\)/,
    );
  });

  it('duplicate lesson ids and duplicate quiz question ids', () => {
    expect(problems(edit(fixture(), 'lessons/basics/check-yourself.md', 'id: check-yourself', 'id: welcome'))).toEqual([
      'lessons/basics/check-yourself.md:2:5: lesson id "welcome" is also used by lessons/basics/welcome.md\n  fix: lesson ids must be unique in the course (progress is keyed by them)',
    ]);
    expect(problems(edit(fixture(), 'lessons/basics/check-yourself.md', '- id: q2', '- id: q1'))[0]).toMatch(/quiz question id "q1" is used twice/);
  });

  it('an exercise on a lesson type that has none', () => {
    expect(problems(edit(fixture(), 'lessons/basics/welcome.md', 'objectives:', 'exercise: exercises/add\nobjectives:'))[0]).toMatch(/lessons\/basics\/welcome\.md:7:11: a concept lesson cannot have an exercise/);
  });

  it('exercise folders: exercise.yaml missing or invalid, entry, language, files, tests', () => {
    const noSpec = fixture();
    noSpec.delete('exercises/add/exercise.yaml');
    expect(problems(noSpec)[0]).toMatch(/lessons\/basics\/add-numbers\.md:1:1: exercise folder "exercises\/add" has no exercise\.yaml/);
    expect(problems(edit(fixture(), 'exercises/add/exercise.yaml', /hints:[\s\S]*$/, 'hints: [only one]\n'))[0]).toMatch(/exercises\/add\/exercise\.yaml:4:8: "hints" give 2-4 hints/);
    expect(problems(edit(fixture(), 'exercises/add/exercise.yaml', 'entry: main.py', 'entry: app.py'))[0]).toMatch(/exercise\.yaml:2:8: entry "app\.py" is not listed in files\n {2}fix: add "app\.py" to files\.editable/);
    expect(problems(edit(fixture(), 'exercises/add/exercise.yaml', 'language: python', 'language: javascript'))).toEqual(
      expect.arrayContaining([expect.stringMatching(/language "javascript" is not one of the course's languages \(python\)/), expect.stringMatching(/the exercise has no tests/)]),
    );
    expect(problems(edit(fixture(), 'exercises/add/exercise.yaml', 'readOnly: []', 'readOnly: [main.py]'))[0]).toMatch(/"main\.py" is listed twice in files/);
    const noStarter = fixture();
    noStarter.delete('exercises/add/starter/main.py');
    expect(problems(noStarter)).toEqual([expect.stringMatching(/starter\/main\.py is missing\n {2}fix: add exercises\/add\/starter\/main\.py/)]);
    const readOnlyInStarter = edit(fixture(), 'exercises/add/exercise.yaml', 'readOnly: []', 'readOnly: [data.txt]');
    readOnlyInStarter.set('exercises/add/starter/data.txt', Buffer.from('1 2\n'));
    expect(problems(readOnlyInStarter)).toEqual([]);
    const noTests = fixture();
    noTests.delete('exercises/add/tests/test_main.py');
    expect(problems(noTests)).toEqual([expect.stringMatching(/the exercise has no tests\n {2}fix: add exercises\/add\/tests\/test_main\.py/)]);
  });

  it('a support file may not take the name of an exercise file or test', () => {
    const files = fixture();
    files.set('support/shapes.py', Buffer.from('SIDES = 4\n'));
    expect(problems(files)).toEqual([]);
    files.set('support/test_main.py', Buffer.from(''));
    files.set('support/main.py', Buffer.from(''));
    expect(problems(files)).toEqual([
      expect.stringMatching(/^support\/main\.py:1:1: support\/main\.py has the name of a file of exercises\/add/),
      expect.stringMatching(/^support\/test_main\.py:1:1: support\/test_main\.py has the name of a file of exercises\/add.*\n {2}fix: rename the support file/),
    ]);
  });

  it('links and images must resolve inside the bundle', () => {
    expect(problems(edit(fixture(), 'lessons/basics/welcome.md', '../../images/box.svg', '../../images/missing.svg'))).toEqual([
      'lessons/basics/welcome.md:26:1: image "../../images/missing.svg" does not resolve (no file images/missing.svg)\n  fix: fix the path (relative to this lesson file) or add the file',
    ]);
    expect(problems(edit(fixture(), 'lessons/basics/welcome.md', '(add-numbers.md)', '(../../../secret.md)'))[0]).toMatch(/:30:\d+: link "\.\.\/\.\.\/\.\.\/secret\.md" points outside the course/);
    expect(problems(edit(fixture(), 'lessons/basics/welcome.md', '(add-numbers.md)', '(https://example.com/x)'))).toEqual([]);
  });

  it('a folder with a symbolic link is reported', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drona-link-'));
    fs.cpSync(fixtureDir, dir, { recursive: true });
    fs.symlinkSync('/etc/hostname', path.join(dir, 'images', 'link.txt'));
    expect(readBundleDir(dir).problems.map(formatProblem)).toEqual(['images/link.txt:1:1: is a symbolic link\n  fix: replace the link with the file it points to; bundles hold plain files only']);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('lesson text helpers', () => {
  it('splits front matter and finds links outside code', () => {
    expect(splitFrontMatter('---\nid: a\n---\nbody\n')).toEqual({ frontMatter: 'id: a', body: 'body\n', bodyLine: 4 });
    expect(splitFrontMatter('no front matter')).toBeNull();
    expect(markdownTargets('see [a](x.md) and ![b](img/y.png)\n```\n[c](z.md)\n```\n`[d](w.md)`').map((t) => [t.target, t.image, t.line])).toEqual([
      ['x.md', false, 1],
      ['img/y.png', true, 1],
    ]);
  });

  it('builds safe FTS queries, plain text and passages', () => {
    expect(ftsQuery('for loops!')).toBe('"for" "loops"*');
    expect(ftsQuery('a OR b', 'any')).toBe('"a" OR "or" OR "b"*');
    expect(ftsQuery('"; DROP')).toBe('"drop"*');
    expect(ftsQuery('  ')).toBeNull();
    expect(plainText('# Title\n> [!TIP]\n> Use [links](x.md) `code`')).toBe('Title Use links code');
    expect(passagesOf('L', 'intro\n## One\ntext\n```\n# not a heading\n```\n')).toEqual([
      { heading: 'L', text: 'intro' },
      { heading: 'L › One', text: 'text not a heading' },
    ]);
  });

  it('recognises callout markers', () => {
    expect(calloutKindOf('[!TIP] x')).toBe('tip');
    expect(calloutKindOf('[!warning]')).toBe('warning');
    expect(calloutKindOf('[!OTHER]')).toBeNull();
  });
});
