// The learner model as the window sees it: the skill map (every concept of every started course,
// its mastery, grouped by module, with its lessons and review cards).
import { z } from 'zod';
import { call } from './define';
import { reviewCardSources } from './practice';

export const masteryBands = ['unseen', 'weak', 'learning', 'mastered'] as const;
export type MasteryBandName = (typeof masteryBands)[number];

export const skillMapConceptSchema = z.object({
  id: z.string(),
  title: z.string(),
  /** The band of its estimate (main/learner/mastery.ts): unseen until some evidence arrives. */
  band: z.enum(masteryBands),
  /** The estimate that the learner knows it, 0–1; null while unseen. */
  probability: z.number().min(0).max(1).nullable(),
  prerequisites: z.array(z.string()),
  /** The lessons that teach it (its own lesson first), to open. */
  lessons: z.array(z.object({ id: z.string(), title: z.string(), status: z.enum(['not_started', 'in_progress', 'completed']) })),
  /** Its review cards (never their answers), soonest first, and how many are due today. */
  cards: z.array(z.object({ id: z.number().int(), source: z.enum(reviewCardSources), prompt: z.string(), dueAt: z.number() })),
  dueCards: z.number().int().nonnegative(),
});
export type SkillMapConcept = z.infer<typeof skillMapConceptSchema>;

export const skillMapSchema = z.object({
  courses: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      /** In course order; concepts no lesson teaches come last, in a module with a null id. */
      modules: z.array(z.object({ id: z.string().nullable(), title: z.string(), concepts: z.array(skillMapConceptSchema) })),
    }),
  ),
});
export type SkillMap = z.infer<typeof skillMapSchema>;

export const learnerCalls = {
  'learner.skillMap': call(z.object({}), skillMapSchema),
};
