// File-system safety for lesson workspaces: durable writes, reads that never follow a link at
// their end, and folder chains checked to be real folders (a link made in the terminal could
// otherwise send the app's reads and writes outside the data folder).
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DronaError, messageOf } from '../../preload/contract/errors';

const TEMP_MARK = '.drona-tmp-';
/** Not on Windows, where links need privileges and the flag does not exist. */
export const O_NOFOLLOW = fs.constants.O_NOFOLLOW ?? 0;

export const digestOf = (text: string) => createHash('sha256').update(text).digest('hex');
export const safeSegment = /^[a-z0-9][a-z0-9._-]*$/i;

/** Checks a course and lesson id can be a folder name (no `..`, no separators). */
export function checkLessonIds(courseId: string, lessonId: string): void {
  if (!safeSegment.test(courseId) || !safeSegment.test(lessonId)) {
    throw new DronaError('invalid_input', `"${courseId}/${lessonId}" is not a valid course and lesson id.`);
  }
}

export function isTempFile(file: string): boolean {
  return path.basename(file).includes(TEMP_MARK);
}

/** The write writeFileDurably makes, replaceable in tests to fail as a full disk does. */
export interface DurableWriteFs {
  /** fs.writeSync: returns how many bytes went out, which near a full disk may be fewer than asked. */
  writeSync(fd: number, buffer: Buffer, offset: number, length: number): number;
}
export const realFs: DurableWriteFs = { writeSync: (fd, buffer, offset, length) => fs.writeSync(fd, buffer, offset, length) };

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
      for (let offset = 0; offset < bytes.length;) {
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

export function lstatOrNull(file: string): fs.Stats | null {
  try {
    return fs.lstatSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return null;
    throw error;
  }
}

export function realpathOrNull(file: string): string | null {
  try {
    return fs.realpathSync(file);
  } catch {
    return null; // a dangling link or a loop: it leads nowhere inside
  }
}

export const within = (root: string, file: string) => file === root || file.startsWith(root + path.sep);

export const outsideLink = (shown: string) =>
  new DronaError(
    'outside_workspace',
    `${shown} is a link to a place outside your lesson folder; Dronacharya does not follow it. Remove the link or copy the file in.`,
  );

/** Reads a regular file without following a link at its end (a link swapped in after the checks is refused too). */
export function readRegular(file: string, shown: string): string {
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
export function saveFailed(shown: string, error: unknown): DronaError {
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
export function realFolder(base: string, parts: readonly string[], create: boolean): string | null {
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

export function looksBinary(file: string): boolean {
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
export function sortFiles<T extends { path: string }>(files: T[]): T[] {
  return files.sort((a, b) => {
    const depth = a.path.split('/').length - b.path.split('/').length;
    return depth !== 0 ? depth : a.path.localeCompare(b.path);
  });
}
