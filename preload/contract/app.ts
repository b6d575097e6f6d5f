import { z } from 'zod';
import { call, event } from './define';

export const storeProblemSchema = z.object({
  kind: z.enum(['corrupt', 'newer']),
  file: z.string(),
  detail: z.string(),
  backups: z.array(z.object({ file: z.string(), takenAt: z.number() })),
});
export type StoreProblem = z.infer<typeof storeProblemSchema>;

export const appStatusSchema = z.discriminatedUnion('state', [
  z.object({
    state: z.literal('ready'),
    version: z.string(),
    mode: z.enum(['electron', 'serve']),
    dataDir: z.string(),
  }),
  z.object({
    state: z.literal('recovery'),
    version: z.string(),
    mode: z.enum(['electron', 'serve']),
    dataDir: z.string(),
    problem: storeProblemSchema,
  }),
  /** The app's folder holds learner profiles and none is open yet: the window shows the picker. */
  z.object({ state: z.literal('pick-profile'), version: z.string(), mode: z.enum(['electron', 'serve']), dataDir: z.string() }),
]);
export type AppStatus = z.infer<typeof appStatusSchema>;

export const appCalls = {
  'app.status': call(z.object({}), appStatusSchema),
  /** Resolve a store problem: restore a backup, or start fresh keeping the bad file aside. */
  'app.recoverStore': call(
    z.discriminatedUnion('action', [z.object({ action: z.literal('restore'), backupFile: z.string() }), z.object({ action: z.literal('fresh') })]),
    z.object({ keptAside: z.string().nullable() }),
  ),
};

export const appEvents = {
  /** A line for the Output panel from any service (build logs, imports, ...). */
  'app.log': event(z.object({ level: z.enum(['info', 'warn', 'error']), source: z.string(), message: z.string() })),
};
