// The runner contract, proven by golden cases (Exercism's test-runner style): every folder in
// sandbox/harness/<lang>/cases/ is an exercise with its expected results.json; `drona check
// --json` runs it through each driver there is, and the results must match. Messages of failed
// tests and errors are each runner's own words (pytest's assertion rewriting, the bundled
// runner's plain text), so they are compared by what they must say, not letter for letter.
import Docker from 'dockerode';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { packageRoot } from '../app/package-info';
import { runCliCaptured } from '../cli/testing-run-cli';
import { probeDocker } from './docker-driver';
import { imageExists } from './image-build';
import { runnerImage } from './runner-images';

vi.setConfig({ testTimeout: 180_000 });

interface Results {
  readonly status: 'pass' | 'fail' | 'error';
  readonly message?: string;
  readonly tests: readonly { name: string; status: string; message?: string; output?: string; task_id?: number }[];
}

// The error's kind: a Python traceback names it last, a JavaScript error on its first line
// (Node's stack frames below it name internal errors such as NodeError).
const errorKind: Record<Language, RegExp> = {
  python: /\b(\w+Error)\b(?![\s\S]*\b\w+Error\b)/,
  javascript: /^(\w*Error)\b/m,
};

/** What every driver must agree on; for a message, the error's kind or the limit that was hit. */
function essence(language: Language, results: Results) {
  const gist = (message: string | undefined) =>
    message === undefined ? null : (errorKind[language].exec(message)?.[1] ?? /stopped after|printed too much/.exec(message)?.[0] ?? 'message');
  return {
    status: results.status,
    message: gist(results.message),
    tests: results.tests.map((test) => ({ ...test, message: test.message === undefined ? null : 'message' })),
  };
}

type Language = 'python' | 'javascript';

const docker = new Docker();
const dockerProbe = await probeDocker(docker);
const dockerReady = async (language: Language) => dockerProbe.ok && (await imageExists(docker, runnerImage(language).ref));
// The process driver runs the host's own test tools: pytest for Python, node:test for JavaScript.
const hostPytest = spawnSync('python3', ['-c', 'import pytest'], { stdio: 'ignore' }).status === 0;
const exitFor = { pass: 0, fail: 1, error: 2 } as const;

const common = ['pass', 'partial-failure', 'all-fail', 'syntax-error', 'import-error', 'empty-file', 'stdout-per-test', 'timeout', 'infinite-output'];
// Subtests (unittest's subTest, node:test's t.test) are each reported on their own; Python adds
// pytest's parametrised tests and task markers.
const named: Record<Language, string[]> = { python: [...common, 'subtests', 'parametrised', 'tasks'], javascript: [...common, 'subtests'] };

for (const language of ['python', 'javascript'] as const) {
  const drivers = [...((await dockerReady(language)) ? ['docker'] : []), 'wasm', ...(language === 'javascript' || hostPytest ? ['process'] : [])];
  const root = path.join(packageRoot(), 'sandbox', 'harness', language, 'cases');
  const cases = fs.readdirSync(root).sort();
  describe(`golden cases: ${language}`, () => {
    it('covers what the runner contract names', () => {
      expect(cases).toEqual(expect.arrayContaining(named[language]));
    });
    goldenCases(root, cases, drivers, language);
  });
}

function goldenCases(root: string, cases: string[], drivers: string[], language: Language) {
  for (const driver of drivers) {
    for (const name of cases) {
      it(`${name} through ${driver}`, async () => {
        const expected = JSON.parse(fs.readFileSync(path.join(root, name, 'expected_results.json'), 'utf8')) as Results;
        const ran = await runCliCaptured('check', '--json', '--driver', driver, path.join(root, name));
        // The command sets the exit code for when it ends (as `drona run` does), not as its return.
        const code = process.exitCode;
        process.exitCode = 0;
        const actual = JSON.parse(ran.stdout) as Results & { version: number };
        expect(actual.version).toBe(3);
        expect(essence(language, actual)).toEqual(essence(language, expected));
        expect([ran.code, code]).toEqual([0, exitFor[expected.status]]);
      });
    }
  }
}
