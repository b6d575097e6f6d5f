// Progress and gamification: the learning events main records, the HUD's snapshot, the
// Progress view's dashboard and the achievement definition format (built-in and course
// bundles share it: course.yaml `achievements:` is a list of `achievementDefinitionSchema`).
import { z } from 'zod';
import { learningEventKinds, type LearningEventKind } from '../../common/rules/event-kinds';
import { lessonLinkSchema } from './courses';
import { call, event } from './define';
import { progressMetricsCalls, progressMetricsEvents } from './progress-metrics';

// The event vocabulary is shared with the hosted API, so it is declared in common/.
export { learningEventKinds, type LearningEventKind };

/**
 * One thing the learner did. `idempotencyKey` names the cause (for example
 * `lesson-completed:<course>:<lesson>`): recording the same key twice awards nothing more.
 * Unknown extra facts are kept in the event's detail.
 */
export const learningEventSchema = z
  .object({
    kind: z.enum(learningEventKinds),
    idempotencyKey: z.string().min(1).max(300),
    courseId: z.string().max(120).optional(),
    lessonId: z.string().max(120).optional(),
    moduleId: z.string().max(120).optional(),
    occurredAt: z.number().int().nonnegative(),
    timezone: z.string().min(1).max(64),
    /** Passed at the first try (lessons, quizzes, checks, Silver certificates). */
    firstAttempt: z.boolean().optional(),
    hintsUsed: z.number().int().min(0).optional(),
    /** Challenges: the XP the lesson's author set per hint (the award table's default when absent), so the hosted API awards the same. */
    hintXpCost: z.number().int().min(0).max(1000).optional(),
    /** Quiz score, 0–100. */
    score: z.number().min(0).max(100).optional(),
    /** Finished under the lesson's or module's par time. */
    underPar: z.boolean().optional(),
    /** Mark complete: false when the lesson was not open long enough to be read (it then never counts as fast, nor its module). */
    read: z.boolean().optional(),
    elapsedSeconds: z.number().min(0).optional(),
    lessonType: z.string().max(40).optional(),
    hintIndex: z.number().int().min(0).optional(),
    tier: z.enum(['bronze', 'silver', 'gold']).optional(),
    /** Gold certificates: the review judged the work exceptional. */
    exceptional: z.boolean().optional(),
  })
  .loose();
export type LearningEvent = z.infer<typeof learningEventSchema>;

export const achievementCategories = ['Mastery', 'Consistency', 'Thinking', 'Achievement', 'Speed'] as const;

/** What the achievement evaluator can count (see docs in main/progress/achievements.ts). */
export const achievementStats = [
  'totalXp',
  'level',
  'lessonsCompleted',
  'quizzesPassed',
  'perfectQuizzes',
  'checksPassed',
  'challengesCompleted',
  'noHintChallenges',
  'modulesCompleted',
  'underParModules',
  'coursesCompleted',
  'hintsRevealed',
  'firstAttemptPasses',
  'fixedAfterFailing',
  'reflectionsWritten',
  'underParLessons',
  'currentStreak',
  'longestStreak',
  'activeDays',
  'freezesUsed',
  'certificates',
  'bronzeCertificates',
  'silverCertificates',
  'goldCertificates',
] as const;
export type AchievementStat = (typeof achievementStats)[number];

export type AchievementCondition =
  | { stat: AchievementStat; atLeast: number; courseId?: string }
  | {
      event: {
        kind?: LearningEventKind | LearningEventKind[];
        courseId?: string;
        firstAttempt?: boolean;
        maxHints?: number;
        minScore?: number;
        underPar?: boolean;
        tier?: 'bronze' | 'silver' | 'gold';
        /** Local hour window [from, to) in the event's timezone; from > to wraps midnight. */
        localHour?: { from: number; to: number };
      };
    }
  | { all: AchievementCondition[] }
  | { any: AchievementCondition[] };

const eventKindSchema = z.enum(learningEventKinds);
export const achievementConditionSchema: z.ZodType<AchievementCondition> = z.lazy(() =>
  z.union([
    z.strictObject({ stat: z.enum(achievementStats), atLeast: z.number().int().min(1), courseId: z.string().max(120).optional() }),
    z.strictObject({
      event: z.strictObject({
        kind: z.union([eventKindSchema, z.array(eventKindSchema).min(1)]).optional(),
        courseId: z.string().max(120).optional(),
        firstAttempt: z.boolean().optional(),
        maxHints: z.number().int().min(0).optional(),
        minScore: z.number().min(0).max(100).optional(),
        underPar: z.boolean().optional(),
        tier: z.enum(['bronze', 'silver', 'gold']).optional(),
        localHour: z.strictObject({ from: z.number().int().min(0).max(23), to: z.number().int().min(0).max(24) }).optional(),
      }),
    }),
    z.strictObject({ all: z.array(achievementConditionSchema).min(1) }),
    z.strictObject({ any: z.array(achievementConditionSchema).min(1) }),
  ]),
);

export const achievementDefinitionSchema = z.strictObject({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/, 'achievement ids are kebab-case')
    .max(80),
  title: z.string().min(1).max(80),
  description: z.string().min(1).max(240),
  category: z.enum(achievementCategories),
  hidden: z.boolean().optional(),
  condition: achievementConditionSchema,
});
export type AchievementDefinition = z.infer<typeof achievementDefinitionSchema>;

export const awardSchema = z.object({
  activity: z.string(),
  amount: z.number().int(),
  bonusPercent: z.number().int(),
  /** The base before bonuses and the bonuses' names (first-attempt, streak...), so the learner reads why. */
  baseXp: z.number().int().optional(),
  bonuses: z.array(z.string()).optional(),
  /** Whole XP taken off after the bonuses (a challenge's later hints). */
  deductedXp: z.number().int().min(0).optional(),
});

export const recordResultSchema = z.object({
  awarded: z.array(awardSchema),
  achievements: z.array(z.object({ id: z.string(), title: z.string() })),
  levelBefore: z.number().int(),
  levelAfter: z.number().int(),
  totalXp: z.number().int(),
  /** True when this idempotency key was recorded before: nothing changed. */
  duplicate: z.boolean(),
});
export type RecordResult = z.infer<typeof recordResultSchema>;

export const hudSnapshotSchema = z.object({
  totalXp: z.number().int(),
  level: z.number().int(),
  /** XP at which the current level starts, and the next one (null at the cap). */
  levelStartXp: z.number().int(),
  nextLevelXp: z.number().int().nullable(),
  streak: z.object({
    current: z.number().int(),
    longest: z.number().int(),
    freezes: z.number().int(),
    /** A qualifying activity already happened today (learner's timezone). */
    todayDone: z.boolean(),
  }),
});
export type HudSnapshot = z.infer<typeof hudSnapshotSchema>;

const achievementCardSchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  category: z.enum(achievementCategories),
  state: z.enum(['earned', 'in-progress', 'hidden']),
  earnedAt: z.number().nullable(),
  /** 0–1 toward the goal (counts only; event-shaped goals are 0 until earned). */
  progress: z.number(),
  progressLabel: z.string().nullable(),
  courseId: z.string().nullable(),
});
export type AchievementCard = z.infer<typeof achievementCardSchema>;

const rollupSchema = z.object({
  id: z.string(),
  title: z.string(),
  completed: z.number().int(),
  total: z.number().int(),
  percent: z.number(),
  activeSeconds: z.number().int(),
});
export type Rollup = z.infer<typeof rollupSchema>;

export const dashboardSchema = z.object({
  hud: hudSnapshotSchema,
  today: z.string(),
  /** XP per local day (only days with XP), oldest first. */
  xpByDay: z.array(z.object({ date: z.string(), xp: z.number().int(), cumulative: z.number().int() })),
  /** Qualifying activities per local day for the heatmap, oldest first. */
  activityByDay: z.array(z.object({ date: z.string(), count: z.number().int() })),
  courses: z.array(rollupSchema.extend({ trackId: z.string().nullable(), modules: z.array(rollupSchema) })),
  tracks: z.array(rollupSchema),
  achievements: z.array(achievementCardSchema),
  streaks: z.array(z.object({ start: z.string(), end: z.string(), days: z.number().int(), freezesUsed: z.number().int() })),
  /** Lessons completed per week (weeks start Monday), the last 8 weeks, oldest first. */
  velocity: z.array(z.object({ weekStart: z.string(), lessons: z.number().int(), xp: z.number().int() })),
  recommended: lessonLinkSchema.nullable(),
  week: z.object({
    start: z.string(),
    end: z.string(),
    lessons: z.number().int(),
    xp: z.number().int(),
    activeSeconds: z.number().int(),
    bestDay: z.object({ date: z.string(), xp: z.number().int() }).nullable(),
  }),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

export const awardedEventSchema = recordResultSchema.omit({ duplicate: true }).extend({
  kind: z.enum(learningEventKinds),
  /** The lesson the event was about, so an open lesson quiets only its own toasts (it shows them itself). */
  courseId: z.string().optional(),
  lessonId: z.string().optional(),
});
export type AwardedEvent = z.infer<typeof awardedEventSchema>;

/** A reminder that today's lesson keeps the streak going, in the learner's timezone. */
export const streakReminderSchema = z.object({
  /** The learner's local date it is for (YYYY-MM-DD). */
  date: z.string(),
  streak: z.number().int().positive(),
  /** Freezes held: with one, missing today uses it instead of ending the streak. */
  freezes: z.number().int().nonnegative(),
  minutesLeft: z.number().int().positive(),
  dayEndsAt: z.number().int(),
  message: z.string(),
  /** What "Continue learning" opens: the recommended next lesson, if any. */
  lesson: lessonLinkSchema.nullable(),
});
export type StreakReminder = z.infer<typeof streakReminderSchema>;

export const progressCalls = {
  'progress.snapshot': call(z.object({}), hudSnapshotSchema),
  'progress.dashboard': call(z.object({}), dashboardSchema),
  /** Today's streak reminder if one is due or was given and not answered yet (a window asks at start-up). */
  'progress.pendingStreakReminder': call(z.object({}), streakReminderSchema.nullable()),
  /** The learner answered today's reminder ("Continue learning" or "Not today"): it is not shown again today. */
  'progress.dismissStreakReminder': call(z.object({}), z.object({})),
  ...progressMetricsCalls,
};

export const progressEvents = {
  /** The HUD's data after any recorded event (every window). */
  'progress.changed': event(hudSnapshotSchema),
  /** XP, level-ups and achievements from one event, for toasts (every window). */
  'progress.awarded': event(awardedEventSchema),
  /** A streak reminder is due now (every window; the desktop app also notifies when unfocused). */
  'progress.streakReminder': event(streakReminderSchema),
  ...progressMetricsEvents,
};
