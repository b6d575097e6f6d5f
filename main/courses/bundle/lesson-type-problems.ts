// The lesson-type blocks' cross-references, with `file:line:column`: step ids unique in the
// lesson, and every test a guided check step, a code-along step or a project milestone names is a test of the
// lesson's exercise (so no step waits forever on a test that does not exist).
import { problem, type BundleProblem } from './bundle-files';
import { declaresTest } from './course-concepts';
import type { ExerciseSpec, LessonFrontMatter } from './course-format';
import { locate, type ParsedYaml } from './yaml-locations';

/** The exercise a lesson's steps refer to: its language and the text of its test files. */
export interface StepExercise {
  readonly language: ExerciseSpec['language'];
  readonly testSources: readonly string[];
}

export function lessonTypeProblems(file: string, parsed: ParsedYaml, meta: LessonFrontMatter, exercise: StepExercise | null): BundleProblem[] {
  const found: BundleProblem[] = [];
  const push = (path: readonly PropertyKey[], message: string, hint: string) => {
    const at = locate(parsed, path);
    // The front matter starts on the file's second line.
    found.push(problem(file, message, hint, at.line + 1, at.column));
  };
  const steps: { block: 'guided' | 'codeAlong' | 'project'; key: 'steps' | 'milestones'; list: readonly { id: string; tests?: readonly string[] }[] }[] = [];
  if (meta.guided) steps.push({ block: 'guided', key: 'steps', list: meta.guided.steps });
  if (meta.codeAlong) steps.push({ block: 'codeAlong', key: 'steps', list: meta.codeAlong.steps });
  if (meta.project) steps.push({ block: 'project', key: 'milestones', list: meta.project.milestones });
  for (const { block, key, list } of steps) {
    const seen = new Set<string>();
    list.forEach((step, index) => {
      if (seen.has(step.id)) push([block, key, index, 'id'], `step id "${step.id}" is used twice`, 'give every step of the lesson a unique id');
      seen.add(step.id);
      step.tests?.forEach((name, t) => {
        if (exercise && !declaresTest(exercise.language, name, exercise.testSources)) {
          push([block, key, index, 'tests', t], `step "${step.id}" names test "${name}", which is not a test in the exercise's tests/`, 'use the test name as the results report it (Python: the test function; JavaScript: the test title, "suite > test" inside describe)');
        }
      });
    });
  }
  return found;
}
