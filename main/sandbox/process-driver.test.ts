// The process driver (no Docker): the same Run and Check results, under prlimit, clearly not isolated.
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveLimits } from './limits';
import { ProcessDriver } from './process-driver';
import { SandboxService } from './sandbox-service';

const hasPytest = spawnSync('python3', ['-c', 'import pytest'], { stdio: 'ignore' }).status === 0;

describe('process driver', () => {
  let sandbox: SandboxService;
  beforeAll(async () => {
    sandbox = await SandboxService.create({ driver: 'process' });
  });
  afterAll(() => sandbox.close());

  it('says it is not isolated', async () => {
    expect(await sandbox.status()).toMatchObject({ driver: 'process', isolated: false, detail: expect.stringMatching(/^Not isolated/) });
  });

  it('runs Python and JavaScript and maps errors to markers', async () => {
    const py = await sandbox.run({ language: 'python', files: [{ path: 'main.py', content: 'print("hi")\nprint(1/0)\n' }], entry: 'main.py' });
    expect(py).toMatchObject({ outcome: 'failed', exitCode: 1, stdout: 'hi\n', driver: 'process' });
    expect(py.diagnostics[0]).toMatchObject({ file: 'main.py', line: 2, message: 'ZeroDivisionError: division by zero' });
    const js = await sandbox.run({ language: 'javascript', files: [{ path: 'main.js', content: 'console.log("hi")\n' }], entry: 'main.js' });
    expect(js).toMatchObject({ outcome: 'finished', exitCode: 0, stdout: 'hi\n' });
  });

  it('kills a run at the wall-clock limit, with what it left running', async () => {
    const result = await sandbox.run({
      language: 'python',
      files: [{ path: 'main.py', content: 'import subprocess, time\nsubprocess.Popen(["sleep", "30"])\ntime.sleep(30)\n' }],
      entry: 'main.py',
      limits: { timeoutSeconds: 1 },
    });
    expect(result.outcome).toBe('timeout');
    expect(spawnSync('pgrep', ['-f', '^sleep 30$']).status).toBe(1);
  });

  it('cuts a flood at the output limit', async () => {
    const result = await sandbox.run({
      language: 'javascript',
      files: [{ path: 'main.js', content: "for (;;) console.log('x'.repeat(1000));\n" }],
      entry: 'main.js',
    });
    expect(result).toMatchObject({ outcome: 'output-limit', truncated: true });
  });

  it('checks Python with the pytest harness (or says pytest is missing)', async () => {
    const result = await sandbox.check({
      language: 'python',
      files: [{ path: 'main.py', content: 'def add(a, b):\n    return a + b\n' }],
      tests: [{ path: 'tests/test_main.py', content: 'from main import add\n\ndef test_add():\n    assert add(2, 3) == 5, "add(2, 3) should be 5"\n' }],
    });
    if (hasPytest) expect(result).toMatchObject({ status: 'pass', tests: [{ name: 'test_add', status: 'pass' }], driver: 'process' });
    else expect(result).toMatchObject({ status: 'error', message: expect.stringMatching(/pytest/) });
  });

  it('checks JavaScript with the node:test harness', async () => {
    const result = await sandbox.check({
      language: 'javascript',
      files: [{ path: 'main.js', content: 'export const add = (a, b) => a - b;\n' }],
      tests: [
        {
          path: 'main.test.js',
          content:
            "import { test } from 'node:test';\nimport assert from 'node:assert/strict';\nimport { add } from './main.js';\ntest('adds', () => { assert.equal(add(2, 3), 5, 'add(2, 3) should be 5'); });\n",
        },
      ],
    });
    expect(result).toMatchObject({ status: 'fail', tests: [{ name: 'adds', status: 'fail', message: expect.stringMatching(/^add\(2, 3\) should be 5/) }] });
  });

  it('takes in only files a workspace could hold (the shared workspace limits), whoever calls', async () => {
    const files = Array.from({ length: 201 }, (_, i) => ({ path: `f${i}.py`, content: '' }));
    await expect(sandbox.run({ language: 'python', files, entry: 'f0.py' })).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/at most 200 files/),
    });
    await expect(sandbox.check({ language: 'python', files: [{ path: `${'n'.repeat(101)}.py`, content: '' }], tests: [] })).rejects.toMatchObject({
      code: 'invalid_input',
    });
  });

  it('does not read back a results file larger than the output cap (the program may write it)', async () => {
    const limits = { ...resolveLimits(undefined), outputBytes: 1000 };
    const write = (bytes: number) => ({
      language: 'python' as const,
      files: [{ path: 'main.py', content: `open("results.json", "w").write("x" * ${bytes})\n` }],
      argv: ['python3', 'main.py'],
      env: {},
      limits,
      resultsFile: 'results.json',
    });
    const driver = new ProcessDriver();
    expect((await driver.execute(write(500))).results).toHaveLength(500);
    expect((await driver.execute(write(50_000))).results).toBeUndefined();
  });
});
