// A course bundle as bytes in memory, keyed by POSIX path relative to the course folder. The
// loader and validator work on this, whether the bundle came from a folder or a .drona file.
import fs from 'node:fs';
import path from 'node:path';
import { folderRefusal } from './bundle-allow-list';

export type BundleFiles = Map<string, Buffer>;

export interface BundleProblem {
  /** Path inside the bundle ('' for the bundle as a whole). */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
  readonly hint: string;
}

export const problem = (file: string, message: string, hint: string, line = 1, column = 1): BundleProblem => ({ file, line, column, message, hint });

export const formatProblem = (p: BundleProblem): string =>
  `${p.file || '(bundle)'}${p.line > 0 ? `:${p.line}:${p.column}` : ''}: ${p.message}\n  fix: ${p.hint}`;

/** Files the desktop leaves in every folder an author opens; never read, so never installed. */
export const desktopLeftovers = new Set(['.DS_Store', 'Thumbs.db', 'desktop.ini']);

/**
 * Reads a course folder. Symbolic links and special files are reported, not followed: a bundle
 * must be plain files so that what is validated is what is installed. A folder the allow-list
 * refuses (.git, .vscode, node_modules …) is reported once and not read; files are checked by
 * the loader (bundlePathProblems), so a folder import is held to the same rule as a .drona file.
 */
export function readBundleDir(dir: string): { files: BundleFiles; problems: BundleProblem[] } {
  const files: BundleFiles = new Map();
  const problems: BundleProblem[] = [];
  const walk = (relative: string) => {
    for (const entry of fs.readdirSync(path.join(dir, relative), { withFileTypes: true })) {
      if (desktopLeftovers.has(entry.name)) continue;
      const rel = relative ? `${relative}/${entry.name}` : entry.name;
      const refused = entry.isDirectory() ? folderRefusal(rel) : null;
      if (entry.isSymbolicLink()) problems.push(problem(rel, 'is a symbolic link', 'replace the link with the file it points to; bundles hold plain files only'));
      else if (refused) problems.push(problem(`${rel}/`, refused.message, refused.hint, 0, 0));
      else if (entry.isDirectory()) walk(rel);
      else if (entry.isFile()) files.set(rel, fs.readFileSync(path.join(dir, rel)));
      else problems.push(problem(rel, 'is not a regular file (device, socket or pipe)', 'remove it from the course folder'));
    }
  };
  walk('');
  return { files, problems };
}
