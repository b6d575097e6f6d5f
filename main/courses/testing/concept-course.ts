// Test support: the tiny fixture course tagged with concepts (a small graph, lesson and quiz
// question tags, a test→concept mapping and a concept-check question), for the learner model's tests.
import type { BundleFiles } from '../bundle/bundle-files';
import { tinyCourse } from './temp-course-service';

/** `files` with `from` replaced by `to` in `file`; throws when `from` is absent (a stale test). */
export function editBundle(files: BundleFiles, file: string, from: string | RegExp, to: string): BundleFiles {
  const text = files.get(file)!.toString('utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`test setup: ${String(from)} not found in ${file}`);
  files.set(file, Buffer.from(next));
  return files;
}

/** The concepts block appended to tiny-course's course.yaml (its first line is course.yaml line 21). */
export const tinyConceptsYaml = `concepts:
  - id: variables
    title: Variables
    lesson: welcome
    questions:
      - id: what-is-a-variable
        kind: single
        prompt: What is a variable?
        options:
          - { text: "A name for a value", correct: true, explanation: "A variable names a value." }
          - { text: "A kind of loop", correct: false, explanation: "Loops repeat; variables name values." }
  - id: arithmetic
    title: Arithmetic
    prerequisites: [variables]
  - id: functions
    title: Functions
    prerequisites: [variables, arithmetic]
    lesson: add-numbers
`;

/**
 * tiny-course with concepts: welcome teaches variables; add-numbers teaches functions and
 * arithmetic, its test_add assesses arithmetic and test_add_is_a_function nothing named (so the
 * lesson's concepts); the quiz's q1 assesses arithmetic, q2 defaults to the lesson's variables.
 */
export function conceptCourse(): BundleFiles {
  const files = tinyCourse();
  editBundle(files, 'course.yaml', /$/, tinyConceptsYaml);
  editBundle(files, 'lessons/basics/welcome.md', 'objectives: [Know what a variable is]', 'objectives: [Know what a variable is]\nconcepts: [variables]');
  editBundle(files, 'lessons/basics/add-numbers.md', 'exercise: exercises/add', 'exercise: exercises/add\nconcepts: [functions, arithmetic]');
  editBundle(files, 'lessons/basics/check-yourself.md', 'objectives: [Recall how variables work]', 'objectives: [Recall how variables work]\nconcepts: [variables]');
  editBundle(files, 'lessons/basics/check-yourself.md', '      language: python\n', '      language: python\n      concepts: [arithmetic]\n');
  editBundle(files, 'exercises/add/exercise.yaml', /$/, 'tests:\n  test_add: [arithmetic]\n');
  editBundle(files, 'exercises/add/tests/test_main.py', /$/, '\n\ndef test_add_is_a_function():\n    assert callable(add), "add should be a function"\n');
  return files;
}
