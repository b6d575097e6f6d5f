// An installed course's exam bank and challenge exercises, read from the course's folder with the
// format's own schemas (the bundle was validated on install, so a failure here is a damaged install).
import fs from 'node:fs';
import path from 'node:path';
import { DronaError } from '../../preload/contract/errors';
import { exerciseSchema, type ExerciseSpec } from '../courses/bundle/course-format';
import { EXAM_FILE } from '../courses/bundle/exam-bundle';
import { readCourseSupport } from '../courses/bundle/course-support';
import { examSchema, type ChallengeItem, type ExamBank } from '../../common/exam/exam-format';
import { parseYaml } from '../courses/bundle/yaml-locations';

export interface ChallengeFiles {
  readonly spec: ExerciseSpec;
  /** What the learner starts from: the starter's editable files. */
  readonly starter: { path: string; content: string }[];
  /** The starter's read-only and hidden files, which the learner cannot change. */
  readonly fixed: { path: string; content: string; role: 'readOnly' | 'hidden' }[];
  readonly tests: { path: string; content: string }[];
  /** The course's support files, staged beside the tests. */
  readonly support: { path: string; content: string }[];
}

/** The bank of the course in `dir`, or null when the course has no exam. */
export function readExamBank(dir: string): ExamBank | null {
  const file = path.join(dir, EXAM_FILE);
  if (!fs.existsSync(file)) return null;
  const parsed = examSchema.safeParse(parseYaml(fs.readFileSync(file, 'utf8')).value);
  if (!parsed.success)
    throw new DronaError(
      'invalid_course',
      `The installed ${EXAM_FILE} does not validate; reinstall the course. (${parsed.error.issues[0]?.message ?? 'invalid'})`,
    );
  return parsed.data;
}

export function readChallenge(dir: string, item: Pick<ChallengeItem, 'exercise'>): ChallengeFiles {
  const folder = path.join(dir, item.exercise);
  const spec = exerciseSchema.parse(parseYaml(fs.readFileSync(path.join(folder, 'exercise.yaml'), 'utf8')).value);
  const read = (relative: string) => fs.readFileSync(path.join(folder, relative), 'utf8');
  const testsDir = path.join(folder, 'tests');
  return {
    spec,
    starter: spec.files.editable.map((file) => ({ path: file, content: read(path.join('starter', file)) })),
    fixed: [
      ...spec.files.readOnly.map((file) => ({ file, role: 'readOnly' as const })),
      ...spec.files.hidden.map((file) => ({ file, role: 'hidden' as const })),
    ].map(({ file, role }) => ({
      path: file,
      content: read(path.join('starter', file)),
      role,
    })),
    tests: fs
      .readdirSync(testsDir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => ({ path: entry.name, content: fs.readFileSync(path.join(entry.parentPath, entry.name), 'utf8') })),
    support: readCourseSupport(dir),
  };
}
