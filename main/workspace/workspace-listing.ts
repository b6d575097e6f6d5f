// What a lesson folder holds as the editor and Run see it: regular text files only, within
// workspaceLimits, found without following links.
import fs from 'node:fs';
import path from 'node:path';
import { DronaError } from '../../preload/contract/errors';
import { utf8Bytes, workspaceEntriesProblem, workspaceLimits, workspacePathProblem } from '../../preload/contract/workspace-limits';
import { isTempFile, looksBinary, lstatOrNull, readRegular } from './workspace-fs';

/** Folders a learner's tools create that are not the learner's work. */
const SKIPPED_DIRS = new Set(['node_modules', '__pycache__', '.pytest_cache', '.git', '.venv', '.mypy_cache']);

export interface ListedEntry {
  readonly path: string;
  readonly full: string;
  readonly bytes: number;
}

/** Lists lesson folders; `root` is the folder's checked real path, or null when it does not exist yet. */
export class WorkspaceListing {
  private readonly binaryFiles = new Map<string, { version: string; binary: boolean }>();

  /**
   * The learner's files as the editor and Run see them: regular text files only (never through a
   * link), within workspaceLimits, so what the workspace lists the sandbox always takes. Sizes
   * come from the disk; contents are not read (a draft is written several times a minute).
   */
  entries(root: string | null): ListedEntry[] {
    const found: ListedEntry[] = [];
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
        if (!stat?.isFile() || stat.size > workspaceLimits.maxFileBytes || total + stat.size > workspaceLimits.maxTotalBytes || this.isBinary(full, stat))
          continue;
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

  files(root: string | null): { path: string; content: string }[] {
    const files: { path: string; content: string }[] = [];
    let total = 0;
    for (const entry of this.entries(root)) {
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
  mustFit(root: string | null, change: { remove?: string; add: { path: string; content: string } }): void {
    const entries = this.entries(root)
      .filter((entry) => entry.path !== change.remove && entry.path !== change.add.path)
      .map(({ path, bytes }) => ({ path, bytes }));
    entries.push({ path: change.add.path, bytes: utf8Bytes(change.add.content) });
    const problem = workspaceEntriesProblem(entries);
    if (problem) throw new DronaError('too_large', problem);
  }
}
