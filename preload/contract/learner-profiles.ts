// Learner profiles on a shared computer: the picker the window shows at start when the app's
// folder holds profiles (made with `drona profile create` or here). Each profile has its own
// data folder; nothing about one profile (not even whether its PIN was right) opens another.
import { z } from 'zod';
import { call } from './define';

export const PIN_PATTERN = /^\d{4,12}$/;

export const learnerProfileSummarySchema = z.object({ id: z.string(), name: z.string(), hasPin: z.boolean() });
export type LearnerProfileSummary = z.infer<typeof learnerProfileSummarySchema>;

const pinSchema = z.string().regex(PIN_PATTERN, 'A PIN is 4 to 12 digits.').nullable();

export const learnerProfilesCalls = {
  /** The profiles to pick from, and the one this app has open (null until one is picked). */
  'learnerProfiles.list': call(z.object({}), z.object({ profiles: z.array(learnerProfileSummarySchema), active: z.string().nullable() })),
  /** Opens a profile's data (after its PIN, when it has one); the window then loads as usual. */
  'learnerProfiles.open': call(z.object({ id: z.string().min(1).max(64), pin: pinSchema }), z.object({ id: z.string() })),
  /** A new profile from the picker, with an optional PIN. */
  'learnerProfiles.create': call(z.object({ name: z.string().trim().min(1).max(60), pin: pinSchema }), learnerProfileSummarySchema),
};
