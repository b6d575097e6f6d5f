// `drona course validate --run`: every exercise's reference solution must pass its tests and
// its starter must fail at least one (or, for a refactoring exercise, pass them all too),
// checked through the sandbox service.
import type { BundleFiles, BundleProblem } from './bundle-files';
import { problem } from './bundle-files';
import type { LoadedCourse } from './course-bundle';
import { supportFilesOf } from './course-support';

export interface ExerciseChecker {
  check(request: {
    language: 'python' | 'javascript';
    files: { path: string; content: string }[];
    tests: { path: string; content: string }[];
    support?: { path: string; content: string }[];
    limits?: { timeoutSeconds?: number; memoryMb?: number };
  }): Promise<{ status: 'pass' | 'fail' | 'error'; message?: string; tests: { name: string; status: string; message?: string }[] }>;
}

export interface ExerciseVerdict {
  readonly folder: string;
  readonly solution: 'pass' | 'fail' | 'error';
  readonly starter: 'pass' | 'fail' | 'error';
  /** The solution passes and the starter does what its kind asks (fails; passes when refactoring). */
  readonly ok: boolean;
}

const textOf = (files: BundleFiles, name: string) => files.get(name)?.toString('utf8') ?? '';

export async function verifyExercises(course: LoadedCourse, files: BundleFiles, checker: ExerciseChecker, onVerdict?: (verdict: ExerciseVerdict) => void): Promise<BundleProblem[]> {
  const problems: BundleProblem[] = [];
  const support = supportFilesOf(files);
  for (const [folder, spec] of course.exercises) {
    const declared = [...spec.files.editable, ...spec.files.readOnly, ...spec.files.hidden];
    // Tests are flattened to the learner's folder, as the sandbox harness expects.
    const tests = [...files.keys()].filter((name) => name.startsWith(`${folder}/tests/`)).map((name) => ({ path: name.slice(`${folder}/tests/`.length).split('/').pop()!, content: textOf(files, name) }));
    // solution/ may leave out read-only and hidden files: the learner has the starter's.
    const variant = (which: string) => declared.map((file) => ({ path: file, content: textOf(files, [`${folder}/${which}/${file}`, `${folder}/starter/${file}`].find((name) => files.has(name)) ?? '') }));
    const limits = { ...(spec.limits ? { limits: spec.limits } : {}), ...(support.length ? { support } : {}) };
    const solution = await checker.check({ language: spec.language, files: variant('solution'), tests, ...limits });
    const starter = await checker.check({ language: spec.language, files: variant('starter'), tests, ...limits });
    const starterExpected = spec.refactoring ? 'pass' : 'fail';
    onVerdict?.({ folder, solution: solution.status, starter: starter.status, ok: solution.status === 'pass' && starter.status === starterExpected });
    const failing = solution.tests.filter((test) => test.status !== 'pass').map((test) => `${test.name}: ${test.message ?? test.status}`);
    if (solution.status !== 'pass') {
      problems.push(problem(`${folder}/solution`, `the reference solution does not pass its tests (${solution.status}${solution.message ? `: ${solution.message}` : ''})${failing.length ? `\n    ${failing.join('\n    ')}` : ''}`, 'fix the solution or the tests so that the solution passes every test'));
    }
    if (spec.refactoring) {
      if (starter.status !== 'pass') problems.push(problem(`${folder}/starter`, `the starter of this refactoring exercise does not pass its tests (${starter.status}${starter.message ? `: ${starter.message}` : ''})`, 'a refactoring starter is working code: make it pass every test, or remove "refactoring: true"'));
    } else if (starter.status === 'pass') problems.push(problem(`${folder}/starter`, 'the starter already passes every test', 'the starter must leave the task undone: at least one test has to fail'));
    else if (starter.status === 'error') problems.push(problem(`${folder}/starter`, `the starter does not run under the tests (${starter.message ?? 'error'})`, 'the starter must load and fail a test, not crash the test runner (e.g. define the function with `pass`)'));
  }
  return problems;
}
