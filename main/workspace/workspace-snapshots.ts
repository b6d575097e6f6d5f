// A lesson's file history: snapshots of each file's text in SQLite (workspace_snapshots).
import { and, desc, eq } from 'drizzle-orm';
import { createTwoFilesPatch, diffLines } from 'diff';
import { DronaError } from '../../preload/contract/errors';
import type { SnapshotSummary } from '../../preload/contract/workspace';
import type { Store } from '../store/open-store';
import { workspaceSnapshots } from '../store/schema';
import { digestOf } from './workspace-fs';

/** The snapshots of one file of one lesson's workspace. */
const snapshotsOf = (courseId: string, lessonId: string, relative: string) =>
  and(eq(workspaceSnapshots.courseId, courseId), eq(workspaceSnapshots.lessonId, lessonId), eq(workspaceSnapshots.filePath, relative));

export class WorkspaceSnapshots {
  constructor(
    private readonly store: Store,
    private readonly now: () => number,
  ) {}

  /** Records a snapshot unless the text equals the file's latest one; returns its id or null. */
  record(courseId: string, lessonId: string, relative: string, content: string, reason: SnapshotSummary['reason']): number | null {
    const digest = digestOf(content);
    const latest = this.store.db
      .select({ digest: workspaceSnapshots.digest })
      .from(workspaceSnapshots)
      .where(snapshotsOf(courseId, lessonId, relative))
      .orderBy(desc(workspaceSnapshots.id))
      .limit(1)
      .get();
    if (latest?.digest === digest) return null;
    const row = this.store.db
      .insert(workspaceSnapshots)
      .values({ courseId, lessonId, filePath: relative, content, digest, reason, createdAt: this.now() })
      .returning({ id: workspaceSnapshots.id })
      .get();
    return row.id;
  }

  history(courseId: string, lessonId: string, relative: string): SnapshotSummary[] {
    const rows = this.store.db
      .select()
      .from(workspaceSnapshots)
      .where(snapshotsOf(courseId, lessonId, relative))
      .orderBy(desc(workspaceSnapshots.id))
      .limit(200)
      .all();
    return rows.map((row, index) => {
      const before = rows[index + 1]?.content ?? '';
      const size = diffLines(before, row.content).reduce((sum, part) => sum + (part.added || part.removed ? (part.count ?? 0) : 0), 0);
      return { id: row.id, path: row.filePath, reason: row.reason as SnapshotSummary['reason'], createdAt: row.createdAt, size };
    });
  }

  /** One snapshot of this lesson; not_found when the id belongs to none (or to another lesson). */
  row(courseId: string, lessonId: string, id: number) {
    const row = this.store.db
      .select()
      .from(workspaceSnapshots)
      .where(and(eq(workspaceSnapshots.id, id), eq(workspaceSnapshots.courseId, courseId), eq(workspaceSnapshots.lessonId, lessonId)))
      .get();
    if (!row) throw new DronaError('not_found', `Snapshot ${id} does not exist in this lesson's history.`);
    return row;
  }

  /** A snapshot with the patch from it to `current`, the file's text now. */
  snapshot(courseId: string, lessonId: string, id: number, current: string) {
    const row = this.row(courseId, lessonId, id);
    const patch = createTwoFilesPatch(`${row.filePath} (snapshot)`, `${row.filePath} (now)`, row.content, current, '', '', {
      context: 3,
    });
    return { id: row.id, path: row.filePath, content: row.content, createdAt: row.createdAt, patch };
  }
}
