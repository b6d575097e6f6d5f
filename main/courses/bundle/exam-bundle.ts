// exam.yaml, checked with the rest of the course and reported as `file:line:column`: the schema,
// unique item ids, concepts the course declares, challenge exercises that validate like any
// other (so `validate --run` proves their solutions), and a bank large enough for an attempt.
import { problem, type BundleFiles, type BundleProblem } from './bundle-files';
import { checkExercise, parseYamlWith } from './course-bundle';
import type { CourseManifest, ExerciseSpec } from './course-format';
import { examSchema, type ExamBank } from '../../../common/exam/exam-format';
import { bankShortfalls } from '../../../common/exam/exam-sections';
import { locate } from './yaml-locations';

export const EXAM_FILE = 'exam.yaml';

/** Validates exam.yaml when the course has one; challenge exercises join `exercises`. Returns the bank when it is sound. */
export function examBankProblems(files: BundleFiles, manifest: CourseManifest, exercises: Map<string, ExerciseSpec>, out: BundleProblem[]): ExamBank | null {
  const source = files.get(EXAM_FILE)?.toString('utf8');
  if (source === undefined) return null;
  const before = out.length;
  const checked = parseYamlWith(EXAM_FILE, source, 0, examSchema, out);
  if (!checked) return null;
  const { parsed, data: bank } = checked;
  const at = (path: readonly PropertyKey[]) => locate(parsed, path);
  const push = (path: readonly PropertyKey[], message: string, hint: string) => {
    const pos = at(path);
    out.push(problem(EXAM_FILE, message, hint, pos.line, pos.column));
  };
  const concepts = new Set(manifest.concepts.map((concept) => concept.id));
  const ids = new Set<string>();
  bank.items.forEach((item, index) => {
    if (ids.has(item.id)) push(['items', index, 'id'], `exam item id "${item.id}" is used twice`, 'give every item of the bank a unique id');
    ids.add(item.id);
    item.concepts.forEach((id, c) => {
      if (!concepts.has(id)) push(['items', index, 'concepts', c], `exam item "${item.id}" names concept "${id}", which course.yaml does not declare`, 'use the id of a concept declared under "concepts:" in course.yaml, or declare it there');
    });
    if (item.kind === 'coding-challenge' && !files.has(`${item.exercise}/exercise.yaml`)) {
      push(['items', index, 'exercise'], `exam item "${item.id}" names exercise folder "${item.exercise}", which has no exercise.yaml`, 'create the exercise (exercise.yaml, starter/, solution/, tests/) or fix the path');
    } else if (item.kind === 'coding-challenge' && !exercises.has(item.exercise)) {
      const spec = checkExercise(files, EXAM_FILE, item.exercise, manifest, out);
      if (spec) exercises.set(item.exercise, spec);
    }
  });
  for (const missing of bankShortfalls(bank)) push(['items'], `the bank is too small for an attempt: it needs ${missing}`, 'add items, or lower the section sizes under "sections:"');
  return out.length === before ? bank : null;
}
