// A lesson's workspace: real files on disk under <dataDir>/workspaces/<course>/<lesson>/,
// created from the exercise's starter files. This service composes the parts: file-system safety
// (workspace-fs), listing within limits (workspace-listing), snapshots in SQLite
// (workspace-snapshots), the trash (workspace-trash) and watching for the windows that view a
// workspace (workspace-viewers).
import fs from 'node:fs';
import path from 'node:path';
import { DronaError } from '../../preload/contract/errors';
import type { FileRole, SnapshotSummary, TrashEntry, Workspace, WorkspaceFile, WriteReason } from '../../preload/contract/workspace';
import { workspacePathProblem } from '../../preload/contract/workspace-limits';
import { workspaceFileRefusal } from '../courses/bundle/bundle-allow-list';
import type { Store } from '../store/open-store';
import {
  checkLessonIds,
  lstatOrNull,
  outsideLink,
  readRegular,
  realFolder,
  realFs,
  realpathOrNull,
  saveFailed,
  sortFiles,
  within,
  writeFileDurably,
  type DurableWriteFs,
} from './workspace-fs';
import { WorkspaceListing } from './workspace-listing';
import { WorkspaceSnapshots } from './workspace-snapshots';
import { WorkspaceTrash } from './workspace-trash';
import { WorkspaceViewers, type ExternalChangeListener } from './workspace-viewers';

export interface StarterFile {
  readonly path: string;
  readonly content: string;
  readonly role: FileRole;
}

/** Where starter files come from (the course service in the app, a fake in tests). */
export type StarterSource = (courseId: string, lessonId: string) => Promise<readonly StarterFile[] | null>;

/** Where a workspace file is: `file` the entry itself, `real` what it holds (the same unless it is a link within the folder). */
interface Located {
  readonly file: string;
  readonly real: string;
}

export class WorkspaceService {
  private readonly listing = new WorkspaceListing();
  private readonly snapshots: WorkspaceSnapshots;
  private readonly bin: WorkspaceTrash;
  private readonly watching: WorkspaceViewers;

  constructor(
    store: Store,
    private readonly dataDir: string,
    private readonly starters: StarterSource,
    private readonly now: () => number = Date.now,
    /** How files are written; a test passes one that fails like a full disk. */
    private readonly io: DurableWriteFs = realFs,
  ) {
    this.snapshots = new WorkspaceSnapshots(store, now);
    this.bin = new WorkspaceTrash(dataDir, io, now);
    this.watching = new WorkspaceViewers({
      folderOf: (courseId, lessonId) => this.realRoot(courseId, lessonId, true)!,
      filesOf: (courseId, lessonId) => this.listFiles(courseId, lessonId),
      recordExternal: (courseId, lessonId, relative, content) => void this.recordSnapshot(courseId, lessonId, relative, content, 'external'),
    });
  }

  rootOf(courseId: string, lessonId: string): string {
    checkLessonIds(courseId, lessonId);
    return path.join(this.dataDir, 'workspaces', courseId, lessonId);
  }

  /** The lesson folder's real path, checked to be a folder and not a link; null when it does not exist yet. */
  checkedRoot(courseId: string, lessonId: string): string | null {
    return this.realRoot(courseId, lessonId, false);
  }

  private realRoot(courseId: string, lessonId: string, create: boolean): string | null {
    this.rootOf(courseId, lessonId);
    return realFolder(this.dataDir, ['workspaces', courseId, lessonId], create);
  }

  /**
   * Where `relative` is on disk. Folders on the way are followed only when they really are inside
   * the lesson folder (a link made in the terminal to /etc or ~/.ssh is refused, with its name);
   * missing folders are made one at a time when `create`, never through a link.
   */
  private locate(courseId: string, lessonId: string, relative: string, create = false): Located {
    const problem = workspacePathProblem(relative);
    if (problem) throw new DronaError('invalid_input', problem);
    const parts = relative.split('/');
    const root = this.realRoot(courseId, lessonId, create);
    if (!root) {
      const file = path.join(this.rootOf(courseId, lessonId), ...parts);
      return { file, real: file };
    }
    let dir = root;
    for (const [index, part] of parts.entries()) {
      const shown = parts.slice(0, index + 1).join('/');
      const next = path.join(dir, part);
      const last = index === parts.length - 1;
      const stat = lstatOrNull(next);
      if (stat?.isSymbolicLink()) {
        const real = realpathOrNull(next);
        if (!real || !within(root, real)) throw outsideLink(shown);
        if (last) return { file: next, real };
        dir = real;
      } else if (last) {
        return { file: next, real: next };
      } else if (!stat) {
        if (create) fs.mkdirSync(next, { mode: 0o700 });
        dir = next;
      } else if (!stat.isDirectory()) {
        throw new DronaError('conflict', `${shown} is a file, so ${relative} cannot be inside it.`);
      } else {
        dir = next;
      }
    }
    throw new Error('unreachable: a workspace path has at least one part');
  }

  private exists(courseId: string, lessonId: string, relative: string): boolean {
    return lstatOrNull(this.locate(courseId, lessonId, relative).file) !== null;
  }

  private read(courseId: string, lessonId: string, relative: string): string {
    return readRegular(this.locate(courseId, lessonId, relative).real, relative);
  }

  /** The file's text now, or null when it cannot be read (missing, or refused: then the write says why). */
  private textOnDisk(courseId: string, lessonId: string, relative: string): string | null {
    try {
      return this.read(courseId, lessonId, relative);
    } catch {
      return null;
    }
  }

  private async startersOf(courseId: string, lessonId: string): Promise<readonly StarterFile[]> {
    const files = await this.starters(courseId, lessonId);
    if (!files) throw new DronaError('not_found', `Lesson ${courseId}/${lessonId} has no exercise, so it has no workspace.`);
    // Defence in depth: the course importer refuses bundles carrying tool configuration
    // (.git/config, .vscode/, sitecustomize.py …), and a course installed before that rule
    // existed must still not get such files into a folder where git or python would load them.
    return files.filter((file) => workspaceFileRefusal(file.path) === null);
  }

  private roleOf(starters: readonly StarterFile[], relative: string): FileRole {
    return starters.find((file) => file.path === relative)?.role ?? 'editable';
  }

  /** Creates the workspace from the starter files the first time; later, reads what is on disk. */
  async open(courseId: string, lessonId: string): Promise<Workspace> {
    const starters = await this.startersOf(courseId, lessonId);
    const root = this.rootOf(courseId, lessonId);
    if (!this.realRoot(courseId, lessonId, false)) {
      for (const starter of starters) this.writeFile(courseId, lessonId, starter.path, starter.content);
    }
    // A read-only or hidden file the learner cannot change comes back if it was removed.
    for (const starter of starters) {
      if (starter.role !== 'editable' && !this.exists(courseId, lessonId, starter.path)) this.writeFile(courseId, lessonId, starter.path, starter.content);
    }
    const files = this.listFiles(courseId, lessonId).map((entry) => ({ ...entry, role: this.roleOf(starters, entry.path) }));
    this.watcherFor(courseId, lessonId)?.remember(files);
    return { courseId, lessonId, root, files: sortFiles(files) };
  }

  private listFiles(courseId: string, lessonId: string): { path: string; content: string }[] {
    return this.listing.files(this.realRoot(courseId, lessonId, false));
  }

  /** Refuses a change after which the workspace's files would not fit workspaceLimits (and so could not run). */
  private mustFit(courseId: string, lessonId: string, change: { remove?: string; add: { path: string; content: string } }): void {
    this.listing.mustFit(this.realRoot(courseId, lessonId, false), change);
  }

  /** A draft (snapshot false) or a save (snapshot true: recorded when it differs from the last snapshot). */
  async write(
    courseId: string,
    lessonId: string,
    relative: string,
    content: string,
    snapshot: boolean,
    reason: WriteReason = 'save',
  ): Promise<{ savedAt: number; snapshotId: number | null }> {
    const starters = await this.startersOf(courseId, lessonId);
    if (this.roleOf(starters, relative) !== 'editable') {
      throw new DronaError('read_only', `${relative} is part of the exercise and cannot be changed.`);
    }
    this.mustFit(courseId, lessonId, { add: { path: relative, content } });
    // Run and Check save every file first, mostly unchanged: a durable write (fsync) of the same
    // text only delayed them (4 s on the first Check while Docker filled the disk, bench:sandbox).
    if (this.textOnDisk(courseId, lessonId, relative) !== content) this.writeTracked(courseId, lessonId, relative, content);
    const snapshotId = snapshot ? this.recordSnapshot(courseId, lessonId, relative, content, reason) : null;
    return { savedAt: this.now(), snapshotId };
  }

  /** Writes a file inside the workspace (through no link that leaves it); a failure is a save_failed error. */
  private writeFile(courseId: string, lessonId: string, relative: string, content: string): void {
    try {
      writeFileDurably(this.locate(courseId, lessonId, relative, true).real, content, this.io);
    } catch (error) {
      throw saveFailed(relative, error);
    }
  }

  private writeTracked(courseId: string, lessonId: string, relative: string, content: string): void {
    this.writeFile(courseId, lessonId, relative, content);
    this.watcherFor(courseId, lessonId)?.remember([{ path: relative, content }]);
  }

  /** Records a snapshot unless the text equals the file's latest one; returns its id or null. */
  recordSnapshot(courseId: string, lessonId: string, relative: string, content: string, reason: SnapshotSummary['reason']): number | null {
    return this.snapshots.record(courseId, lessonId, relative, content, reason);
  }

  history(courseId: string, lessonId: string, relative: string): SnapshotSummary[] {
    return this.snapshots.history(courseId, lessonId, relative);
  }

  snapshot(courseId: string, lessonId: string, id: number, current: string) {
    return this.snapshots.snapshot(courseId, lessonId, id, current);
  }

  async restore(courseId: string, lessonId: string, id: number): Promise<WorkspaceFile> {
    const row = this.snapshots.row(courseId, lessonId, id);
    const starters = await this.startersOf(courseId, lessonId);
    this.mustFit(courseId, lessonId, { add: { path: row.filePath, content: row.content } });
    if (this.exists(courseId, lessonId, row.filePath))
      this.recordSnapshot(courseId, lessonId, row.filePath, this.read(courseId, lessonId, row.filePath), 'restore');
    this.writeTracked(courseId, lessonId, row.filePath, row.content);
    this.recordSnapshot(courseId, lessonId, row.filePath, row.content, 'restore');
    return { path: row.filePath, content: row.content, role: this.roleOf(starters, row.filePath) };
  }

  /** Every starter file back as it was; the current text of each is kept as a snapshot first. */
  async reset(courseId: string, lessonId: string): Promise<Workspace> {
    const starters = await this.startersOf(courseId, lessonId);
    for (const starter of starters) {
      if (this.exists(courseId, lessonId, starter.path))
        this.recordSnapshot(courseId, lessonId, starter.path, this.read(courseId, lessonId, starter.path), 'reset');
      this.writeTracked(courseId, lessonId, starter.path, starter.content);
    }
    return this.open(courseId, lessonId);
  }

  async createFile(courseId: string, lessonId: string, relative: string): Promise<WorkspaceFile> {
    await this.startersOf(courseId, lessonId);
    if (this.exists(courseId, lessonId, relative)) throw new DronaError('conflict', `${relative} already exists; pick another name.`);
    this.mustFit(courseId, lessonId, { add: { path: relative, content: '' } });
    this.writeTracked(courseId, lessonId, relative, '');
    return { path: relative, content: '', role: 'editable' };
  }

  async rename(courseId: string, lessonId: string, from: string, to: string): Promise<WorkspaceFile> {
    const starters = await this.startersOf(courseId, lessonId);
    if (this.roleOf(starters, from) !== 'editable') {
      throw new DronaError('read_only', `${from} is part of the exercise and cannot be renamed.`);
    }
    const source = this.locate(courseId, lessonId, from);
    if (!lstatOrNull(source.file)) throw new DronaError('not_found', `${from} does not exist.`);
    if (this.exists(courseId, lessonId, to)) throw new DronaError('conflict', `${to} already exists; pick another name.`);
    const content = readRegular(source.real, from);
    this.mustFit(courseId, lessonId, { remove: from, add: { path: to, content } });
    const target = this.locate(courseId, lessonId, to, true);
    this.watcherFor(courseId, lessonId)?.remember([{ path: to, content }]);
    fs.renameSync(source.file, target.file);
    this.watcherFor(courseId, lessonId)?.forget(from);
    return { path: to, content, role: 'editable' };
  }

  /** Moves a file to the trash; nothing is destroyed. */
  async delete(courseId: string, lessonId: string, relative: string): Promise<TrashEntry> {
    const starters = await this.startersOf(courseId, lessonId);
    if (this.roleOf(starters, relative) !== 'editable') {
      throw new DronaError('read_only', `${relative} is part of the exercise and cannot be deleted.`);
    }
    const located = this.locate(courseId, lessonId, relative);
    if (!lstatOrNull(located.file)) throw new DronaError('not_found', `${relative} does not exist.`);
    const content = readRegular(located.real, relative);
    const entry = this.bin.keep(courseId, lessonId, relative, content);
    this.watcherFor(courseId, lessonId)?.forget(relative);
    fs.rmSync(located.file);
    return entry;
  }

  trash(courseId: string, lessonId: string): TrashEntry[] {
    return this.bin.list(courseId, lessonId);
  }

  /** Brings a trashed file back; if its name is taken meanwhile, under "name (restored)". */
  async restoreTrash(courseId: string, lessonId: string, id: string): Promise<WorkspaceFile> {
    await this.startersOf(courseId, lessonId);
    const found = this.bin.find(courseId, lessonId, id);
    if (!found) throw new DronaError('not_found', 'That file is no longer in the trash.');
    let target = found.entry.path;
    if (this.exists(courseId, lessonId, target)) {
      const ext = path.posix.extname(target);
      target = `${target.slice(0, target.length - ext.length)} (restored)${ext}`;
    }
    const content = this.bin.contentOf(found);
    this.mustFit(courseId, lessonId, { add: { path: target, content } });
    this.writeTracked(courseId, lessonId, target, content);
    this.bin.discard(found);
    return { path: target, content, role: 'editable' };
  }

  /** External edits of a watched workspace reach these listeners (one per app: the handlers route by window). */
  onExternalChange(listener: ExternalChangeListener): () => void {
    return this.watching.onExternalChange(listener);
  }

  private watcherFor(courseId: string, lessonId: string) {
    return this.watching.watcherFor(courseId, lessonId);
  }

  /** Starts watching a workspace (once, however many windows have it open); resolves when the watcher is ready. */
  watch(courseId: string, lessonId: string): Promise<void> {
    return this.watching.watch(courseId, lessonId);
  }

  unwatch(courseId: string, lessonId: string): Promise<void> {
    return this.watching.unwatch(courseId, lessonId);
  }

  /** A window opened a workspace: watch it and send that window its external edits. */
  view(sessionId: string, courseId: string, lessonId: string): Promise<void> {
    return this.watching.view(sessionId, courseId, lessonId);
  }

  leave(sessionId: string, courseId: string, lessonId: string): Promise<void> {
    return this.watching.leave(sessionId, courseId, lessonId);
  }

  viewersOf(courseId: string, lessonId: string): string[] {
    return this.watching.viewersOf(courseId, lessonId);
  }

  /** A window closed: it no longer views anything. */
  endSession(sessionId: string): Promise<void> {
    return this.watching.endSession(sessionId);
  }

  close(): Promise<void> {
    return this.watching.close();
  }
}
