// One set of limits for a lesson's workspace, shared by the workspace service (what it writes
// and lists), the sandbox (what Run and Check put into the container) and the contract (the Run
// and Check payloads): a workspace the editor accepts always runs, and a payload no workspace
// could hold never reaches the sandbox.
import { z } from 'zod';

export const workspaceLimits = {
  /** Files in one workspace, and in one Run or Check. */
  maxFiles: 200,
  /** One file's text, in UTF-8 bytes. */
  maxFileBytes: 1_000_000,
  /** All files together, in UTF-8 bytes: the sandbox's 16 MiB work dir also holds tests, harness and output. */
  maxTotalBytes: 8_000_000,
  /** One file or folder name, in UTF-8 bytes (a tar header's name field holds 100). */
  maxNameBytes: 100,
  /** A whole path, in UTF-8 bytes (a ustar header holds 155 + 100 split at a "/": 150 always fits). */
  maxPathBytes: 150,
  /** Names in a path: "a/b/c.py" is 3. */
  maxPathDepth: 8,
} as const;

/**
 * What a text takes on disk in UTF-8 (a lone surrogate becomes U+FFFD, 3 bytes, as when Node
 * writes it), counted without encoding a copy: a Run or a socket message may be megabytes.
 */
export function utf8Bytes(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 2; // a surrogate pair: 4 bytes for 2 units
      i++;
    } else if (code >= 0x800) bytes += 2;
    else if (code >= 0x80) bytes += 1;
  }
  return bytes;
}

/**
 * utf8Bytes, or the text's length when that alone is past the file limit: a UTF-16 length never
 * exceeds the UTF-8 size, so an oversized payload is refused without encoding it.
 */
const contentBytes = (text: string) => (text.length > workspaceLimits.maxFileBytes ? text.length : utf8Bytes(text));

const formatBytes = (bytes: number) => (bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(1)} MB` : `${Math.ceil(bytes / 1000)} KB`);

/** Why `path` cannot be a workspace file's path, or null when it can. Pure. */
export function workspacePathProblem(path: string): string | null {
  if (path.length === 0) return 'A file path cannot be empty.';
  if (path.startsWith('/') || path.includes('\\')) return `"${path}" must be a relative path with "/" between names.`;
  if ([...path].some((char) => char.charCodeAt(0) < 0x20 || char === '\u007f')) return `"${path}" contains a control character.`;
  if (/[\uD800-\uDFFF]/u.test(path)) return `"${path}" contains a broken character (a lone surrogate).`;
  const parts = path.split('/');
  if (parts.some((part) => part === '' || part === '.' || part === '..')) return `"${path}" must stay in the lesson folder: no empty, "." or ".." parts.`;
  if (parts.length > workspaceLimits.maxPathDepth)
    return `"${path}" is ${parts.length} folders deep; at most ${workspaceLimits.maxPathDepth} names fit in a path.`;
  const long = parts.find((part) => utf8Bytes(part) > workspaceLimits.maxNameBytes);
  if (long) return `The name "${long}" is longer than ${workspaceLimits.maxNameBytes} bytes.`;
  if (utf8Bytes(path) > workspaceLimits.maxPathBytes) return `"${path}" is longer than ${workspaceLimits.maxPathBytes} bytes.`;
  return null;
}

/** Why a file of this many UTF-8 bytes is too big for a workspace, or null. Pure. */
export function workspaceFileSizeProblem(path: string, bytes: number): string | null {
  if (bytes <= workspaceLimits.maxFileBytes) return null;
  return `${path} is ${formatBytes(bytes)}; a workspace file may hold at most ${formatBytes(workspaceLimits.maxFileBytes)}.`;
}

/** Why these paths cannot sit side by side on disk (one path twice, or "a" a file with "a/b" under it), or null. Pure. */
export function workspaceLayoutProblem(paths: readonly string[]): string | null {
  const seen = new Set<string>();
  for (const path of paths) {
    if (seen.has(path)) return `"${path}" appears twice.`;
    seen.add(path);
  }
  for (const path of paths) {
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i += 1) {
      const folder = parts.slice(0, i).join('/');
      if (seen.has(folder)) return `"${folder}" is a file, so "${path}" cannot be inside it.`;
    }
  }
  return null;
}

/**
 * Why files of these paths and sizes cannot be one workspace, or null: the rule the workspace
 * service (on every change) and the sandbox (on every Run and Check) both apply. Pure.
 */
export function workspaceEntriesProblem(entries: readonly { readonly path: string; readonly bytes: number }[]): string | null {
  for (const entry of entries) {
    const problem = workspacePathProblem(entry.path) ?? workspaceFileSizeProblem(entry.path, entry.bytes);
    if (problem) return problem;
  }
  if (entries.length > workspaceLimits.maxFiles) return `A workspace may hold at most ${workspaceLimits.maxFiles} files (this would be ${entries.length}).`;
  const total = entries.reduce((sum, entry) => sum + entry.bytes, 0);
  if (total > workspaceLimits.maxTotalBytes) {
    return `A workspace may hold at most ${formatBytes(workspaceLimits.maxTotalBytes)} of files (this would be ${formatBytes(total)}).`;
  }
  return workspaceLayoutProblem(entries.map((entry) => entry.path));
}

/** workspaceEntriesProblem for files with their text. Pure. */
export const workspaceFilesProblem = (files: readonly { readonly path: string; readonly content: string }[]) =>
  workspaceEntriesProblem(files.map((file) => ({ path: file.path, bytes: contentBytes(file.content) })));

export const workspacePathSchema = z.string().superRefine((path, ctx) => {
  const problem = workspacePathProblem(path);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

export const workspaceFileContentSchema = z.string().superRefine((content, ctx) => {
  const problem = workspaceFileSizeProblem('The file', contentBytes(content));
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

/** A Run or Check payload: one or more files that fit in a workspace. */
export const workspaceFileListSchema = z
  .array(z.object({ path: z.string(), content: z.string() }))
  .min(1)
  .superRefine((files, ctx) => {
    const problem = workspaceFilesProblem(files);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
