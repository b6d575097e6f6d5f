// The command each language runs for Run and for Check, and the files that go with it. Pure.
import type { SandboxFile, SandboxLanguage } from '../../preload/contract/sandbox';
import type { SandboxLimits } from './limits';

export const harnessFolder = '.drona/harness';
export const resultsPath = '.drona/results.json';

export interface CommandPlan {
  readonly argv: string[];
  readonly env: Record<string, string>;
  readonly files: SandboxFile[];
  readonly resultsFile?: string;
}

const pythonEnv = { PYTHONDONTWRITEBYTECODE: '1', PYTHONUNBUFFERED: '1', PYTHONIOENCODING: 'utf-8' };

/** Node's heap limit, under the memory limit so a runaway heap ends with V8's clear message. */
const nodeHeapFlag = (limits: SandboxLimits) => `--max-old-space-size=${Math.max(16, Math.floor((limits.memoryBytes / (1024 * 1024)) * 0.75))}`;

/** JavaScript exercises are ES modules; the harness writes the package.json that says so. */
function withModulePackage(files: readonly SandboxFile[]): SandboxFile[] {
  if (files.some((file) => file.path === 'package.json')) return [...files];
  return [...files, { path: 'package.json', content: '{ "type": "module" }\n' }];
}

/** Preloaded into every Node run (see the file): blocking stdout and stderr. */
export const nodeStdioPreload = 'blocking-stdio.cjs';

function withHarness(files: readonly SandboxFile[], harness: readonly SandboxFile[]): SandboxFile[] {
  return [...files, ...harness.map((file) => ({ path: `${harnessFolder}/${file.path}`, content: file.content }))];
}

export function runPlan(
  language: SandboxLanguage,
  files: readonly SandboxFile[],
  entry: string,
  limits: SandboxLimits,
  harness: readonly SandboxFile[] = [],
): CommandPlan {
  if (language === 'python') return { argv: ['python3', entry], env: pythonEnv, files: [...files] };
  const preload = harness.filter((file) => file.path === nodeStdioPreload);
  return {
    argv: ['node', nodeHeapFlag(limits), ...(preload.length ? ['-r', `./${harnessFolder}/${nodeStdioPreload}`] : []), entry],
    env: {},
    files: withModulePackage(withHarness(files, preload)),
  };
}

/** Test files (and the course's support files) go beside the learner's files, flattened to the work dir's root. */
export const flattened = (tests: readonly SandboxFile[]) => tests.map((test) => ({ path: test.path.split('/').pop()!, content: test.content }));

export function checkPlan(
  language: SandboxLanguage,
  files: readonly SandboxFile[],
  tests: readonly SandboxFile[],
  harness: readonly SandboxFile[],
  limits: SandboxLimits,
  support: readonly SandboxFile[] = [],
): CommandPlan {
  const testFiles = flattened(tests);
  const hidden = [...testFiles, ...flattened(support)];
  const hiddenNames = new Set(hidden.map((file) => file.path));
  const all = withHarness([...files.filter((file) => !hiddenNames.has(file.path)), ...hidden], harness);
  if (language === 'python') {
    return {
      argv: [
        'python3',
        '-m',
        'pytest',
        '-p',
        'drona_results',
        '-p',
        'no:cacheprovider',
        '-q',
        '--no-header',
        '--tb=short',
        ...testFiles.map((test) => test.path),
      ],
      env: { ...pythonEnv, PYTHONPATH: harnessFolder, DRONA_RESULTS: resultsPath },
      files: all,
      resultsFile: resultsPath,
    };
  }
  return {
    argv: [
      'node',
      nodeHeapFlag(limits),
      '-r',
      `./${harnessFolder}/${nodeStdioPreload}`,
      '--no-warnings',
      `--experimental-loader=./${harnessFolder}/test-output-loader.mjs`,
      `--test-reporter=./${harnessFolder}/drona-reporter.mjs`,
      `--test-reporter-destination=${resultsPath}`,
      `${harnessFolder}/run-tests.mjs`,
      ...testFiles.map((test) => test.path),
    ],
    env: {},
    files: withModulePackage(all),
    resultsFile: resultsPath,
  };
}
