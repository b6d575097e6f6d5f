import { z } from 'zod';
import { call } from './define';
import { tutorSettingsSchema } from './tutor';
import { updateSettingsSchema } from './update';

export const experienceLevels = ['new', 'some', 'experienced'] as const;
export const gamificationModes = ['full', 'moderate', 'minimal', 'off'] as const;

export const profileSchema = z.object({
  name: z.string(),
  goal: z.string(),
  experienceLevel: z.enum(experienceLevels),
  gamificationMode: z.enum(gamificationModes),
  timezone: z.string(),
  firstRunCompleted: z.boolean(),
});
export type Profile = z.infer<typeof profileSchema>;

export const firstRunInputSchema = z.object({
  name: z.string().trim().min(1, 'Tell us what to call you').max(80),
  goal: z.string().trim().max(280),
  experienceLevel: z.enum(experienceLevels),
  gamificationMode: z.enum(gamificationModes),
  timezone: z.string().min(1).max(64),
});

/** Panel id → percentage of its group, as react-resizable-panels reports it; 0 means collapsed. */
const panelSizesSchema = z.record(z.string().max(40), z.number().min(0).max(100));

export const activities = ['learn', 'practice', 'progress', 'certificates', 'leaderboard', 'settings'] as const;
export const bottomTabs = ['tutor', 'terminal', 'output'] as const;

export const layoutSchema = z.object({
  /** The side panel and the centre. */
  horizontal: panelSizesSchema,
  /** The canvas and the bottom panel. */
  vertical: panelSizesSchema,
  activity: z.enum(activities),
  bottomTab: z.enum(bottomTabs),
  /** The bottom panel's height per view (catalog, lesson, exercise, progress...), 0 = closed; unset: the view's default. */
  bottomByView: panelSizesSchema.optional(),
  /** The side panel's width when it was last open, so it reopens as it was. */
  sideWidth: z.number().min(0).max(100).optional(),
});
export type Layout = z.infer<typeof layoutSchema>;

/** A wall-clock time of day, 24-hour `HH:MM`. */
export const timeOfDaySchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a time of day as HH:MM, for example 20:00');

/** A nudge before the local day ends when the streak would break (never in gamification mode "off"). */
export const streakReminderSettingsSchema = z.object({ enabled: z.boolean(), time: timeOfDaySchema });

export const settingsSchema = z.object({
  theme: z.enum(['system', 'dark', 'light']),
  layout: layoutSchema,
  lastLesson: z.object({ courseId: z.string(), lessonId: z.string() }).nullable(),
  editorFontSize: z.number().int().min(8).max(40),
  tutor: tutorSettingsSchema,
  streakReminder: streakReminderSettingsSchema,
  /** allowProcess: with no isolated sandbox, run course code directly on this computer (each course confirmed once). */
  sandbox: z.object({ allowProcess: z.boolean() }),
  /** Which releases the desktop app updates to: stable, or beta (betas and release candidates too). */
  updates: updateSettingsSchema,
});
export type Settings = z.infer<typeof settingsSchema>;

export const profileCalls = {
  'profile.get': call(z.object({}), profileSchema),
  'profile.completeFirstRun': call(firstRunInputSchema, profileSchema),
  'profile.update': call(firstRunInputSchema.partial(), profileSchema),
  'settings.get': call(z.object({}), settingsSchema),
  'settings.update': call(settingsSchema.partial(), settingsSchema),
};
