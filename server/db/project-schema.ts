// Gold project submissions this server reviews (server/project-reviews.ts): what the learner
// submitted, and the rubric review a person gave it; Gold and its "exceptional" bonus rest on these.
import { sql } from 'drizzle-orm';
import { bigint, boolean, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { learnerCourseRow, reviewColumns, reviewQueueIndexes } from './columns';

export const projectSubmissions = pgTable(
  'project_submissions',
  {
    ...learnerCourseRow(),
    /** `{ title, goal, milestones, demoUrl, readme, files, automated }` as the learner submitted it. */
    submission: jsonb('submission').notNull(),
    /** pending-review | accepted | not-accepted */
    status: text('status').notNull(),
    submittedAt: bigint('submitted_at', { mode: 'number' }).notNull(),
    /** The reviewer's rubric scores with reasons, and the automated checks as the reviewer confirmed them. */
    review: jsonb('review'),
    ...reviewColumns(),
    exceptional: boolean('exceptional').notNull().default(false),
    /** The instructor's learner id when one reviewed it from their cohorts (server/project-reviews.ts); null for the admin. */
    reviewerId: text('reviewer_id'),
  },
  // One submission waiting per learner and course.
  (t) => reviewQueueIndexes('project_submissions', t, sql`${t.status} = 'pending-review'`, t.submittedAt),
);
