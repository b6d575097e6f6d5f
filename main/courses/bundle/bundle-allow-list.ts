// What a course bundle may contain. A bundle comes from a stranger and its exercise files land in
// a folder where the learner runs git, python, node and an editor, so anything a tool would load
// on its own (.git/config with core.fsmonitor, .vscode/tasks.json, sitecustomize.py, .npmrc,
// package.json scripts, conftest.py, .env …) would run the author's code without anyone asking.
// Rather than chase such names, the rule allows only the shapes courses/FORMAT.md describes.
// Pure: the loader (folder and .drona import, upgrade, validate, pack) and the workspace writer share it.
import type { BundleProblem } from './bundle-files';

export const MAX_BUNDLE_PATH = 200;
export const MAX_BUNDLE_SEGMENT = 100;

/** Letters, digits, "_" and "-", with single dots between them: no hidden names, no "~" short names, no spaces. */
const segmentShape = /^[A-Za-z0-9_][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)*$/;
/** Names Windows gives to devices whatever the extension. */
const windowsDevice = /^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])(?:\.|$)/i;
/** Folders tools generate (and load code from) that are never part of a course. */
const generatedFolders = new Set(['node_modules', '__pycache__']);
/** Files a tool loads by itself when it runs in (or imports from) the folder. Lower-case. */
const toolFiles = new Set([
  'sitecustomize.py',
  'usercustomize.py',
  'setup.py',
  'package.json',
  'package-lock.json',
  'npm-shrinkwrap.json',
  'tsconfig.json',
  'jsconfig.json',
  'deno.json',
  'nodemon.json',
]);
/** eslint.config.js, vite.config.mjs …: loaded and run by the tool of that name. */
const toolConfigScript = /\.config\.[cm]?js$/i;

const imageExtensions = ['png', 'jpg', 'jpeg', 'gif', 'svg', 'webp'];
/** Lessons, images and notes, anywhere outside exercises/. */
const contentExtensions = new Set(['md', 'txt', ...imageExtensions]);
/** Exercise code and the data files it reads. */
const exerciseExtensions = new Set(['py', 'js', 'mjs', 'cjs', 'json', 'txt', 'csv', 'tsv', 'md']);
const exerciseParts = new Set(['starter', 'solution', 'tests']);

export interface PathRefusal {
  readonly message: string;
  readonly hint: string;
}

const refusal = (message: string, hint: string): PathRefusal => ({ message, hint });
const list = (values: Iterable<string>) => [...values].map((value) => `.${value}`).join(', ');
const extensionOf = (name: string) => (name.includes('.') ? name.slice(name.lastIndexOf('.') + 1).toLowerCase() : '');

/** Why one folder or file name may not appear in a bundle, or null. */
export function segmentRefusal(segment: string): PathRefusal | null {
  if (segment.startsWith('.')) {
    return refusal(
      `"${segment}" is a hidden file or folder; bundles may not carry version-control, editor or tool configuration (.git, .vscode, .env, .npmrc …) because a tool on the learner's computer would load it`,
      'remove it from the course (pack from a clean copy of the folder)',
    );
  }
  if (generatedFolders.has(segment.toLowerCase())) return refusal(`"${segment}" is a generated folder that tools load code from`, 'remove it from the course');
  if (segment.length > MAX_BUNDLE_SEGMENT) return refusal(`the name "${segment.slice(0, 40)}…" is longer than ${MAX_BUNDLE_SEGMENT} characters`, 'use a shorter name');
  if (!segmentShape.test(segment)) {
    return refusal(`the name "${segment}" uses characters other than letters, digits, "_", "-" and single dots between them`, 'rename it (for example "my-file.py"); spaces, "~" and leading, trailing or double dots are not allowed');
  }
  if (windowsDevice.test(segment)) return refusal(`"${segment}" is a device name on Windows`, 'rename it');
  return null;
}

/** Why a folder may not appear in a bundle, or null (checked before reading what is inside it). */
export function folderRefusal(relative: string): PathRefusal | null {
  for (const segment of relative.split('/')) {
    const refused = segmentRefusal(segment);
    if (refused) return refused;
  }
  return null;
}

/** Why a file may not be in a bundle, or null when the allow-list admits it. `relative` is a POSIX path inside the bundle. */
export function bundlePathRefusal(relative: string): PathRefusal | null {
  if (relative.length > MAX_BUNDLE_PATH) return refusal(`the path is longer than ${MAX_BUNDLE_PATH} characters`, 'use shorter folder and file names');
  const segments = relative.split('/');
  for (const segment of segments) {
    const refused = segmentRefusal(segment);
    if (refused) return refused;
  }
  const name = segments.at(-1)!;
  const lower = name.toLowerCase();
  if (toolFiles.has(lower) || toolConfigScript.test(lower)) {
    return refusal(`"${name}" is configuration that Python, npm, Node or an editor loads by itself`, 'remove it; exercises hold source and data files only');
  }
  const extension = extensionOf(name);
  if (segments[0] === 'support') {
    if (segments.length !== 2) return refusal('support/ holds files, not folders: they are staged beside the tests, flattened', 'move the file directly into support/');
    if (lower === 'conftest.py') return refusal('"conftest.py" is loaded by pytest by itself; it may only be among the hidden tests', "move it to an exercise's tests/ or remove it");
    if (exerciseExtensions.has(extension)) return null;
    return refusal(`${extension ? `.${extension} files are` : 'files without an extension are'} not allowed in support/`, `support files are source or data the tests import: ${list(exerciseExtensions)}`);
  }
  if (segments[0] !== 'exercises') {
    if (relative === 'course.yaml' || relative === 'exam.yaml' || relative === 'projects.yaml') return null;
    if (contentExtensions.has(extension)) return null;
    return refusal(`${extension ? `.${extension} files are` : 'files without an extension are'} not allowed outside exercises/`, `a course holds course.yaml, Markdown lessons and images (${list(contentExtensions)}); exercises go in exercises/<name>/`);
  }
  const [, , part] = segments;
  if (segments.length === 3 && part === 'exercise.yaml') return null;
  if (segments.length < 4 || !exerciseParts.has(part!)) {
    return refusal('an exercise folder holds only exercise.yaml, starter/, solution/ and tests/', 'move the file into exercises/<name>/starter/, solution/ or tests/, or remove it');
  }
  if (lower === 'conftest.py' && part !== 'tests') return refusal('"conftest.py" is loaded by pytest by itself; it may only be among the hidden tests', 'move it to tests/ or remove it');
  if (exerciseExtensions.has(extension)) return null;
  return refusal(`${extension ? `.${extension} files are` : 'files without an extension are'} not allowed in an exercise`, `exercise files are source or data: ${list(exerciseExtensions)}`);
}

/** A file of an exercise's starter/, solution/ or tests/ folder, by its path inside that folder. */
export const exerciseFileRefusal = (part: 'starter' | 'solution' | 'tests', relative: string): PathRefusal | null => bundlePathRefusal(`exercises/exercise/${part}/${relative}`);

/** A starter file as it is written into the learner's workspace (path relative to the workspace). */
export const workspaceFileRefusal = (relative: string): PathRefusal | null => exerciseFileRefusal('starter', relative);

/**
 * Every file of the bundle against the allow-list, plus names that differ only in case (one
 * would overwrite the other on macOS and Windows, so what was validated would not be what is installed).
 */
export function bundlePathProblems(paths: Iterable<string>): BundleProblem[] {
  const problems: BundleProblem[] = [];
  const folded = new Map<string, string>();
  for (const relative of [...paths].sort()) {
    const refused = bundlePathRefusal(relative);
    if (refused) problems.push({ file: relative, line: 0, column: 0, ...refused });
    const key = relative.toLowerCase();
    const other = folded.get(key);
    if (other !== undefined) {
      problems.push({ file: relative, line: 0, column: 0, message: `"${relative}" and "${other}" differ only in upper/lower case`, hint: 'rename one of them; on macOS and Windows they are the same file' });
    } else folded.set(key, relative);
  }
  return problems;
}
