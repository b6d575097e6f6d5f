// Updates of the desktop app: where electron-updater stands, for the status bar ("Downloading
// 42 %", "Restart to update") and Settings (the channel). Serve mode reports "unsupported".
import { z } from 'zod';
import { call, event } from './define';

export const updateChannels = ['stable', 'beta'] as const;
export type UpdateChannel = (typeof updateChannels)[number];

export const updateSettingsSchema = z.object({ channel: z.enum(updateChannels) });

export const updateStatusSchema = z.discriminatedUnion('state', [
  /** No updater here: serve mode, a development build, or a build with no feed configured. */
  z.object({ state: z.literal('unsupported'), reason: z.string() }),
  z.object({ state: z.literal('idle'), checkedAt: z.number().nullable() }),
  z.object({ state: z.literal('checking') }),
  z.object({
    state: z.literal('downloading'),
    version: z.string(),
    percent: z.number().min(0).max(100),
    transferred: z.number().nonnegative(),
    total: z.number().nonnegative(),
    bytesPerSecond: z.number().nonnegative(),
  }),
  /** Found but held back: downloads wait for the exam to end. */
  z.object({ state: z.literal('waiting'), version: z.string(), reason: z.literal('exam') }),
  /** Downloaded and verified: "Restart to update" (or it installs when the app quits). */
  z.object({ state: z.literal('ready'), version: z.string() }),
  z.object({ state: z.literal('error'), message: z.string(), checkedAt: z.number() }),
]);
export type UpdateStatus = z.infer<typeof updateStatusSchema>;

export const updateCalls = {
  'update.status': call(z.object({}), updateStatusSchema),
  /** Check the feed now (Settings → "Check for updates"). */
  'update.check': call(z.object({}), updateStatusSchema),
  /** Quit and install a downloaded update; refused during an exam or while the editor has unsaved changes. */
  'update.restart': call(z.object({ unsavedWork: z.boolean() }), z.object({ restarting: z.literal(true) })),
};

export const updateEvents = {
  'update.changed': event(updateStatusSchema),
};
