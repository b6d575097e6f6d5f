// Deleted workspace files go to <dataDir>/workspace-trash/<course>/<lesson>/<id>/ (the text in
// `content`, what it was in `entry.json`) so they can come back.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DronaError } from '../../preload/contract/errors';
import { trashEntrySchema, type TrashEntry } from '../../preload/contract/workspace';
import { checkLessonIds, lstatOrNull, readRegular, realFolder, safeSegment, saveFailed, writeFileDurably, type DurableWriteFs } from './workspace-fs';

/** A trash entry found on disk: its folder and what it records. */
export interface TrashedFile {
  readonly dir: string;
  readonly entry: TrashEntry;
}

export class WorkspaceTrash {
  constructor(
    private readonly dataDir: string,
    private readonly io: DurableWriteFs,
    private readonly now: () => number,
  ) {}

  private folder(courseId: string, lessonId: string, create: boolean): string | null {
    checkLessonIds(courseId, lessonId);
    return realFolder(this.dataDir, ['workspace-trash', courseId, lessonId], create);
  }

  /** Keeps a copy of a file about to be deleted; a failure removes the half-made entry and is a save_failed error. */
  keep(courseId: string, lessonId: string, relative: string, content: string): TrashEntry {
    const entry: TrashEntry = { id: `${this.now()}-${randomBytes(3).toString('hex')}`, path: relative, deletedAt: this.now() };
    const dir = realFolder(this.folder(courseId, lessonId, true)!, [entry.id], true)!;
    try {
      writeFileDurably(path.join(dir, 'content'), content, this.io);
      writeFileDurably(path.join(dir, 'entry.json'), JSON.stringify(entry), this.io);
    } catch (error) {
      fs.rmSync(dir, { recursive: true, force: true });
      throw saveFailed(`The trash copy of ${relative}`, error);
    }
    return entry;
  }

  /** One trash entry, read without following links (the trash folder is the learner's to change too). */
  find(courseId: string, lessonId: string, id: string): TrashedFile | null {
    if (!safeSegment.test(id)) throw new DronaError('invalid_input', `"${id}" is not a trash entry id.`);
    const root = this.folder(courseId, lessonId, false);
    const dir = root && realFolder(root, [id], false);
    if (!dir || !lstatOrNull(path.join(dir, 'entry.json'))) return null;
    const parsed = trashEntrySchema.safeParse(JSON.parse(readRegular(path.join(dir, 'entry.json'), `trash entry ${id}`)));
    return parsed.success ? { dir, entry: parsed.data } : null;
  }

  list(courseId: string, lessonId: string): TrashEntry[] {
    const root = this.folder(courseId, lessonId, false);
    if (!root) return [];
    const entries: TrashEntry[] = [];
    for (const id of fs.readdirSync(root)) {
      try {
        const found = this.find(courseId, lessonId, id);
        if (found) entries.push(found.entry);
      } catch {
        // not an entry of ours (a link, a stray file, broken JSON): not shown, not followed
      }
    }
    return entries.sort((a, b) => b.deletedAt - a.deletedAt);
  }

  contentOf(found: TrashedFile): string {
    return readRegular(path.join(found.dir, 'content'), found.entry.path);
  }

  /** Removes an entry whose file is back in the workspace. */
  discard(found: TrashedFile): void {
    fs.rmSync(found.dir, { recursive: true, force: true });
  }
}
