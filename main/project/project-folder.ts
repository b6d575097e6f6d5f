// A submitted project folder as main reads it: the source files, the tests (split out by the
// language's naming rules so the sandbox's harness runs them), whether there is a README, and
// refusals in the learner's words. Folders a tool makes (.git, node_modules, caches) and files
// that are not text are skipped, so "the project" is what the learner wrote.
import fs from 'node:fs';
import path from 'node:path';
import { DronaError } from '../../preload/contract/errors';
import type { SandboxFile, SandboxLanguage } from '../../preload/contract/sandbox';
import { workspaceEntriesProblem, workspaceLimits } from '../../preload/contract/workspace-limits';

const SKIPPED_FOLDERS = new Set(['.git', 'node_modules', '__pycache__', '.pytest_cache', '.venv', 'venv', '.idea', '.vscode', 'dist', 'build', 'coverage']);
const TEXT_EXTENSIONS = new Set(['py', 'js', 'mjs', 'cjs', 'json', 'md', 'txt', 'csv', 'yaml', 'yml', 'toml', 'cfg', 'ini', 'html', 'css', 'rst']);

export interface ProjectFolder {
  /** Source and data files, by path relative to the folder. */
  readonly files: SandboxFile[];
  /** Test files; the harness finds them by name, so each goes in by its base name. */
  readonly tests: SandboxFile[];
  readonly readme: boolean;
}

/** Whether `relative` is a test file in `language`'s conventions (pytest's test_*.py / *_test.py; Node's *.test.js / *.spec.js). Pure. */
export function isTestFile(relative: string, language: SandboxLanguage): boolean {
  const name = relative.split('/').at(-1)!;
  return language === 'python' ? /^test_.*\.py$|_test\.py$/.test(name) : /\.(test|spec)\.[cm]?js$/.test(name);
}

export const isReadme = (relative: string) => /^readme(\.(md|txt|rst))?$/i.test(relative);

function walk(root: string, relative: string, out: string[]): void {
  for (const entry of fs.readdirSync(path.join(root, relative), { withFileTypes: true })) {
    const child = relative ? `${relative}/${entry.name}` : entry.name;
    if (entry.isDirectory() && !SKIPPED_FOLDERS.has(entry.name) && !entry.name.startsWith('.')) walk(root, child, out);
    else if (entry.isFile() && TEXT_EXTENSIONS.has(entry.name.split('.').at(-1)!.toLowerCase())) out.push(child);
    if (out.length > workspaceLimits.maxFiles) return;
  }
}

/** Reads the project at `folder` (an absolute path); refuses a missing folder, one too large for the sandbox, or one with no tests. */
export function readProjectFolder(folder: string, language: SandboxLanguage): ProjectFolder {
  if (!path.isAbsolute(folder))
    throw new DronaError('invalid_input', `"${folder}" is not a full path: give the project folder's full path (for example /home/you/projects/tracker).`);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(folder);
  } catch {
    throw new DronaError('not_found', `There is no folder at ${folder}: check the path and try again.`);
  }
  if (!stat.isDirectory()) throw new DronaError('invalid_input', `${folder} is a file, not a folder: give the folder that holds the project.`);
  const paths: string[] = [];
  walk(folder, '', paths);
  if (paths.length > workspaceLimits.maxFiles)
    throw new DronaError(
      'invalid_input',
      `${folder} holds more than ${workspaceLimits.maxFiles} files: submit the project's own folder, without data dumps or copies.`,
    );
  const all = paths.map((relative) => ({ path: relative, content: fs.readFileSync(path.join(folder, relative), 'utf8') }));
  const problem = workspaceEntriesProblem(all.map((file) => ({ path: file.path, bytes: Buffer.byteLength(file.content) })));
  if (problem) throw new DronaError('invalid_input', `The project folder cannot be checked in the sandbox: ${problem}`);
  const tests = all.filter((file) => isTestFile(file.path, language)).map((file) => ({ path: file.path.split('/').at(-1)!, content: file.content }));
  if (tests.length === 0)
    throw new DronaError(
      'invalid_input',
      language === 'python'
        ? `${folder} has no tests: add pytest files named test_*.py, then submit again.`
        : `${folder} has no tests: add files named *.test.js, then submit again.`,
    );
  return { files: all.filter((file) => !isTestFile(file.path, language)), tests, readme: all.some((file) => isReadme(file.path)) };
}
