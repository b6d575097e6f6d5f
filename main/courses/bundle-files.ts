// A course bundle as bytes in memory, keyed by POSIX path relative to the course folder. The
// loader and validator work on this, whether the bundle came from a folder or a .drona file.
import fs from 'node:fs';
import path from 'node:path';

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

/** Files the author's tools leave behind, never part of a course. */
const ignoredName = (name: string) => name.startsWith('.') || name === '__pycache__' || name === 'node_modules';

/**
 * Reads a course folder. Symbolic links and special files are reported, not followed: a bundle
 * must be plain files so that what is validated is what is installed.
 */
export function readBundleDir(dir: string): { files: BundleFiles; problems: BundleProblem[] } {
  const files: BundleFiles = new Map();
  const problems: BundleProblem[] = [];
  const walk = (relative: string) => {
    for (const entry of fs.readdirSync(path.join(dir, relative), { withFileTypes: true })) {
      if (ignoredName(entry.name)) continue;
      const rel = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isSymbolicLink()) problems.push(problem(rel, 'is a symbolic link', 'replace the link with the file it points to; bundles hold plain files only'));
      else if (entry.isDirectory()) walk(rel);
      else if (entry.isFile()) files.set(rel, fs.readFileSync(path.join(dir, rel)));
      else problems.push(problem(rel, 'is not a regular file (device, socket or pipe)', 'remove it from the course folder'));
    }
  };
  walk('');
  return { files, problems };
}
