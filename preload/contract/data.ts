// Your data is yours: export everything as a zip of JSON + CSV, and erase everything after a typed
// confirmation. The zip is built in main and handed to the page in chunks, so the page saves it
// where the learner chooses (the browser's or Electron's download).
import { z } from 'zod';
import { call, event } from './define';

export const dataExportProgressSchema = z.object({
  phase: z.enum(['tables', 'workspaces', 'writing', 'done']),
  /** Rows and workspace files written so far, of `total`. */
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
});
export type DataExportProgress = z.infer<typeof dataExportProgressSchema>;

export const dataExportSummarySchema = z.object({
  file: z.string(),
  bytes: z.number().int().nonnegative(),
  /** Rows per exported table. */
  tables: z.record(z.string(), z.number().int().nonnegative()),
  workspaceFiles: z.number().int().nonnegative(),
});
export type DataExportSummary = z.infer<typeof dataExportSummarySchema>;

/** The largest chunk `data.exportChunk` returns (bytes before base64), well under a message's limit. */
export const DATA_EXPORT_CHUNK_BYTES = 1024 * 1024;

/** What the learner types to confirm erasing: this word, or their name as the profile has it. */
export const DELETE_CONFIRMATION_WORD = 'delete';

export const dataCalls = {
  /** Builds the export (progress as data.exportProgress to this window); fetch it with data.exportChunk. */
  'data.export': call(
    z.object({}),
    z.object({ downloadId: z.string(), fileName: z.string(), bytes: z.number().int(), tables: z.number().int(), workspaceFiles: z.number().int() }),
  ),
  /** Up to DATA_EXPORT_CHUNK_BYTES of a built export from `offset`; the file is removed once read to its end. */
  'data.exportChunk': call(
    z.object({ downloadId: z.string().min(1).max(100), offset: z.number().int().nonnegative() }),
    z.object({ base64: z.string(), nextOffset: z.number().int().nullable() }),
  ),
  /** Erases everything (database, workspaces, tutor sessions, secrets, caches) and starts fresh. */
  'data.delete': call(z.object({ confirmation: z.string().max(200) }), z.object({ erased: z.literal(true) })),
};

export const dataEvents = {
  'data.exportProgress': event(dataExportProgressSchema),
  /** Everything was erased: every window reloads into the first run. */
  'data.erased': event(z.object({})),
};
