// Gold project submissions this server reviews (server/project-reviews.ts): what the learner
// submitted, and the rubric review a person gave it; Gold and its "exceptional" bonus rest on these.
import { sql } from 'drizzle-orm';
import { bigint, boolean, index, jsonb, pgTable, real, text, uniqueIndex } from 'drizzle-orm/pg-core';

export const projectSubmissions = pgTable(
  'project_submissions',
  {
    id: text('id').primaryKey(),
    learnerId: text('learner_id').notNull(),
    courseId: text('course_id').notNull(),
    /** `{ title, goal, milestones, demoUrl, readme, files, automated }` as the learner submitted it. */
    submission: jsonb('submission').notNull(),
    /** pending-review | accepted | not-accepted */
    status: text('status').notNull(),
    submittedAt: bigint('submitted_at', { mode: 'number' }).notNull(),
    /** The reviewer's rubric scores with reasons, and the automated checks as the reviewer confirmed them. */
    review: jsonb('review'),
    overall: real('overall'),
    exceptional: boolean('exceptional').notNull().default(false),
    /** The reviewer's name as the learner sees it. */
    reviewedBy: text('reviewed_by'),
    /** The instructor's learner id when one reviewed it from their cohorts (server/project-reviews.ts); null for the admin. */
    reviewerId: text('reviewer_id'),
    reviewedAt: bigint('reviewed_at', { mode: 'number' }),
  },
  (t) => [
    index('project_submissions_learner_course').on(t.learnerId, t.courseId),
    // One submission waiting per learner and course.
    uniqueIndex('project_submissions_open')
      .on(t.learnerId, t.courseId)
      .where(sql`${t.status} = 'pending-review'`),
    index('project_submissions_pending').on(t.status, t.submittedAt),
  ],
);
