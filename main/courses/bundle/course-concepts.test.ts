// The concept rules of the course format, each with the message and position it produces.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatProblem, type BundleFiles } from './bundle-files';
import { loadBundle } from './course-bundle';
import { declaresTest } from './course-concepts';
import { conceptCourse, editBundle as edit } from '../testing/concept-course';
import { tinyCourse } from '../testing/temp-course-service';

const problems = (files: BundleFiles) => loadBundle(files).problems.map(formatProblem);

describe('concepts in the course format', () => {
  it('accepts the tagged fixture and keeps every tag', () => {
    const { course, problems: found } = loadBundle(conceptCourse());
    expect(found).toEqual([]);
    expect(course!.manifest.concepts.map((concept) => [concept.id, concept.prerequisites, concept.lesson])).toEqual([
      ['variables', [], 'welcome'],
      ['arithmetic', ['variables'], undefined],
      ['functions', ['variables', 'arithmetic'], 'add-numbers'],
    ]);
    expect(course!.manifest.concepts[0]!.questions!.map((question) => question.id)).toEqual(['what-is-a-variable']);
    expect(course!.lessons.map((lesson) => lesson.meta.concepts)).toEqual([['variables'], ['functions', 'arithmetic'], ['variables']]);
    expect(course!.lessons[2]!.meta.quiz!.questions.map((question) => question.concepts)).toEqual([['arithmetic'], undefined]);
    expect(course!.exercises.get('exercises/add')!.tests).toEqual({ test_add: ['arithmetic'] });
  });

  it('a course without concepts is valid: concepts default to none', () => {
    const { course } = loadBundle(tinyCourse());
    expect(course!.manifest.concepts).toEqual([]);
    expect(course!.lessons.map((lesson) => lesson.meta.concepts)).toEqual([[], [], []]);
  });

  it.each<[string, () => BundleFiles, string]>([
    ['an unknown prerequisite, pointing at it', () => edit(conceptCourse(), 'course.yaml', 'prerequisites: [variables]\n', 'prerequisites: [varables]\n'), 'course.yaml:34:21: concept "arithmetic" lists prerequisite "varables", which is not a concept of this course\n  fix: use the id of a concept declared under "concepts:" in course.yaml, or declare it there'],
    ['a teaching lesson that does not exist', () => edit(conceptCourse(), 'course.yaml', 'lesson: add-numbers', 'lesson: add-number'), 'course.yaml:38:13: concept "functions" is taught by lesson "add-number", which is not a lesson of this course\n  fix: use the "id" from the front matter of a lesson listed under modules, or remove "lesson:"'],
    ['a concept id used twice', () => edit(conceptCourse(), 'course.yaml', /$/, '  - id: variables\n    title: Variables again\n'), 'course.yaml:39:9: concept id "variables" is used twice\n  fix: give every concept a unique id'],
    ['a lesson naming an unknown concept, at its line in the lesson file', () => edit(conceptCourse(), 'lessons/basics/add-numbers.md', 'concepts: [functions, arithmetic]', 'concepts: [functions, arithmatic]'), 'lessons/basics/add-numbers.md:9:23: the lesson names concept "arithmatic", which course.yaml does not declare\n  fix: use the id of a concept declared under "concepts:" in course.yaml, or declare it there'],
    ['a quiz question naming an unknown concept', () => edit(conceptCourse(), 'lessons/basics/check-yourself.md', 'concepts: [arithmetic]', 'concepts: [loops]'), 'lessons/basics/check-yourself.md:17:18: quiz question "q1" names concept "loops", which course.yaml does not declare\n  fix: use the id of a concept declared under "concepts:" in course.yaml, or declare it there'],
  ])('%s', (_name, files, expected) => {
    expect(problems(files())).toEqual([expected]);
  });

  it('a prerequisite cycle, naming the whole cycle at the edge that closes it', () => {
    const found = problems(edit(conceptCourse(), 'course.yaml', '    title: Variables\n', '    title: Variables\n    prerequisites: [functions]\n'));
    const fix = '\n  fix: remove one prerequisite in the cycle: a concept cannot depend, even indirectly, on itself';
    expect(found).toEqual([
      `course.yaml:38:21: concept prerequisites form a cycle: variables → functions → variables${fix}`,
      `course.yaml:35:21: concept prerequisites form a cycle: variables → functions → arithmetic → variables${fix}`,
    ]);
  });

  it('a concept that is its own prerequisite', () => {
    expect(problems(edit(conceptCourse(), 'course.yaml', 'prerequisites: [variables]\n', 'prerequisites: [arithmetic]\n'))[0]).toMatch(/^course\.yaml:34:21: concept prerequisites form a cycle: arithmetic → arithmetic\n/);
  });

  it('a concept-check question: unknown concept and a repeated id', () => {
    const files = edit(conceptCourse(), 'course.yaml', '        prompt: What is a variable?\n', '        prompt: What is a variable?\n        concepts: [loops]\n');
    expect(problems(files)).toEqual([
      'course.yaml:29:20: question "what-is-a-variable" of concept "variables" names concept "loops", which course.yaml does not declare\n  fix: use the id of a concept declared under "concepts:" in course.yaml, or declare it there',
    ]);
    const twice = edit(conceptCourse(), 'course.yaml', '  - id: arithmetic\n', `      - id: what-is-a-variable\n        kind: single\n        prompt: Again?\n        options:\n          - { text: "a", correct: true, explanation: "x" }\n          - { text: "b", correct: false, explanation: "y" }\n  - id: arithmetic\n`);
    expect(problems(twice)).toEqual(['course.yaml:32:13: question id "what-is-a-variable" is used twice in concept "variables"\n  fix: give every question of a concept a unique id']);
  });

  it('exercise tests: a name no test declares, and an unknown concept', () => {
    expect(problems(edit(conceptCourse(), 'exercises/add/exercise.yaml', 'test_add: [arithmetic]', 'test_ad: [arithmetic]'))).toEqual([
      'exercises/add/exercise.yaml:9:12: "tests" maps "test_ad", but no test of that name is in tests/\n  fix: use the test name as the results report it (Python: the test function; JavaScript: the test title, "suite > test" inside describe)',
    ]);
    expect(problems(edit(conceptCourse(), 'exercises/add/exercise.yaml', 'test_add: [arithmetic]', 'test_add: [arithmetic, recursion]'))).toEqual([
      'exercises/add/exercise.yaml:9:26: test "test_add" names concept "recursion", which course.yaml does not declare\n  fix: use the id of a concept declared under "concepts:" in course.yaml, or declare it there',
    ]);
  });

  it('a test maps to at least one concept', () => {
    expect(problems(edit(conceptCourse(), 'exercises/add/exercise.yaml', 'test_add: [arithmetic]', 'test_add: []'))[0]).toMatch(/^exercises\/add\/exercise\.yaml:9:13: "tests\.test_add" Too small/);
  });
});

describe('concept references, as a property', () => {
  const declared = ['variables', 'arithmetic', 'functions'];
  it('every reference to a declared concept passes; each undeclared one is one problem, at its line', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...declared, 'loops', 'recursion'), { maxLength: 6 }), (refs) => {
        // Two spaces: the edit must change the text even when refs is [variables].
        const files = edit(conceptCourse(), 'lessons/basics/welcome.md', 'concepts: [variables]', `concepts:  [${refs.join(', ')}]`);
        const found = loadBundle(files).problems;
        const unknown = refs.filter((id) => !declared.includes(id));
        expect(found.map((p) => [p.file, p.line, p.message])).toEqual(unknown.map((id) => ['lessons/basics/welcome.md', 8, `the lesson names concept "${id}", which course.yaml does not declare`]));
      }),
      { numRuns: 25 },
    );
  });
});

describe('declaresTest', () => {
  // [language, source, names it declares, names it does not]
  it.each([
    [
      'python',
      'def test_a():\n    pass\n\nclass TestB:\n    def test_c(self):\n        pass\n',
      ['test_a', 'TestB > test_c', 'test_a[1-2]'],
      ['test_b', 'test_.*'],
    ],
    [
      'javascript',
      "describe('maths', () => {\n  test(\"adds\", () => {});\n  it(`subtracts`, () => {});\n});\ntest('top', () => {});",
      ['maths > adds', 'maths > subtracts', 'top'],
      ['multiplies'],
    ],
  ] as const)('finds %s tests: in classes or describe, parametrized, by their reported names', (language, source, declared, absent) => {
    for (const name of declared) expect(declaresTest(language, name, [source]), name).toBe(true);
    for (const name of absent) expect(declaresTest(language, name, [source]), name).toBe(false);
  });
});
