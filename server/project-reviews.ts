// Gold projects this server reviews (server/README.md "Gold projects"): a learner submits a project
// for a registered course; a person (the server's admin until cohorts say who may review whom)
// scores it against the rubric with reasons; the shared rule decides. Gold, and its "exceptional"
// +100 % XP, rest only on an accepted review held here, never on anything the app says.
import crypto from 'node:crypto';
import { sql, type Database } from './db/database';
import { ApiError } from './api-error';
import { requireCourse } from './course-registry';
import { reviewVerdict, rubricCategories, type RubricCategory } from '../common/rules/project-review';
import type { ReviewEvidence } from '../common/rules/certificate-criteria';
import type { ProjectReviewRequest, ProjectSubmissionRequest, ProjectSubmissionView } from '../common/sync-api/project-api';

export interface SubmissionRow {
  id: string;
  learner_id: string;
  course_id: string;
  submission: ProjectSubmissionRequest;
  status: ProjectSubmissionView['status'];
  submitted_at: number;
  review: (ProjectReviewRequest & { blockers: string[] }) | null;
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

/** Records a person's rubric review and decides: accepted at 75 % with no category under 60 % and the checks holding. */
export async function reviewProject(db: Database, submissionId: string, review: ProjectReviewRequest, now: number) {
  return db.transaction(async (q) => {
    const [row] = await q<SubmissionRow>(sql`select * from project_submissions where id = ${submissionId} for update`);
    if (!row) throw new ApiError(404, 'not_found', 'No project submission has this id.');
    if (row.status !== 'pending-review') throw new ApiError(409, 'not_pending', `This submission is ${row.status}; only one waiting for review takes scores.`);
    const scores = Object.fromEntries(rubricCategories.map((category) => [category, review.scores[category].score])) as Record<RubricCategory, number>;
    const verdict = reviewVerdict(scores, review.automated);
    const [updated] = await q<SubmissionRow>(sql`update project_submissions set status = ${verdict.accepted ? 'accepted' : 'not-accepted'},
      review = ${JSON.stringify({ ...review, blockers: verdict.blockers })}::jsonb, overall = ${verdict.overall}, exceptional = ${verdict.exceptional},
      reviewed_by = ${review.reviewer}, reviewed_at = ${now} where id = ${submissionId} returning *`);
    return view(updated!);
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
