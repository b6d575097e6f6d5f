// A lesson's workspace: real files on disk under <dataDir>/workspaces/<course>/<lesson>/,
// created from the exercise's starter files. Snapshots live in SQLite (workspace_snapshots);
// deleted files go to <dataDir>/workspace-trash/<course>/<lesson>/<id>/ so they can come back.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { and, desc, eq } from 'drizzle-orm';
import { createTwoFilesPatch, diffLines } from 'diff';
import { DronaError } from '../../preload/contract';
import type { FileRole, SnapshotSummary, TrashEntry, Workspace, WorkspaceFile } from '../../preload/contract/workspace';
import { workspaceFileRefusal } from '../courses/bundle-allow-list';
import type { Store } from '../store/open-store';
import { workspaceSnapshots } from '../store/schema';
import { WorkspaceWatcher } from './workspace-watcher';

export interface StarterFile {
  readonly path: string;
  readonly content: string;
  readonly role: FileRole;
}

/** Where starter files come from (the course service in the app, a fake in tests). */
export type StarterSource = (courseId: string, lessonId: string) => Promise<readonly StarterFile[] | null>;

export type ExternalChangeListener = (change: { courseId: string; lessonId: string; path: string; content: string | null }) => void;

const MAX_FILE_BYTES = 1_000_000;
const MAX_FILES = 200;
/** Folders a learner's tools create that are not the learner's work. */
const SKIPPED_DIRS = new Set(['node_modules', '__pycache__', '.pytest_cache', '.git', '.venv', '.mypy_cache']);
const TEMP_MARK = '.drona-tmp-';

const digestOf = (text: string) => createHash('sha256').update(text).digest('hex');
const safeSegment = /^[a-z0-9][a-z0-9._-]*$/i;

export function isTempFile(file: string): boolean {
  return path.basename(file).includes(TEMP_MARK);
}

/** Writes through a temp file and a rename, so a crash leaves either the old or the new text, never half. */
export function writeFileDurably(file: string, content: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = path.join(path.dirname(file), `.${path.basename(file)}${TEMP_MARK}${randomBytes(4).toString('hex')}`);
  const fd = fs.openSync(temp, 'w');
  try {
    fs.writeSync(fd, content);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temp, file);
}

/** The snapshots of one file of one lesson's workspace. */
const snapshotsOf = (courseId: string, lessonId: string, relative: string) =>
  and(eq(workspaceSnapshots.courseId, courseId), eq(workspaceSnapshots.lessonId, lessonId), eq(workspaceSnapshots.filePath, relative));

export class WorkspaceService {
  private readonly watchers = new Map<string, WorkspaceWatcher>();
  private readonly listeners = new Set<ExternalChangeListener>();
  /** Which windows have which workspace open: external edits go to those windows only. */
  private readonly viewers = new Map<string, Set<string>>();

  constructor(
    private readonly store: Store,
    private readonly dataDir: string,
    private readonly starters: StarterSource,
    private readonly now: () => number = Date.now,
  ) {}

  rootOf(courseId: string, lessonId: string): string {
    if (!safeSegment.test(courseId) || !safeSegment.test(lessonId)) {
      throw new DronaError('invalid_input', `"${courseId}/${lessonId}" is not a valid course and lesson id.`);
    }
    return path.join(this.dataDir, 'workspaces', courseId, lessonId);
  }

  private trashRoot(courseId: string, lessonId: string): string {
    return path.join(this.dataDir, 'workspace-trash', courseId, lessonId);
  }

  private fileOf(courseId: string, lessonId: string, relative: string): string {
    const root = this.rootOf(courseId, lessonId);
    const file = path.resolve(root, ...relative.split('/'));
    if (!file.startsWith(root + path.sep)) throw new DronaError('invalid_input', `"${relative}" is outside the workspace.`);
    return file;
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
    if (!fs.existsSync(root)) {
      for (const starter of starters) writeFileDurably(this.fileOf(courseId, lessonId, starter.path), starter.content);
    }
    // A read-only or hidden file the learner cannot change comes back if it was removed.
    for (const starter of starters) {
      const file = this.fileOf(courseId, lessonId, starter.path);
      if (starter.role !== 'editable' && !fs.existsSync(file)) writeFileDurably(file, starter.content);
    }
    const files = this.listFiles(root).map((relative) => ({
      path: relative,
      content: fs.readFileSync(this.fileOf(courseId, lessonId, relative), 'utf8'),
      role: this.roleOf(starters, relative),
    }));
    this.watcherFor(courseId, lessonId)?.remember(files);
    return { courseId, lessonId, root, files: sortFiles(files) };
  }

  private listFiles(root: string): string[] {
    const found: string[] = [];
    const walk = (dir: string, prefix: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        if (found.length >= MAX_FILES) return;
        if (isTempFile(entry.name)) continue;
        const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) {
          if (!SKIPPED_DIRS.has(entry.name)) walk(full, relative);
        } else if (entry.isFile() && fs.statSync(full).size <= MAX_FILE_BYTES && !looksBinary(full)) {
          found.push(relative);
        }
      }
    };
    if (fs.existsSync(root)) walk(root, '');
    return found;
  }

  /** A draft (snapshot false) or a save (snapshot true: recorded when it differs from the last snapshot). */
  async write(
    courseId: string,
    lessonId: string,
    relative: string,
    content: string,
    snapshot: boolean,
  ): Promise<{ savedAt: number; snapshotId: number | null }> {
    const starters = await this.startersOf(courseId, lessonId);
    if (this.roleOf(starters, relative) !== 'editable') {
      throw new DronaError('read_only', `${relative} is part of the exercise and cannot be changed.`);
    }
    this.writeTracked(courseId, lessonId, relative, content);
    const snapshotId = snapshot ? this.recordSnapshot(courseId, lessonId, relative, content, 'save') : null;
    return { savedAt: this.now(), snapshotId };
  }

  private writeTracked(courseId: string, lessonId: string, relative: string, content: string): void {
    this.watcherFor(courseId, lessonId)?.remember([{ path: relative, content }]);
    writeFileDurably(this.fileOf(courseId, lessonId, relative), content);
  }

  /** Records a snapshot unless the text equals the file's latest one; returns its id or null. */
  recordSnapshot(
    courseId: string,
    lessonId: string,
    relative: string,
    content: string,
    reason: SnapshotSummary['reason'],
  ): number | null {
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

  private snapshotRow(courseId: string, lessonId: string, id: number) {
    const row = this.store.db
      .select()
      .from(workspaceSnapshots)
      .where(and(eq(workspaceSnapshots.id, id), eq(workspaceSnapshots.courseId, courseId), eq(workspaceSnapshots.lessonId, lessonId)))
      .get();
    if (!row) throw new DronaError('not_found', `Snapshot ${id} does not exist in this lesson's history.`);
    return row;
  }

  snapshot(courseId: string, lessonId: string, id: number, current: string) {
    const row = this.snapshotRow(courseId, lessonId, id);
    const patch = createTwoFilesPatch(`${row.filePath} (snapshot)`, `${row.filePath} (now)`, row.content, current, '', '', {
      context: 3,
    });
    return { id: row.id, path: row.filePath, content: row.content, createdAt: row.createdAt, patch };
  }

  async restore(courseId: string, lessonId: string, id: number): Promise<WorkspaceFile> {
    const row = this.snapshotRow(courseId, lessonId, id);
    const starters = await this.startersOf(courseId, lessonId);
    const file = this.fileOf(courseId, lessonId, row.filePath);
    if (fs.existsSync(file)) this.recordSnapshot(courseId, lessonId, row.filePath, fs.readFileSync(file, 'utf8'), 'restore');
    this.writeTracked(courseId, lessonId, row.filePath, row.content);
    this.recordSnapshot(courseId, lessonId, row.filePath, row.content, 'restore');
    return { path: row.filePath, content: row.content, role: this.roleOf(starters, row.filePath) };
  }

  /** Every starter file back as it was; the current text of each is kept as a snapshot first. */
  async reset(courseId: string, lessonId: string): Promise<Workspace> {
    const starters = await this.startersOf(courseId, lessonId);
    for (const starter of starters) {
      const file = this.fileOf(courseId, lessonId, starter.path);
      if (fs.existsSync(file)) this.recordSnapshot(courseId, lessonId, starter.path, fs.readFileSync(file, 'utf8'), 'reset');
      this.writeTracked(courseId, lessonId, starter.path, starter.content);
    }
    return this.open(courseId, lessonId);
  }

  async createFile(courseId: string, lessonId: string, relative: string): Promise<WorkspaceFile> {
    await this.startersOf(courseId, lessonId);
    const file = this.fileOf(courseId, lessonId, relative);
    if (fs.existsSync(file)) throw new DronaError('conflict', `${relative} already exists; pick another name.`);
    this.writeTracked(courseId, lessonId, relative, '');
    return { path: relative, content: '', role: 'editable' };
  }

  async rename(courseId: string, lessonId: string, from: string, to: string): Promise<WorkspaceFile> {
    const starters = await this.startersOf(courseId, lessonId);
    if (this.roleOf(starters, from) !== 'editable') {
      throw new DronaError('read_only', `${from} is part of the exercise and cannot be renamed.`);
    }
    const source = this.fileOf(courseId, lessonId, from);
    const target = this.fileOf(courseId, lessonId, to);
    if (!fs.existsSync(source)) throw new DronaError('not_found', `${from} does not exist.`);
    if (fs.existsSync(target)) throw new DronaError('conflict', `${to} already exists; pick another name.`);
    const content = fs.readFileSync(source, 'utf8');
    this.watcherFor(courseId, lessonId)?.remember([{ path: to, content }]);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.renameSync(source, target);
    this.watcherFor(courseId, lessonId)?.forget(from);
    return { path: to, content, role: 'editable' };
  }

  /** Moves a file to the trash; nothing is destroyed. */
  async delete(courseId: string, lessonId: string, relative: string): Promise<TrashEntry> {
    const starters = await this.startersOf(courseId, lessonId);
    if (this.roleOf(starters, relative) !== 'editable') {
      throw new DronaError('read_only', `${relative} is part of the exercise and cannot be deleted.`);
    }
    const file = this.fileOf(courseId, lessonId, relative);
    if (!fs.existsSync(file)) throw new DronaError('not_found', `${relative} does not exist.`);
    const entry: TrashEntry = { id: `${this.now()}-${randomBytes(3).toString('hex')}`, path: relative, deletedAt: this.now() };
    const dir = path.join(this.trashRoot(courseId, lessonId), entry.id);
    fs.mkdirSync(dir, { recursive: true });
    fs.copyFileSync(file, path.join(dir, 'content'));
    writeFileDurably(path.join(dir, 'entry.json'), JSON.stringify(entry));
    this.watcherFor(courseId, lessonId)?.forget(relative);
    fs.rmSync(file);
    return entry;
  }

  trash(courseId: string, lessonId: string): TrashEntry[] {
    const root = this.trashRoot(courseId, lessonId);
    if (!fs.existsSync(root)) return [];
    const entries: TrashEntry[] = [];
    for (const id of fs.readdirSync(root)) {
      const meta = path.join(root, id, 'entry.json');
      if (fs.existsSync(meta)) entries.push(JSON.parse(fs.readFileSync(meta, 'utf8')) as TrashEntry);
    }
    return entries.sort((a, b) => b.deletedAt - a.deletedAt);
  }

  /** Brings a trashed file back; if its name is taken meanwhile, under "name (restored)". */
  async restoreTrash(courseId: string, lessonId: string, id: string): Promise<WorkspaceFile> {
    await this.startersOf(courseId, lessonId);
    if (!safeSegment.test(id)) throw new DronaError('invalid_input', `"${id}" is not a trash entry id.`);
    const dir = path.join(this.trashRoot(courseId, lessonId), id);
    if (!fs.existsSync(path.join(dir, 'entry.json'))) throw new DronaError('not_found', 'That file is no longer in the trash.');
    const entry = JSON.parse(fs.readFileSync(path.join(dir, 'entry.json'), 'utf8')) as TrashEntry;
    let target = entry.path;
    if (fs.existsSync(this.fileOf(courseId, lessonId, target))) {
      const ext = path.posix.extname(target);
      target = `${target.slice(0, target.length - ext.length)} (restored)${ext}`;
    }
    const content = fs.readFileSync(path.join(dir, 'content'), 'utf8');
    this.writeTracked(courseId, lessonId, target, content);
    fs.rmSync(dir, { recursive: true, force: true });
    return { path: target, content, role: 'editable' };
  }

  /** External edits of a watched workspace reach these listeners (one per app: the handlers route by window). */
  onExternalChange(listener: ExternalChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private watcherFor(courseId: string, lessonId: string): WorkspaceWatcher | undefined {
    return this.watchers.get(`${courseId}/${lessonId}`);
  }

  /** Starts watching a workspace (once, however many windows have it open); resolves when the watcher is ready. */
  async watch(courseId: string, lessonId: string): Promise<void> {
    const key = `${courseId}/${lessonId}`;
    if (this.watchers.has(key)) return;
    const root = this.rootOf(courseId, lessonId);
    const watcher = new WorkspaceWatcher(root, (relative, content) => {
      if (content !== null) this.recordSnapshot(courseId, lessonId, relative, content, 'external');
      for (const listener of this.listeners) listener({ courseId, lessonId, path: relative, content });
    });
    this.watchers.set(key, watcher);
    watcher.remember(this.listFiles(root).map((relative) => ({ path: relative, content: fs.readFileSync(path.join(root, relative), 'utf8') })));
    await watcher.start();
  }

  async unwatch(courseId: string, lessonId: string): Promise<void> {
    const key = `${courseId}/${lessonId}`;
    const watcher = this.watchers.get(key);
    this.watchers.delete(key);
    await watcher?.close();
  }

  /** A window opened a workspace: watch it and send that window its external edits. */
  async view(sessionId: string, courseId: string, lessonId: string): Promise<void> {
    const key = `${courseId}/${lessonId}`;
    const sessions = this.viewers.get(key) ?? new Set<string>();
    sessions.add(sessionId);
    this.viewers.set(key, sessions);
    await this.watch(courseId, lessonId);
  }

  async leave(sessionId: string, courseId: string, lessonId: string): Promise<void> {
    const key = `${courseId}/${lessonId}`;
    const sessions = this.viewers.get(key);
    sessions?.delete(sessionId);
    if (sessions && sessions.size === 0) {
      this.viewers.delete(key);
      await this.unwatch(courseId, lessonId);
    }
  }

  viewersOf(courseId: string, lessonId: string): string[] {
    return [...(this.viewers.get(`${courseId}/${lessonId}`) ?? [])];
  }

  /** A window closed: it no longer views anything. */
  async endSession(sessionId: string): Promise<void> {
    for (const key of [...this.viewers.keys()]) {
      const [courseId, lessonId] = key.split('/') as [string, string];
      if (this.viewers.get(key)?.has(sessionId)) await this.leave(sessionId, courseId, lessonId);
    }
  }

  async close(): Promise<void> {
    this.viewers.clear();
    const all = [...this.watchers.values()];
    this.watchers.clear();
    await Promise.all(all.map((watcher) => watcher.close()));
  }
}

function looksBinary(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(1024);
    const read = fs.readSync(fd, buffer, 0, 1024, 0);
    return buffer.subarray(0, read).includes(0);
  } finally {
    fs.closeSync(fd);
  }
}

/** Top-level files first, then by path: the order a file tree shows. */
function sortFiles<T extends { path: string }>(files: T[]): T[] {
  return files.sort((a, b) => {
    const depth = a.path.split('/').length - b.path.split('/').length;
    return depth !== 0 ? depth : a.path.localeCompare(b.path);
  });
}
