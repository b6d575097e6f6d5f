// Gold projects this server reviews (server/README.md "Gold projects"): a learner submits a project
// for a registered course; a person (the server's admin, or an instructor of a cohort the learner
// is in, with the course assigned to it) scores it against the rubric with reasons; the shared
// rule decides. Gold, and its "exceptional" +100 % XP, rest only on an accepted review held here,
// never on anything the app says.
import crypto from 'node:crypto';
import { sql, type Database } from './db/database';
import { ApiError } from './api-error';
import { forbidden, requireTeaching, reviewsWorkOf, type Q } from './org-access';
import { requireCourse } from './course-registry';
import { reviewVerdict, rubricCategories, type RubricCategory } from '../common/rules/project-review';
import type { ReviewEvidence } from '../common/rules/certificate-criteria';
import type { InstructorReviewRequest, ProjectReviewRequest, ProjectSubmissionRequest, ProjectSubmissionView } from '../common/sync-api/project-api';

export interface SubmissionRow {
  id: string;
  learner_id: string;
  course_id: string;
  submission: ProjectSubmissionRequest;
  status: ProjectSubmissionView['status'];
  submitted_at: number;
  review: (StoredReview & { reviewer: string; blockers: string[] }) | null;
  overall: number | null;
  exceptional: boolean;
  reviewed_by: string | null;
  reviewed_at: number | null;
}

export function view(row: SubmissionRow): ProjectSubmissionView {
  return {
    submissionId: row.id,
    courseId: row.course_id,
    title: row.submission.title,
    status: row.status,
    submittedAt: Number(row.submitted_at),
    review: row.review && {
      reviewer: row.review.reviewer,
      reviewedAt: Number(row.reviewed_at),
      overall: Number(row.overall),
      exceptional: row.exceptional,
      blockers: row.review.blockers,
      scores: row.review.scores,
    },
  };
}

/** Takes a submission for review; refused while one waits and once one was accepted. */
export async function submitProject(db: Database, learnerId: string, courseId: string, input: ProjectSubmissionRequest, now: number) {
  await requireCourse(db, courseId);
  return db.transaction(async (q) => {
    // Two submissions at once make one: the learner's row serializes them.
    await q(sql`select id from learners where id = ${learnerId} for update`);
    const rows = await q<{ status: string }>(sql`select status from project_submissions where learner_id = ${learnerId} and course_id = ${courseId}`);
    if (rows.some((row) => row.status === 'accepted')) throw new ApiError(409, 'project_accepted', 'Your Gold project for this course was already accepted.');
    if (rows.some((row) => row.status === 'pending-review'))
      throw new ApiError(409, 'project_pending_review', 'Your last submission is waiting for a reviewer; you can submit again once it is reviewed.');
    const [row] = await q<SubmissionRow>(sql`insert into project_submissions (id, learner_id, course_id, submission, status, submitted_at)
      values (${crypto.randomUUID()}, ${learnerId}, ${courseId}, ${JSON.stringify(input)}::jsonb, 'pending-review', ${now}) returning *`);
    return view(row!);
  });
}

/** The learner's own submission; another learner's is not found. */
export async function viewSubmission(db: Database, learnerId: string, submissionId: string) {
  const [row] = await db.query<SubmissionRow>(sql`select * from project_submissions where id = ${submissionId} and learner_id = ${learnerId}`);
  if (!row) throw new ApiError(404, 'not_found', 'No project submission of yours has this id.');
  return view(row);
}

/** Submissions waiting for review, oldest first, with everything the reviewer reads. */
export async function projectReviewQueue(db: Database) {
  const rows = await db.query<SubmissionRow>(sql`select * from project_submissions where status = 'pending-review' order by submitted_at limit 100`);
  return rows.map((row) => ({ ...view(row), learnerId: row.learner_id, submission: row.submission }));
}

type StoredReview = Pick<ProjectReviewRequest, 'scores' | 'automated'> & { note?: string | undefined };

/** Stores the review on the locked, waiting row: accepted or not, with the blockers the learner reads. */
async function recordReview(
  q: Q,
  row: SubmissionRow,
  review: StoredReview,
  reviewer: { name: string; id: string | null },
  decide: (verdict: ReturnType<typeof reviewVerdict>) => { accepted: boolean; blockers: readonly string[] },
  now: number,
) {
  if (row.status !== 'pending-review') throw new ApiError(409, 'not_pending', `This submission is ${row.status}; only one waiting for review takes scores.`);
  const scores = Object.fromEntries(rubricCategories.map((category) => [category, review.scores[category].score])) as Record<RubricCategory, number>;
  const verdict = reviewVerdict(scores, review.automated);
  const { accepted, blockers } = decide(verdict);
  const stored = { reviewer: reviewer.name, scores: review.scores, automated: review.automated, blockers };
  const [updated] = await q<SubmissionRow>(sql`update project_submissions set status = ${accepted ? 'accepted' : 'not-accepted'},
    review = ${JSON.stringify(stored)}::jsonb, overall = ${verdict.overall}, exceptional = ${accepted && verdict.exceptional},
    reviewed_by = ${reviewer.name}, reviewer_id = ${reviewer.id}, reviewed_at = ${now} where id = ${row.id} returning *`);
  return view(updated!);
}

/** The admin's rubric review; the rule decides: accepted at 75 % with no category under 60 % and the checks holding. */
export async function reviewProject(db: Database, submissionId: string, review: ProjectReviewRequest, now: number) {
  return db.transaction(async (q) => {
    const [row] = await q<SubmissionRow>(sql`select * from project_submissions where id = ${submissionId} for update`);
    if (!row) throw new ApiError(404, 'not_found', 'No project submission has this id.');
    return recordReview(q, row, review, { name: review.reviewer, id: null }, (verdict) => verdict, now);
  });
}

/** Submissions `personId` may review (the rule in org-access.ts, shared with the exam's reviews). */
const reviewable = (personId: string) => reviewsWorkOf(personId, sql`s.learner_id`, sql`s.course_id`);

const notReviewable = () => new ApiError(404, 'not_found', 'No project submission from a cohort you teach has this id.');

const requireTeachingProjects = (q: Q, personId: string) => requireTeaching(q, personId, 'Only instructors review Gold projects, for the cohorts they teach.');

export interface ReviewQueueEntry extends ProjectSubmissionView {
  readonly learnerId: string;
  readonly learnerName: string;
  readonly courseTitle: string;
}
export interface ReviewSubmission extends ReviewQueueEntry {
  readonly submission: ProjectSubmissionRequest;
  readonly blockers: readonly string[];
}

const withLearner = (row: SubmissionRow & { display_name: string; course_title: string | null }) => ({
  ...view(row),
  learnerId: row.learner_id,
  learnerName: row.display_name,
  courseTitle: row.course_title ?? row.course_id,
});

/** The instructor's queue: waiting submissions from the cohorts they teach, oldest first. */
export async function instructorQueue(q: Q, personId: string): Promise<ReviewQueueEntry[]> {
  await requireTeachingProjects(q, personId);
  const rows = await q<SubmissionRow & { display_name: string; course_title: string | null }>(sql`select s.*, l.display_name, co.title as course_title
    from project_submissions s join learners l on l.id = s.learner_id left join courses co on co.id = s.course_id
    where s.status = 'pending-review' and ${reviewable(personId)} order by s.submitted_at limit 100`);
  return rows.map(withLearner);
}

/** One submission the instructor may review, with everything they read; their own is refused, others' are not found. */
export async function instructorSubmission(q: Q, personId: string, submissionId: string, lock = false): Promise<ReviewSubmission & { row: SubmissionRow }> {
  await requireTeachingProjects(q, personId);
  const [own] = await q<{ id: string }>(sql`select id from project_submissions where id = ${submissionId} and learner_id = ${personId}`);
  if (own) throw forbidden('You cannot review your own project; another instructor of your cohort reviews it.');
  const [row] = await q<SubmissionRow & { display_name: string; course_title: string | null }>(sql`select s.*, l.display_name, co.title as course_title
    from project_submissions s join learners l on l.id = s.learner_id left join courses co on co.id = s.course_id
    where s.id = ${submissionId} and ${reviewable(personId)} ${lock ? sql`for update of s` : sql``}`);
  if (!row) throw notReviewable();
  return { ...withLearner(row), submission: row.submission, blockers: row.review?.blockers ?? [], row };
}

/**
 * An instructor's review, signed with their own name and id (never a reviewer the request names).
 * Approving needs a passing rubric (the shared rule); asking for changes is always possible and
 * lets the learner submit again.
 */
export async function instructorReview(db: Database, personId: string, submissionId: string, input: InstructorReviewRequest, now: number) {
  return db.transaction(async (q) => {
    const { row } = await instructorSubmission(q, personId, submissionId, true);
    const [me] = await q<{ display_name: string }>(sql`select display_name from learners where id = ${personId}`);
    const note = input.note ? [`The reviewer asks: ${input.note}`] : [];
    return recordReview(
      q,
      row,
      input,
      { name: me!.display_name, id: personId },
      (verdict) => {
        if (input.decision === 'request-changes') return { accepted: false, blockers: [...verdict.blockers, ...note] };
        if (!verdict.accepted)
          throw new ApiError(422, 'review_not_passing', `These scores do not pass, so the project cannot be approved: ${verdict.blockers.join(' ')}`, {
            blockers: verdict.blockers,
          });
        return { accepted: true, blockers: [] };
      },
      now,
    );
  });
}

/** Gold's record: the learner's accepted review, else their latest reviewed one. */
export async function heldReview(db: Database, learnerId: string, courseId: string): Promise<ReviewEvidence | null> {
  const [row] = await db.query<SubmissionRow>(sql`select * from project_submissions
    where learner_id = ${learnerId} and course_id = ${courseId} and status in ('accepted', 'not-accepted')
    order by (status = 'accepted') desc, reviewed_at desc limit 1`);
  if (!row) return null;
  const demo = row.submission.demoUrl;
  return {
    score: Number(row.overall),
    accepted: row.status === 'accepted',
    ...(demo ? { projectUrl: demo } : {}),
    summary: `"${row.submission.title}" reviewed by ${row.reviewed_by ?? 'a reviewer'}: ${Number(row.overall)}%${row.exceptional ? ' (exceptional)' : ''}`,
  };
}
