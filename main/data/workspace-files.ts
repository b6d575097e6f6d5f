// The current files of every lesson workspace (<dataDir>/workspaces/<course>/<lesson>/...), found
// without following links: a link the learner (or a course's code in the terminal) made must not
// pull files from outside the data folder into an export.
import fs from 'node:fs';
import path from 'node:path';
import { isTempFile, O_NOFOLLOW } from '../workspace/workspace-fs';

/** Folders a learner's tools create that are not the learner's work (as the workspace lists them). */
const SKIPPED_DIRS = new Set(['node_modules', '__pycache__', '.pytest_cache', '.git', '.venv', '.mypy_cache']);

export interface WorkspaceFile {
  /** Inside the zip: workspaces/<course>/<lesson>/<path>. */
  readonly name: string;
  readonly full: string;
}

export interface WorkspaceScan {
  readonly files: WorkspaceFile[];
  /** Links and other non-regular entries left out, as paths under workspaces/. */
  readonly skipped: string[];
}

export function scanWorkspaces(dataDir: string): WorkspaceScan {
  const files: WorkspaceFile[] = [];
  const skipped: string[] = [];
  const walk = (dir: string, prefix: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const name = `${prefix}/${entry.name}`;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) walk(full, name);
      } else if (entry.isFile()) {
        if (!isTempFile(entry.name)) files.push({ name, full });
      } else skipped.push(name);
    }
  };
  const root = path.join(dataDir, 'workspaces');
  const stat = fs.lstatSync(root, { throwIfNoEntry: false });
  if (stat?.isDirectory()) walk(root, 'workspaces');
  else if (stat) skipped.push('workspaces');
  return { files: files.sort((a, b) => a.name.localeCompare(b.name)), skipped };
}

/** The file's bytes, never through a link (one swapped in since the scan fails with ELOOP). */
export function readNoFollow(file: string): Buffer {
  const fd = fs.openSync(file, fs.constants.O_RDONLY | O_NOFOLLOW);
  try {
    if (!fs.fstatSync(fd).isFile()) throw new Error(`${file} is not a regular file`);
    return fs.readFileSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
