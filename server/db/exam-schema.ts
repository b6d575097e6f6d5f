// The Silver exam attempts this server runs (server/exam-attempts.ts): drawn with its own seed,
// timed by its own clock, graded against the bank registered with the course.
import { sql } from 'drizzle-orm';
import { bigint, boolean, integer, jsonb, pgTable, primaryKey, real, text } from 'drizzle-orm/pg-core';
import { learnerCourseRow, reviewColumns, reviewQueueIndexes } from './columns';

export const examAttempts = pgTable(
  'exam_attempts',
  {
    ...learnerCourseRow(),
    /** The registered course's digest when the attempt started (the bank it draws from is part of it). */
    courseDigest: text('course_digest').notNull(),
    /** The server's random seed: the learner never sees it, so the selection cannot be predicted. */
    seed: text('seed').notNull(),
    /** in-progress | pending-review | passed | failed */
    status: text('status').notNull(),
    /** Index of the section being taken (0–3; 4 once all are submitted). */
    section: integer('section').notNull().default(0),
    /** When the server started the current section: its deadline is this plus the section's minutes. */
    sectionStartedAt: bigint('section_started_at', { mode: 'number' }).notNull(),
    /** Per section `{ score, submittedAt, timedOut }` once submitted (score null while a person has to review it). */
    sections: jsonb('sections').notNull().default({}),
    /** The learner had no earlier attempt at this course: a pass earns Silver's first-attempt bonus. */
    firstAttempt: boolean('first_attempt').notNull(),
    startedAt: bigint('started_at', { mode: 'number' }).notNull(),
    finishedAt: bigint('finished_at', { mode: 'number' }),
    ...reviewColumns(),
  },
  // One attempt in flight (being taken or waiting for its review) per learner and course.
  (t) => reviewQueueIndexes('exam_attempts', t, sql`${t.status} in ('in-progress', 'pending-review')`, t.finishedAt),
);

/** One answer per question of an attempt: a second answer to the same question is refused. */
export const examAnswers = pgTable(
  'exam_answers',
  {
    attemptId: text('attempt_id').notNull(),
    itemId: text('item_id').notNull(),
    section: text('section').notNull(),
    position: integer('position').notNull(),
    /** `{ selected }` (an option index in the bank's order), `{ files }` or `{ text }`. */
    answer: jsonb('answer').notNull(),
    /** Choice questions, graded at once; null for what a person reviews. */
    correct: boolean('correct'),
    /** A reviewed challenge or design answer, 0–100. */
    score: real('score'),
    reasons: text('reasons'),
    answeredAt: bigint('answered_at', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.attemptId, t.itemId] })],
);
