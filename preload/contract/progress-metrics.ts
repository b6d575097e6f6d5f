// The learning metrics (design §10.2) and the weekly digest, as the Progress view gets them.
// Each metric is null (or an empty list) when there is too little to say, so the view shows
// "not enough yet" instead of a made-up number. Part of progressCalls (progress.ts).
import { z } from 'zod';
import { call, event } from './define';

const conceptRef = { courseId: z.string(), conceptId: z.string(), title: z.string() };
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

export const learningMetricsSchema = z.object({
  /** Modules completed per hour of active time, the last 4 weeks. */
  learningVelocity: z.object({ modulesPerHour: z.number(), modulesCompleted: z.number().int(), activeSeconds: z.number().int() }).nullable(),
  /** Share of reviews recalled, recent ones weighted more, 0–1. */
  knowledgeRetention: z.object({ rate: z.number().min(0).max(1), reviews: z.number().int() }).nullable(),
  /** 0–100 from the last 7 days' sessions, their length and the interactions in them. */
  engagement: z
    .object({ score: z.number().int().min(0).max(100), sessions: z.number().int(), activeSeconds: z.number().int(), interactions: z.number().int() })
    .nullable(),
  /** The concepts that took the most effort, highest first (1 is an ordinary effort). */
  struggle: z.array(z.object({ ...conceptRef, index: z.number(), attempts: z.number().int(), hints: z.number().int(), activeSeconds: z.number().int() })),
  /** When the current course should be finished at the recent pace: a date range. */
  predictedCompletion: z
    .object({ courseId: z.string(), courseTitle: z.string(), remainingLessons: z.number().int(), earliest: z.number(), latest: z.number() })
    .nullable(),
  /** Concepts most at risk of being forgotten, highest first, 0–1. */
  decayRisk: z.array(z.object({ ...conceptRef, risk: z.number().min(0).max(1), daysSincePractice: z.number(), mastery: z.number() })),
});
export type LearningMetrics = z.infer<typeof learningMetricsSchema>;

export const weeklyDigestSchema = z.object({
  /** Monday and Sunday of the week, the learner's local dates. */
  weekStart: isoDate,
  weekEnd: isoDate,
  activeSeconds: z.number().int(),
  lessons: z.number().int(),
  xp: z.number().int(),
  reviews: z.number().int(),
  reviewsRecalled: z.number().int(),
  /** Sum of the mastery the week's evidence added (each concept 0–1), and the concepts that reached mastered. */
  masteryGained: z.number(),
  conceptsMastered: z.array(z.object(conceptRef)),
  streak: z.object({ current: z.number().int(), longest: z.number().int() }),
  days: z.array(z.object({ date: isoDate, xp: z.number().int(), activeSeconds: z.number().int() })),
  /** The week before, and the week after when it has started. */
  previousWeekStart: isoDate,
  nextWeekStart: isoDate.nullable(),
});
export type WeeklyDigest = z.infer<typeof weeklyDigestSchema>;

/** The once-a-week notice that last week's digest is ready. */
export const digestNoticeSchema = z.object({ weekStart: isoDate, message: z.string() });
export type DigestNotice = z.infer<typeof digestNoticeSchema>;

export const progressMetricsCalls = {
  'progress.metrics': call(z.object({}), learningMetricsSchema),
  /** The digest of the week starting that Monday; this week when absent. */
  'progress.weeklyDigest': call(z.object({ weekStart: isoDate.optional() }), weeklyDigestSchema),
  /** Last week's digest notice when it was given and not opened or dismissed yet. */
  'progress.pendingDigestNotice': call(z.object({}), digestNoticeSchema.nullable()),
  'progress.dismissDigestNotice': call(z.object({}), z.object({})),
};

export const progressMetricsEvents = {
  /** Last week's digest is ready (every window; the desktop app also shows an OS notification). */
  'progress.digestReady': event(digestNoticeSchema),
};
