// Column groups several server tables share, so each is declared once. Functions, as every table
// needs column builders of its own.
import type { SQL } from 'drizzle-orm';
import { bigint, index, real, text, uniqueIndex, type PgColumn } from 'drizzle-orm/pg-core';

/** A piece of one learner's work in one course (an exam attempt, a project submission, a certificate). */
export const learnerCourseRow = () => ({
  id: text('id').primaryKey(),
  learnerId: text('learner_id').notNull(),
  courseId: text('course_id').notNull(),
});

/** What a person's review of the work records: the overall score, who reviewed it and when. */
export const reviewColumns = () => ({
  overall: real('overall'),
  /** The reviewer's name as the learner sees it. */
  reviewedBy: text('reviewed_by'),
  reviewedAt: bigint('reviewed_at', { mode: 'number' }),
});

/**
 * Indexes of work that waits for a review: a learner's work in a course, at most one open piece
 * per learner and course (`open` says which rows are), and the queue by status and `queuedAt`.
 */
export const reviewQueueIndexes = (table: string, t: { learnerId: PgColumn; courseId: PgColumn; status: PgColumn }, open: SQL, queuedAt: PgColumn) => [
  index(`${table}_learner_course`).on(t.learnerId, t.courseId),
  uniqueIndex(`${table}_open`).on(t.learnerId, t.courseId).where(open),
  index(`${table}_pending`).on(t.status, queuedAt),
];
