// Silver exam attempts the server runs itself (server/README.md "Silver exams"): drawn with its own
// seed from the bank registered with the course, each section timed by the server's clock from
// the moment it starts, answers taken once per question, graded with the app's rule
// (common/exam), and the challenges and the design answer held for a person's review.
import crypto from 'node:crypto';
import type { z } from 'zod';
import { sql, type Database } from './db/database';
import { ApiError } from './api-error';
import type { Q } from './org-access';
import { requireCourse, findCourse, type RegisteredCourse } from './course-registry';
import type { ExamBank } from '../common/exam/exam-format';
import { choiceScore, gradeExam, sectionOrder } from '../common/exam/exam-grading';
import { itemById, sectionQuestions, sectionTitles, type ExamSectionKind } from '../common/exam/exam-sections';
import { optionOrder } from '../common/exam/exam-selection';
import type { ExamAttemptView, sectionSubmissions } from '../common/sync-api/exam-api';
import {
  attemptView,
  currentConceptual,
  deadlineOf,
  NETWORK_GRACE_MS,
  sectionItemIds,
  sectionScores,
  standing,
  type AnswerRow,
  type AttemptRow,
} from './exam-view';

export type Submission<K extends ExamSectionKind> = z.output<(typeof sectionSubmissions)[K]>;

/** The course's registered bank, or a 404 saying the server gives no exam for it. */
export function bankOf(course: RegisteredCourse): ExamBank {
  if (!course.exam)
    throw new ApiError(
      404,
      'no_exam',
      `"${course.title}" has no Silver exam registered on this server; its administrator registers the course with its exam bank.`,
    );
  return course.exam;
}

const answersOf = (q: Q, attemptId: string) =>
  q<AnswerRow>(sql`select item_id, section, position, answer, correct, score from exam_answers where attempt_id = ${attemptId} order by section, position`);

/** The learner's attempts at a course's exam, newest first, void ones left out; locked for the caller's transaction. */
export const attemptsOf = (q: Q, learnerId: string, courseId: string) =>
  q<AttemptRow>(sql`select * from exam_attempts where learner_id = ${learnerId} and course_id = ${courseId}
    and status <> 'void' order by started_at desc for update`);

/** Starts an attempt, or answers with the one in progress; refused once passed, while one awaits review, and during the cooldown. */
export async function startAttempt(db: Database, learnerId: string, courseId: string, now: number): Promise<ExamAttemptView> {
  const course = await requireCourse(db, courseId);
  const bank = bankOf(course);
  return db.transaction(async (q) => {
    // Two starts at once make one attempt: the learner's row serializes them.
    await q(sql`select id from learners where id = ${learnerId} for update`);
    const state = standing(await attemptsOf(q, learnerId, courseId), course.digest, bank.retakeCooldownHours, now);
    if (state.open) return attemptView(await advance(q, state.open, bank, now), bank, course.title, await answersOf(q, state.open.id));
    // Drawn from a bank registered again since: it no longer counts, for or against the learner.
    if (state.stale) await q(sql`update exam_attempts set status = 'void' where id = ${state.stale.id}`);
    if (state.passed) throw new ApiError(409, 'exam_passed', 'You have already passed this exam.');
    if (state.pendingReview)
      throw new ApiError(409, 'exam_pending_review', 'Your last attempt is waiting for a person to review its challenges and design answer.');
    const retakeAt = state.retakeAt;
    if (retakeAt !== null) throw new ApiError(409, 'retake_cooldown', `You can retake the exam after ${new Date(retakeAt).toISOString()}.`, { retakeAt });
    const [row] =
      await q<AttemptRow>(sql`insert into exam_attempts (id, learner_id, course_id, course_digest, seed, status, section, section_started_at, first_attempt, started_at)
      values (${crypto.randomUUID()}, ${learnerId}, ${courseId}, ${course.digest}, ${crypto.randomUUID()}, 'in-progress', 0, ${now}, ${state.counted === 0}, ${now})
      returning *`);
    return attemptView(row!, bank, course.title, []);
  });
}

/** The learner's own attempt, locked for this transaction; another learner's is not found. */
async function lockAttempt(q: Q, learnerId: string, attemptId: string): Promise<AttemptRow> {
  const [row] = await q<AttemptRow>(sql`select * from exam_attempts where id = ${attemptId} and learner_id = ${learnerId} for update`);
  if (!row) throw new ApiError(404, 'not_found', 'No exam attempt of yours has this id.');
  return row;
}

/** The course an attempt was drawn from, as registered then (starting a new attempt voids one drawn from an older bank). */
export async function attemptCourse(q: Q, attempt: AttemptRow): Promise<RegisteredCourse> {
  // Read in the caller's transaction: PGlite has one connection, so a query beside it would wait forever.
  const course = await findCourse({ query: q }, attempt.course_id);
  if (course?.exam && course.digest === attempt.course_digest) return course;
  throw new ApiError(
    409,
    'exam_changed',
    'The course or its exam was registered again since this attempt started, so it no longer counts; start a new attempt (it is not counted against you).',
  );
}

export async function viewAttempt(db: Database, learnerId: string, attemptId: string, now: number): Promise<ExamAttemptView> {
  return db.transaction(async (q) => {
    const attempt = await lockAttempt(q, learnerId, attemptId);
    const course = await attemptCourse(q, attempt);
    const row = await advance(q, attempt, course.exam!, now);
    return attemptView(row, course.exam!, course.title, await answersOf(q, row.id));
  });
}

/** Closes sections whose time ran out (the next one starts now: a learner away between sections loses no time). */
export async function advance(q: Q, attempt: AttemptRow, bank: ExamBank, now: number): Promise<AttemptRow> {
  let row = attempt;
  for (let kind = sectionOrder[row.section]; row.status === 'in-progress' && kind; kind = sectionOrder[row.section]) {
    const deadline = deadlineOf(row, bank, kind);
    if (now <= deadline + NETWORK_GRACE_MS) break;
    row = await closeSection(q, row, bank, kind, { submittedAt: deadline, nextStartsAt: now, timedOut: true });
  }
  return row;
}

/** Scores a section from its stored answers and moves on; after the design section, the verdict. */
async function closeSection(
  q: Q,
  attempt: AttemptRow,
  bank: ExamBank,
  kind: ExamSectionKind,
  at: { submittedAt: number; nextStartsAt: number; timedOut: boolean },
): Promise<AttemptRow> {
  const answers = (await answersOf(q, attempt.id)).filter((row) => row.section === kind);
  const right = answers.filter((row) => row.correct === true).length;
  // What a person must score stays pending (null); a section left empty scores 0 at once.
  const score =
    kind === 'conceptual' || kind === 'codeAnalysis'
      ? choiceScore(right, sectionQuestions(bank, kind))
      : answers.some((row) => (row.answer.files?.length ?? 0) > 0 || (row.answer.text?.trim() ?? '') !== '')
        ? null
        : 0;
  const sections = { ...attempt.sections, [kind]: { score, submittedAt: at.submittedAt, timedOut: at.timedOut } };
  const last = kind === 'design';
  const grade = last ? gradeExam(sectionScores({ ...attempt, sections }), bank.passPercent) : null;
  const [row] = await q<AttemptRow>(sql`update exam_attempts set sections = ${JSON.stringify(sections)}::jsonb, section = ${attempt.section + 1},
      section_started_at = ${at.nextStartsAt}, status = ${grade?.verdict ?? 'in-progress'}, overall = ${grade?.overall ?? null},
      finished_at = ${last ? at.submittedAt : null}
    where id = ${attempt.id} returning *`);
  return row!;
}

const invalid = (message: string) => new ApiError(400, 'invalid_input', message);

/** The bank's option index for an index the learner saw, refused when out of range. */
function bankOption(bank: ExamBank, seed: string, itemId: string, selected: number | null): { selected: number | null; correct: boolean } {
  const item = itemById(bank, itemId);
  if (!item || !('options' in item)) throw invalid(`Question "${itemId}" is not a choice question.`);
  if (selected === null) return { selected: null, correct: false };
  const index = optionOrder(seed, item.id, item.options.length)[selected];
  if (index === undefined) throw invalid(`Question "${itemId}" has ${item.options.length} options; option ${selected} is not one of them.`);
  return { selected: index, correct: item.options[index]!.correct };
}

/** One section's answers, within its time; the section closes with them (Conceptual: after its last question). */
export async function submitSection<K extends ExamSectionKind>(
  db: Database,
  learnerId: string,
  attemptId: string,
  kind: K,
  input: Submission<K>,
  now: number,
): Promise<ExamAttemptView> {
  return db.transaction(async (q) => {
    const locked = await lockAttempt(q, learnerId, attemptId);
    const course = await attemptCourse(q, locked);
    const bank = course.exam!;
    const attempt = await advance(q, locked, bank, now);
    const current = sectionOrder[attempt.section];
    if (attempt.status !== 'in-progress' || !current)
      throw new ApiError(409, 'attempt_finished', 'This attempt is finished; its sections take no more answers.', { status: attempt.status });
    if (current !== kind) {
      const closed = attempt.sections[kind];
      throw new ApiError(
        409,
        closed?.timedOut ? 'time_up' : 'section_closed',
        closed?.timedOut
          ? `The time for ${sectionTitles[kind]} ran out at ${new Date(closed.submittedAt).toISOString()}; it was submitted with the answers it had.`
          : `${sectionTitles[kind]} is not the section being taken; ${sectionTitles[current]} is.`,
      );
    }
    const answers = await answersOf(q, attemptId);
    const ids = sectionItemIds(bank, attempt.seed, kind, answers);
    const rows = answerRows(bank, attempt.seed, kind, input, ids);
    const position = answers.filter((row) => row.section === kind).length;
    for (const [index, row] of rows.entries()) {
      await q(sql`insert into exam_answers (attempt_id, item_id, section, position, answer, correct, answered_at)
        values (${attemptId}, ${row.itemId}, ${kind}, ${position + index}, ${JSON.stringify(row.answer)}::jsonb, ${row.correct}, ${now})`);
    }
    const done = kind !== 'conceptual' || currentConceptual(bank, attempt.seed, await answersOf(q, attemptId)) === null;
    const after = done ? await closeSection(q, attempt, bank, kind, { submittedAt: now, nextStartsAt: now, timedOut: false }) : attempt;
    return attemptView(after, bank, course.title, await answersOf(q, attemptId));
  });
}

interface NewAnswer {
  readonly itemId: string;
  readonly answer: AnswerRow['answer'];
  readonly correct: boolean | null;
}

/** The rows a submission stores, once it names exactly the current section's questions. */
function answerRows(bank: ExamBank, seed: string, kind: ExamSectionKind, input: Submission<ExamSectionKind>, ids: readonly string[]): NewAnswer[] {
  const named = 'answers' in input ? input.answers.map((answer) => answer.itemId) : [input.itemId];
  const unknown = named.find((id) => !ids.includes(id));
  if (unknown !== undefined) throw new ApiError(409, 'not_asked', `Question "${unknown}" is not one this section asks now.`);
  if (new Set(named).size !== named.length) throw invalid('Each question may be answered once.');
  if (kind === 'conceptual' || kind === 'codeAnalysis') {
    const choices =
      'answers' in input ? (input.answers as { itemId: string; selected: number | null }[]) : [input as { itemId: string; selected: number | null }];
    return choices.map((choice) => {
      const { selected, correct } = bankOption(bank, seed, choice.itemId, choice.selected);
      return { itemId: choice.itemId, answer: { selected }, correct };
    });
  }
  if (kind === 'challenges')
    return (input as Submission<'challenges'>).answers.map((answer) => ({ itemId: answer.itemId, answer: { files: answer.files }, correct: null }));
  const design = input as Submission<'design'>;
  return [{ itemId: design.itemId, answer: { text: design.text }, correct: null }];
}
