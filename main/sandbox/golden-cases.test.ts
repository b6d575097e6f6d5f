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

/** What every driver must agree on; for a message, the error's kind or the limit that was hit. */
function essence(results: Results) {
  const gist = (message: string | undefined) =>
    message === undefined
      ? null
      : (/\b(\w+Error)\b(?![\s\S]*\b\w+Error\b)/.exec(message)?.[1] ?? /stopped after|printed too much/.exec(message)?.[0] ?? 'message');
  return {
    status: results.status,
    message: gist(results.message),
    tests: results.tests.map((test) => ({ ...test, message: test.message === undefined ? null : 'message' })),
  };
}

const docker = new Docker();
const dockerProbe = await probeDocker(docker);
const dockerReady = dockerProbe.ok && (await imageExists(docker, runnerImage('python').ref));
const hostPytest = spawnSync('python3', ['-c', 'import pytest'], { stdio: 'ignore' }).status === 0;
const drivers = [...(dockerReady ? ['docker'] : []), 'wasm', ...(hostPytest ? ['process'] : [])];
const exitFor = { pass: 0, fail: 1, error: 2 } as const;

const root = path.join(packageRoot(), 'sandbox', 'harness', 'python', 'cases');
const cases = fs.readdirSync(root).sort();

describe('golden cases: python', () => {
  it('covers what the runner contract names', () => {
    expect(cases).toEqual(
      expect.arrayContaining([
        'pass',
        'partial-failure',
        'all-fail',
        'syntax-error',
        'import-error',
        'empty-file',
        'stdout-per-test',
        'parametrised',
        'tasks',
        'timeout',
        'infinite-output',
      ]),
    );
  });
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
        expect(essence(actual)).toEqual(essence(expected));
        expect([ran.code, code]).toEqual([0, exitFor[expected.status]]);
      });
    }
  }
});
