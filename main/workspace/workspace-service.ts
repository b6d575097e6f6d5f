// A lesson's workspace: real files on disk under <dataDir>/workspaces/<course>/<lesson>/,
// created from the exercise's starter files. Snapshots live in SQLite (workspace_snapshots);
// deleted files go to <dataDir>/workspace-trash/<course>/<lesson>/<id>/ so they can come back.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { and, desc, eq } from 'drizzle-orm';
import { createTwoFilesPatch, diffLines } from 'diff';
import { DronaError, messageOf } from '../../preload/contract';
import { trashEntrySchema, type FileRole, type SnapshotSummary, type TrashEntry, type Workspace, type WorkspaceFile } from '../../preload/contract/workspace';
import { utf8Bytes, workspaceEntriesProblem, workspaceLimits, workspacePathProblem } from '../../preload/contract/workspace-limits';
import { workspaceFileRefusal } from '../courses/bundle/bundle-allow-list';
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

/** Folders a learner's tools create that are not the learner's work. */
const SKIPPED_DIRS = new Set(['node_modules', '__pycache__', '.pytest_cache', '.git', '.venv', '.mypy_cache']);
const TEMP_MARK = '.drona-tmp-';
/** Not on Windows, where links need privileges and the flag does not exist. */
const O_NOFOLLOW = fs.constants.O_NOFOLLOW ?? 0;

const digestOf = (text: string) => createHash('sha256').update(text).digest('hex');
const safeSegment = /^[a-z0-9][a-z0-9._-]*$/i;

export function isTempFile(file: string): boolean {
  return path.basename(file).includes(TEMP_MARK);
}

/** The write writeFileDurably makes, replaceable in tests to fail as a full disk does. */
export interface DurableWriteFs {
  /** fs.writeSync: returns how many bytes went out, which near a full disk may be fewer than asked. */
  writeSync(fd: number, buffer: Buffer, offset: number, length: number): number;
}
const realFs: DurableWriteFs = { writeSync: (fd, buffer, offset, length) => fs.writeSync(fd, buffer, offset, length) };

/**
 * Writes through a temp file and a rename, so a crash leaves either the old or the new text, never
 * half. Near a full disk write(2) writes part and returns its count (the next one fails with ENOSPC),
 * so it loops until every byte is out. On failure the temp file is removed, the old file is left as
 * it was, and the error is thrown. The temp file is never opened through a link; the file keeps its
 * permissions.
 */
export function writeFileDurably(file: string, content: string, io: DurableWriteFs = realFs): void {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}${TEMP_MARK}${randomBytes(4).toString('hex')}`);
  const existing = lstatOrNull(file);
  const mode = existing?.isFile() ? existing.mode & 0o777 : 0o600;
  const bytes = Buffer.from(content, 'utf8');
  const fd = fs.openSync(temp, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | O_NOFOLLOW, mode);
  try {
    try {
      for (let offset = 0; offset < bytes.length; ) {
        const written = io.writeSync(fd, bytes, offset, bytes.length - offset);
        if (written <= 0) throw Object.assign(new Error(`write of ${file} made no progress`), { code: 'ENOSPC' });
        offset += written;
      }
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}

function lstatOrNull(file: string): fs.Stats | null {
  try {
    return fs.lstatSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return null;
    throw error;
  }
}

function realpathOrNull(file: string): string | null {
  try {
    return fs.realpathSync(file);
  } catch {
    return null; // a dangling link or a loop: it leads nowhere inside
  }
}

const within = (root: string, file: string) => file === root || file.startsWith(root + path.sep);

const outsideLink = (shown: string) =>
  new DronaError('outside_workspace', `${shown} is a link to a place outside your lesson folder; Dronacharya does not follow it. Remove the link or copy the file in.`);

/** Reads a regular file without following a link at its end (a link swapped in after the checks is refused too). */
function readRegular(file: string, shown: string): string {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | O_NOFOLLOW);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') throw outsideLink(shown);
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new DronaError('not_found', `${shown} does not exist.`);
    throw error;
  }
  try {
    if (!fs.fstatSync(fd).isFile()) throw new DronaError('invalid_input', `${shown} is not a file.`);
    return fs.readFileSync(fd, 'utf8');
  } finally {
    fs.closeSync(fd);
  }
}

/** A failed save in words the learner can act on; the file on disk still holds what it held. */
function saveFailed(shown: string, error: unknown): DronaError {
  if (error instanceof DronaError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  const full = code === 'ENOSPC' || code === 'EDQUOT';
  const why = full
    ? 'the disk is full'
    : code === 'EACCES' || code === 'EPERM'
      ? 'Dronacharya may not write there'
      : code === 'EROFS'
        ? 'the disk is read-only'
        : messageOf(error);
  const next = full ? 'free some space, then save again' : 'save again';
  return new DronaError('save_failed', `${shown} was not saved: ${why}. The last saved version is unchanged; ${next}.`, { code });
}

/**
 * A chain of real folders under `base` (the data folder): none may be a link, which the terminal
 * could make to send the app's reads and writes elsewhere. Missing ones are made when `create`;
 * returns null when one is missing otherwise.
 */
function realFolder(base: string, parts: readonly string[], create: boolean): string | null {
  let dir = base;
  for (const part of parts) {
    dir = path.join(dir, part);
    const stat = lstatOrNull(dir);
    if (!stat) {
      if (!create) return null;
      fs.mkdirSync(dir, { mode: 0o700 });
    } else if (!stat.isDirectory()) {
      throw new DronaError('outside_workspace', `${dir} is a link or a file, not a folder; Dronacharya does not follow it.`);
    }
  }
  return fs.realpathSync(dir);
}

/** Where a workspace file is: `file` the entry itself, `real` what it holds (the same unless it is a link within the folder). */
interface Located {
  readonly file: string;
  readonly real: string;
}

/** The snapshots of one file of one lesson's workspace. */
const snapshotsOf = (courseId: string, lessonId: string, relative: string) =>
  and(eq(workspaceSnapshots.courseId, courseId), eq(workspaceSnapshots.lessonId, lessonId), eq(workspaceSnapshots.filePath, relative));

export class WorkspaceService {
  private readonly watchers = new Map<string, WorkspaceWatcher>();
  private readonly listeners = new Set<ExternalChangeListener>();
  /** Which windows have which workspace open: external edits go to those windows only. */
  private readonly viewers = new Map<string, Set<string>>();
  private readonly binaryFiles = new Map<string, { version: string; binary: boolean }>();

  constructor(
    private readonly store: Store,
    private readonly dataDir: string,
    private readonly starters: StarterSource,
    private readonly now: () => number = Date.now,
    /** How files are written; a test passes one that fails like a full disk. */
    private readonly io: DurableWriteFs = realFs,
  ) {}

  rootOf(courseId: string, lessonId: string): string {
    if (!safeSegment.test(courseId) || !safeSegment.test(lessonId)) {
      throw new DronaError('invalid_input', `"${courseId}/${lessonId}" is not a valid course and lesson id.`);
    }
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

  private trashFolder(courseId: string, lessonId: string, create: boolean): string | null {
    this.rootOf(courseId, lessonId);
    return realFolder(this.dataDir, ['workspace-trash', courseId, lessonId], create);
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

  /**
   * The learner's files as the editor and Run see them: regular text files only (never through a
   * link), within workspaceLimits, so what the workspace lists the sandbox always takes. Sizes
   * come from the disk; contents are not read (a draft is written several times a minute).
   */
  private listEntries(courseId: string, lessonId: string): { path: string; full: string; bytes: number }[] {
    const root = this.realRoot(courseId, lessonId, false);
    const found: { path: string; full: string; bytes: number }[] = [];
    let total = 0;
    const walk = (dir: string, prefix: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        if (found.length >= workspaceLimits.maxFiles) return;
        if (isTempFile(entry.name)) continue;
        const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
        if (workspacePathProblem(relative)) continue;
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) {
          if (!SKIPPED_DIRS.has(entry.name)) walk(full, relative);
          continue;
        }
        const stat = entry.isFile() ? lstatOrNull(full) : null;
        if (!stat?.isFile() || stat.size > workspaceLimits.maxFileBytes || total + stat.size > workspaceLimits.maxTotalBytes || this.isBinary(full, stat)) continue;
        total += stat.size;
        found.push({ path: relative, full, bytes: stat.size });
      }
    };
    if (root) walk(root, '');
    return found;
  }

  /** looksBinary, remembered per file version: every draft save lists the workspace. */
  private isBinary(file: string, stat: fs.Stats): boolean {
    const version = `${stat.ino}:${stat.size}:${stat.mtimeMs}`;
    const known = this.binaryFiles.get(file);
    if (known?.version === version) return known.binary;
    if (this.binaryFiles.size > 10_000) this.binaryFiles.clear();
    const binary = looksBinary(file);
    this.binaryFiles.set(file, { version, binary });
    return binary;
  }

  private listFiles(courseId: string, lessonId: string): { path: string; content: string }[] {
    const files: { path: string; content: string }[] = [];
    let total = 0;
    for (const entry of this.listEntries(courseId, lessonId)) {
      let content: string;
      try {
        content = readRegular(entry.full, entry.path);
      } catch {
        continue; // removed, or swapped for a link, since it was listed
      }
      // Bytes that are not UTF-8 grow when decoded: the text, not the file, is what Run sends.
      const bytes = utf8Bytes(content);
      if (bytes > workspaceLimits.maxFileBytes || total + bytes > workspaceLimits.maxTotalBytes) continue;
      total += bytes;
      files.push({ path: entry.path, content });
    }
    return files;
  }

  /** Refuses a change after which the workspace's files would not fit workspaceLimits (and so could not run). */
  private mustFit(courseId: string, lessonId: string, change: { remove?: string; add: { path: string; content: string } }): void {
    const entries = this.listEntries(courseId, lessonId)
      .filter((entry) => entry.path !== change.remove && entry.path !== change.add.path)
      .map(({ path, bytes }) => ({ path, bytes }));
    entries.push({ path: change.add.path, bytes: utf8Bytes(change.add.content) });
    const problem = workspaceEntriesProblem(entries);
    if (problem) throw new DronaError('too_large', problem);
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
    this.mustFit(courseId, lessonId, { add: { path: relative, content } });
    this.writeTracked(courseId, lessonId, relative, content);
    const snapshotId = snapshot ? this.recordSnapshot(courseId, lessonId, relative, content, 'save') : null;
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
    this.mustFit(courseId, lessonId, { add: { path: row.filePath, content: row.content } });
    if (this.exists(courseId, lessonId, row.filePath)) this.recordSnapshot(courseId, lessonId, row.filePath, this.read(courseId, lessonId, row.filePath), 'restore');
    this.writeTracked(courseId, lessonId, row.filePath, row.content);
    this.recordSnapshot(courseId, lessonId, row.filePath, row.content, 'restore');
    return { path: row.filePath, content: row.content, role: this.roleOf(starters, row.filePath) };
  }

  /** Every starter file back as it was; the current text of each is kept as a snapshot first. */
  async reset(courseId: string, lessonId: string): Promise<Workspace> {
    const starters = await this.startersOf(courseId, lessonId);
    for (const starter of starters) {
      if (this.exists(courseId, lessonId, starter.path)) this.recordSnapshot(courseId, lessonId, starter.path, this.read(courseId, lessonId, starter.path), 'reset');
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
    const entry: TrashEntry = { id: `${this.now()}-${randomBytes(3).toString('hex')}`, path: relative, deletedAt: this.now() };
    const dir = realFolder(this.trashFolder(courseId, lessonId, true)!, [entry.id], true)!;
    try {
      writeFileDurably(path.join(dir, 'content'), content, this.io);
      writeFileDurably(path.join(dir, 'entry.json'), JSON.stringify(entry), this.io);
    } catch (error) {
      fs.rmSync(dir, { recursive: true, force: true });
      throw saveFailed(`The trash copy of ${relative}`, error);
    }
    this.watcherFor(courseId, lessonId)?.forget(relative);
    fs.rmSync(located.file);
    return entry;
  }

  /** One trash entry, read without following links (the trash folder is the learner's to change too). */
  private trashEntry(courseId: string, lessonId: string, id: string): { dir: string; entry: TrashEntry } | null {
    if (!safeSegment.test(id)) throw new DronaError('invalid_input', `"${id}" is not a trash entry id.`);
    const root = this.trashFolder(courseId, lessonId, false);
    const dir = root && realFolder(root, [id], false);
    if (!dir || !lstatOrNull(path.join(dir, 'entry.json'))) return null;
    const parsed = trashEntrySchema.safeParse(JSON.parse(readRegular(path.join(dir, 'entry.json'), `trash entry ${id}`)));
    return parsed.success ? { dir, entry: parsed.data } : null;
  }

  trash(courseId: string, lessonId: string): TrashEntry[] {
    const root = this.trashFolder(courseId, lessonId, false);
    if (!root) return [];
    const entries: TrashEntry[] = [];
    for (const id of fs.readdirSync(root)) {
      try {
        const found = this.trashEntry(courseId, lessonId, id);
        if (found) entries.push(found.entry);
      } catch {
        // not an entry of ours (a link, a stray file, broken JSON): not shown, not followed
      }
    }
    return entries.sort((a, b) => b.deletedAt - a.deletedAt);
  }

  /** Brings a trashed file back; if its name is taken meanwhile, under "name (restored)". */
  async restoreTrash(courseId: string, lessonId: string, id: string): Promise<WorkspaceFile> {
    await this.startersOf(courseId, lessonId);
    const found = this.trashEntry(courseId, lessonId, id);
    if (!found) throw new DronaError('not_found', 'That file is no longer in the trash.');
    let target = found.entry.path;
    if (this.exists(courseId, lessonId, target)) {
      const ext = path.posix.extname(target);
      target = `${target.slice(0, target.length - ext.length)} (restored)${ext}`;
    }
    const content = readRegular(path.join(found.dir, 'content'), found.entry.path);
    this.mustFit(courseId, lessonId, { add: { path: target, content } });
    this.writeTracked(courseId, lessonId, target, content);
    fs.rmSync(found.dir, { recursive: true, force: true });
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
    const root = this.realRoot(courseId, lessonId, true)!;
    const watcher = new WorkspaceWatcher(root, (relative, content) => {
      if (content !== null) this.recordSnapshot(courseId, lessonId, relative, content, 'external');
      for (const listener of this.listeners) listener({ courseId, lessonId, path: relative, content });
    });
    this.watchers.set(key, watcher);
    watcher.remember(this.listFiles(courseId, lessonId));
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
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | O_NOFOLLOW);
  } catch {
    return true; // gone, or a link swapped in: not listed
  }
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
