// An exercise folder as `drona check` reads it: a course's exercise (`exercise.yaml`: its
// solution/ checked against its tests/), Exercism's layout (`.meta/config.json` naming the
// solution and test files), or a folder of files where the tests are known by their names
// (`test_*.py`, `*_test.py`, `*.test.js`, `*.spec.js`). The rule is pure over the list of files.
import fs from 'node:fs';
import path from 'node:path';
import type { SandboxFile, SandboxLanguage } from '../../../preload/contract/sandbox';
import { messageOf } from '../../../preload/contract/errors';

export interface ExerciseFolder {
  readonly language: SandboxLanguage;
  readonly files: SandboxFile[];
  readonly tests: SandboxFile[];
}

const isTest = (name: string) => /(^test_.*\.py$)|(_test\.py$)|(\.(test|spec)\.m?js$)/.test(path.posix.basename(name));
const languageOf = (name: string): SandboxLanguage | null => (name.endsWith('.py') ? 'python' : /\.m?js$/.test(name) ? 'javascript' : null);

interface MetaConfig {
  readonly files?: { readonly solution?: readonly string[]; readonly test?: readonly string[] };
}

/** The exercise in `files` (paths relative to the folder), or why it is not one. Pure. */
export function exerciseFrom(files: readonly SandboxFile[], language: SandboxLanguage | undefined): ExerciseFolder | { readonly problem: string } {
  if (files.some((file) => file.path === 'exercise.yaml')) {
    const inside = (folder: string) =>
      files.filter((file) => file.path.startsWith(`${folder}/`)).map((file) => ({ ...file, path: file.path.slice(folder.length + 1) }));
    // As the Check button has it: every file of tests/ goes with the tests.
    const tests = inside('tests');
    const chosen = language ?? languageOf(tests.find((file) => isTest(file.path))?.path ?? '');
    if (!chosen) return { problem: 'no test files in tests/ (test_*.py or *.test.js) to tell the language by: add them, or pass --lang' };
    // solution/ may leave out read-only and hidden files: the learner has the starter's.
    const solution = inside('solution');
    const fromStarter = inside('starter').filter((file) => !solution.some((own) => own.path === file.path));
    return { language: chosen, files: [...solution, ...fromStarter], tests };
  }
  const meta = files.find((file) => file.path === '.meta/config.json');
  let testNames: Set<string>;
  if (meta) {
    let config: MetaConfig;
    try {
      config = JSON.parse(meta.content) as MetaConfig;
    } catch (error) {
      return { problem: `.meta/config.json is not JSON: ${messageOf(error)}` };
    }
    const named = config.files?.test ?? [];
    const missing = [...named, ...(config.files?.solution ?? [])].filter((name) => !files.some((file) => file.path === name));
    if (missing.length) return { problem: `.meta/config.json names files that are not in the folder: ${missing.join(', ')}` };
    testNames = new Set(named);
  } else testNames = new Set(files.filter((file) => isTest(file.path)).map((file) => file.path));
  const tests = files.filter((file) => testNames.has(file.path));
  if (!tests.length)
    return { problem: 'no test files: name them in .meta/config.json (files.test), or call them test_*.py, *_test.py, *.test.js or *.spec.js' };
  const detected = languageOf(tests[0]!.path);
  const chosen = language ?? detected;
  if (!chosen) return { problem: `cannot tell the language of ${tests[0]!.path}: pass --lang` };
  // Exercism's own folders (.meta, .docs, .exercism) and what the learner never sends stay out.
  const solution = files.filter((file) => !testNames.has(file.path) && !/^\.(meta|docs|exercism)\//.test(file.path) && languageOf(file.path) === chosen);
  return { language: chosen, files: solution, tests };
}

const MAX_FILES = 200;

/** The folder's text files (relative paths, `/`-separated), skipping node_modules and caches. */
export function readFolder(dir: string): SandboxFile[] {
  const found: SandboxFile[] = [];
  const walk = (relative: string) => {
    for (const entry of fs.readdirSync(path.join(dir, relative), { withFileTypes: true })) {
      const name = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!['node_modules', '__pycache__', '.git', '.pytest_cache'].includes(entry.name)) walk(name);
      } else if (entry.isFile() && (languageOf(name) || name === '.meta/config.json' || name === 'exercise.yaml')) {
        if (found.length >= MAX_FILES) throw new Error(`more than ${MAX_FILES} source files under ${dir}`);
        found.push({ path: name, content: fs.readFileSync(path.join(dir, name), 'utf8') });
      }
    }
  };
  walk('');
  return found;
}
