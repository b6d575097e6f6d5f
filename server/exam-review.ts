// The exam's review queue: the server runs no learner code, so a person (the server's admin, or an
// instructor or owner teaching a cohort of the learner's with the course assigned, as for Gold
// projects) scores each submitted coding challenge and the design answer, with reasons; the
// verdict is then the shared gradeExam rule. And the records Silver rests on.
import { sql, type Database } from './db/database';
import { ApiError } from './api-error';
import { forbidden, requireTeaching, reviewsWorkOf, type Q } from './org-access';
import { findCourse } from './course-registry';
import type { ExamBank } from '../common/exam/exam-format';
import { challengeScore, gradeExam } from '../common/exam/exam-grading';
import { itemById } from '../common/exam/exam-sections';
import { drawExam } from '../common/exam/exam-selection';
import { silverExamPercent, type ExamEvidence } from '../common/rules/certificate-criteria';
import type { ExamReviewRequest, InstructorExamReviewRequest } from '../common/sync-api/exam-api';
import { attemptCourse } from './exam-attempts';
import { sectionScores, type AnswerRow, type AttemptRow } from './exam-view';

/** What waits for a person: the submitted challenges' files and the design answer, without the choice sections' answers. */
const pendingAnswers = (q: Q, attemptId: string) =>
  q<AnswerRow>(sql`select item_id, section, position, answer, correct, score from exam_answers
    where attempt_id = ${attemptId} and section in ('challenges', 'design') order by section, position`);

/** Attempts waiting for review, oldest first, with what the reviewer needs (the items' rubric and the learner's work). */
export async function reviewQueue(db: Database) {
  return queueEntries(db, await db.query<AttemptRow>(sql`select * from exam_attempts where status = 'pending-review' order by finished_at limit 100`));
}

async function queueEntries(db: Database, attempts: readonly AttemptRow[]) {
  const out = [];
  for (const attempt of attempts) {
    const course = await findCourse(db, attempt.course_id);
    const bank = course?.exam;
    if (!bank) continue;
    const answers = await pendingAnswers((query) => db.query(query), attempt.id);
    out.push({
      attemptId: attempt.id,
      learnerId: attempt.learner_id,
      courseId: attempt.course_id,
      finishedAt: Number(attempt.finished_at),
      sections: sectionScores(attempt),
      answers: answers.map((row) => {
        const item = itemById(bank, row.item_id);
        return { itemId: row.item_id, section: row.section, item, answer: row.answer };
      }),
    });
  }
  return out;
}

/** Records a person's scores (the admin's) and decides the attempt. */
export async function reviewAttempt(db: Database, attemptId: string, review: ExamReviewRequest, now: number) {
  return db.transaction(async (q) => {
    const [attempt] = await q<AttemptRow>(sql`select * from exam_attempts where id = ${attemptId} for update`);
    if (!attempt) throw new ApiError(404, 'not_found', 'No exam attempt has this id.');
    return recordReview(q, attempt, review, now);
  });
}

/** Attempts `personId` may review: the rule of Gold project reviews (org-access.ts), on the attempt's learner and course. */
const reviewable = (personId: string) => reviewsWorkOf(personId, sql`a.learner_id`, sql`a.course_id`);

/** One attempt the instructor may review; their own is refused, others' are not found. */
async function instructorAttempt(q: Q, personId: string, attemptId: string, lock: boolean): Promise<AttemptRow> {
  await requireTeaching(q, personId, 'Only instructors review exams, for the cohorts they teach.');
  const [own] = await q<{ id: string }>(sql`select id from exam_attempts where id = ${attemptId} and learner_id = ${personId}`);
  if (own) throw forbidden('You cannot review your own exam; another instructor of your cohort reviews it.');
  const [attempt] = await q<AttemptRow>(
    sql`select a.* from exam_attempts a where a.id = ${attemptId} and ${reviewable(personId)} ${lock ? sql`for update of a` : sql``}`,
  );
  if (!attempt) throw new ApiError(404, 'not_found', 'No exam attempt from a cohort you teach has this id.');
  return attempt;
}

/** The instructor's queue: attempts waiting for review from the cohorts they teach, oldest first. */
export async function instructorReviewQueue(db: Database, personId: string) {
  await requireTeaching((query) => db.query(query), personId, 'Only instructors review exams, for the cohorts they teach.');
  return queueEntries(
    db,
    await db.query<AttemptRow>(
      sql`select a.* from exam_attempts a where a.status = 'pending-review' and ${reviewable(personId)} order by a.finished_at limit 100`,
    ),
  );
}

/** One attempt the instructor may review, with what they read (as in the queue). */
export async function instructorExamAttempt(db: Database, personId: string, attemptId: string) {
  const [entry] = await queueEntries(db, [await instructorAttempt((query) => db.query(query), personId, attemptId, false)]);
  if (!entry) throw new ApiError(404, 'not_found', 'This exam attempt’s course no longer has an exam.');
  return entry;
}

/** An instructor's scores, signed with their own name (never a reviewer the request names); the shared rule decides. */
export async function instructorReviewAttempt(db: Database, personId: string, attemptId: string, review: InstructorExamReviewRequest, now: number) {
  return db.transaction(async (q) => {
    const attempt = await instructorAttempt(q, personId, attemptId, true);
    const [me] = await q<{ display_name: string }>(sql`select display_name from learners where id = ${personId}`);
    return recordReview(q, attempt, { ...review, reviewer: me!.display_name }, now);
  });
}

/** Stores the scores on the locked attempt waiting for review, and decides it. */
async function recordReview(q: Q, attempt: AttemptRow, review: ExamReviewRequest, now: number) {
  const attemptId = attempt.id;
  if (attempt.status !== 'pending-review')
    throw new ApiError(409, 'not_pending', `This attempt is ${attempt.status}; only one waiting for review takes scores.`);
  const bank = (await attemptCourse(q, attempt)).exam!;
  const answers = await pendingAnswers(q, attemptId);
  const sections = { ...attempt.sections };
  if (sections.challenges?.score === null) sections.challenges = { ...sections.challenges, score: scoreChallenges(bank, attempt, answers, review) };
  if (sections.design?.score === null) {
    if (!review.design) throw new ApiError(400, 'invalid_input', 'The design answer needs a score and its reasons.');
    sections.design = { ...sections.design, score: review.design.score };
    await q(sql`update exam_answers set score = ${review.design.score}, reasons = ${review.design.reasons}
      where attempt_id = ${attemptId} and section = 'design'`);
  } else if (review.design) throw new ApiError(400, 'invalid_input', 'This attempt has no design answer to score.');
  for (const scored of review.challenges)
    await q(sql`update exam_answers set score = ${scored.score}, reasons = ${scored.reasons} where attempt_id = ${attemptId} and item_id = ${scored.itemId}`);
  const grade = gradeExam(sectionScores({ ...attempt, sections }), bank.passPercent);
  await q(sql`update exam_attempts set sections = ${JSON.stringify(sections)}::jsonb, status = ${grade.verdict}, overall = ${grade.overall},
    reviewed_by = ${review.reviewer}, reviewed_at = ${now} where id = ${attemptId}`);
  return { attemptId, status: grade.verdict, overall: grade.overall, sections: grade.sections };
}

/** The challenges section's score from the person's scores, each challenge weighed by its difficulty; unanswered ones score 0. */
function scoreChallenges(bank: ExamBank, attempt: AttemptRow, answers: readonly AnswerRow[], review: ExamReviewRequest): number {
  const submitted = answers.filter((row) => row.section === 'challenges').map((row) => row.item_id);
  const scored = new Map(review.challenges.map((entry) => [entry.itemId, entry.score]));
  const missing = submitted.filter((id) => !scored.has(id));
  const extra = [...scored.keys()].filter((id) => !submitted.includes(id));
  if (missing.length || extra.length || scored.size !== review.challenges.length)
    throw new ApiError(400, 'invalid_input', `Score each submitted challenge once: ${submitted.join(', ') || 'none'}.`, { missing, extra });
  return challengeScore(
    drawExam(bank, attempt.seed).challenges.map((id) => ({ difficulty: itemById(bank, id)!.difficulty, passed: scored.get(id) ?? 0, total: 100 })),
  );
}

/** Silver's record: the learner's best decided attempt; it passes only at Silver's bar, whatever the bank's own pass mark. */
export async function bestExam(db: Database, learnerId: string, courseId: string): Promise<(ExamEvidence & { firstAttempt: boolean }) | null> {
  const [row] = await db.query<{ status: string; overall: number; first_attempt: boolean }>(sql`select status, overall, first_attempt from exam_attempts
    where learner_id = ${learnerId} and course_id = ${courseId} and status in ('passed', 'failed')
    order by (status = 'passed') desc, overall desc limit 1`);
  if (!row) return null;
  const score = Number(row.overall);
  return { score, passed: row.status === 'passed' && score >= silverExamPercent, firstAttempt: row.first_attempt && row.status === 'passed' };
}
