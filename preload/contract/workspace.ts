import { z } from 'zod';
import { call, event } from './define';
import { workspaceFileContentSchema, workspacePathSchema } from './workspace-limits';

export const fileRoles = ['editable', 'readOnly', 'hidden'] as const;
export type FileRole = (typeof fileRoles)[number];

export const workspaceFileSchema = z.object({
  path: z.string(),
  content: z.string(),
  role: z.enum(fileRoles),
});
export type WorkspaceFile = z.infer<typeof workspaceFileSchema>;

const lessonRef = { courseId: z.string().min(1).max(120), lessonId: z.string().min(1).max(120) };

export const workspaceSchema = z.object({
  courseId: z.string(),
  lessonId: z.string(),
  root: z.string(),
  /** Every file, hidden ones included (the sandbox needs them); the tree shows only the others. */
  files: z.array(workspaceFileSchema),
});
export type Workspace = z.infer<typeof workspaceSchema>;

/** Why a snapshot was taken: an editor save (blur, Ctrl+S, leaving), Run, Check, before a reset or restore, or a change from outside. */
export const snapshotReasons = ['save', 'run', 'check', 'reset', 'restore', 'external'] as const;
/** The reasons a write from the editor may give. */
export const writeReasons = ['save', 'run', 'check'] as const;
export type WriteReason = (typeof writeReasons)[number];

export const snapshotSummarySchema = z.object({
  id: z.number().int(),
  path: z.string(),
  reason: z.enum(snapshotReasons),
  createdAt: z.number(),
  /** Lines added and removed relative to the snapshot before it. */
  size: z.number().int(),
});
export type SnapshotSummary = z.infer<typeof snapshotSummarySchema>;

export const trashEntrySchema = z.object({ id: z.string(), path: z.string(), deletedAt: z.number() });
export type TrashEntry = z.infer<typeof trashEntrySchema>;

export const workspaceCalls = {
  /** Opens (creating from the starter files on first use) the lesson's workspace and watches it for this window. */
  'workspace.open': call(z.object(lessonRef), workspaceSchema),
  /** Stops watching the workspace for this window. */
  'workspace.close': call(z.object(lessonRef), z.object({})),
  /**
   * Writes a file durably. `snapshot: false` is a draft (autosave while typing);
   * `snapshot: true` also records a snapshot when the text differs from the last one, filed
   * under `reason` (default save).
   */
  'workspace.write': call(
    z.object({ ...lessonRef, path: workspacePathSchema, content: workspaceFileContentSchema, snapshot: z.boolean(), reason: z.enum(writeReasons).optional() }),
    z.object({ savedAt: z.number(), snapshotId: z.number().int().nullable() }),
  ),
  'workspace.history': call(z.object({ ...lessonRef, path: workspacePathSchema }), z.array(snapshotSummarySchema)),
  /** One snapshot's text and a unified diff from it to `current` (the editor's text). */
  'workspace.snapshot': call(
    z.object({ ...lessonRef, id: z.number().int(), current: z.string().max(2_000_000) }),
    z.object({ id: z.number().int(), path: z.string(), content: z.string(), createdAt: z.number(), patch: z.string() }),
  ),
  /** Puts a snapshot's text back (the current text is kept as a snapshot first). */
  'workspace.restore': call(z.object({ ...lessonRef, id: z.number().int() }), workspaceFileSchema),
  /** Puts every starter file back (the current text of each is kept as a snapshot first). */
  'workspace.reset': call(z.object(lessonRef), workspaceSchema),
  'workspace.createFile': call(z.object({ ...lessonRef, path: workspacePathSchema }), workspaceFileSchema),
  'workspace.rename': call(z.object({ ...lessonRef, from: workspacePathSchema, to: workspacePathSchema }), workspaceFileSchema),
  /** Moves a file to the workspace's trash. */
  'workspace.delete': call(z.object({ ...lessonRef, path: workspacePathSchema }), trashEntrySchema),
  'workspace.trash': call(z.object(lessonRef), z.array(trashEntrySchema)),
  'workspace.restoreTrash': call(z.object({ ...lessonRef, id: z.string().max(80) }), workspaceFileSchema),
};

export const workspaceEvents = {
  /** A file changed on disk outside the editor (terminal, another editor); content null when it was removed. */
  'workspace.changed': event(z.object({ courseId: z.string(), lessonId: z.string(), path: z.string(), content: z.string().nullable() })),
};
