// What the WebAssembly driver runs for the commands the service builds, and the worker's limits.
import { describe, expect, it } from 'vitest';
import { checkPlan, runPlan } from '../commands';
import { defaultLimits } from '../limits';
import { harnessFiles } from '../harness-files';
import { wasmJobFrom } from './job';
import { workerResourceLimits } from './worker-limits';

const spec = (language: 'python' | 'javascript', plan: ReturnType<typeof runPlan>) => ({
  language,
  files: plan.files,
  argv: plan.argv,
  env: plan.env,
  limits: defaultLimits,
});

describe('wasmJobFrom', () => {
  it('reads the program a Run names, without the Docker harness files', () => {
    for (const [language, entry] of [
      ['python', 'main.py'],
      ['javascript', 'main.js'],
    ] as const) {
      const plan = runPlan(language, [{ path: entry, content: 'x' }], entry, defaultLimits, harnessFiles(language));
      const stdin = new SharedArrayBuffer(16);
      const job = wasmJobFrom(spec(language, plan), stdin);
      expect(job).toMatchObject({
        mode: 'run',
        entry,
        tests: [],
        files: [{ path: entry, content: 'x' }],
        stdin,
        memoryBytes: defaultLimits.memoryBytes,
      });
    }
  });

  it('reads the test files a Check names, in order', () => {
    const files = [{ path: 'main.py', content: 'x' }];
    const tests = [
      { path: 'tests/test_a.py', content: 'a' },
      { path: 'tests/test_b.py', content: 'b' },
    ];
    const python = wasmJobFrom(spec('python', checkPlan('python', files, tests, harnessFiles('python'), defaultLimits)), new SharedArrayBuffer(16));
    expect(python).toMatchObject({ mode: 'check', tests: ['test_a.py', 'test_b.py'] });
    expect('files' in python && python.files.map((f) => f.path)).toEqual(['main.py', 'test_a.py', 'test_b.py']);
    const js = wasmJobFrom(
      spec(
        'javascript',
        checkPlan('javascript', [{ path: 'main.js', content: 'x' }], [{ path: 'tests/a.test.js', content: 'a' }], harnessFiles('javascript'), defaultLimits),
      ),
      new SharedArrayBuffer(16),
    );
    expect(js).toMatchObject({ mode: 'check', tests: ['a.test.js'] });
    expect('files' in js && js.files.map((f) => f.path)).toEqual(['main.js', 'a.test.js']);
  });

  it('refuses a command it does not know', () => {
    expect(
      wasmJobFrom({ ...spec('python', runPlan('python', [], 'main.py', defaultLimits)), argv: ['python3', '-c', 'print(1)'] }, new SharedArrayBuffer(16)),
    ).toHaveProperty('problem');
  });
});

describe('workerResourceLimits', () => {
  it('gives the worker a JavaScript heap that grows with the run’s memory, never under 128 MiB', () => {
    expect(workerResourceLimits({ memoryBytes: 64 * 1024 * 1024 }).maxOldGenerationSizeMb).toBe(128);
    expect(workerResourceLimits({ memoryBytes: 1024 * 1024 * 1024 }).maxOldGenerationSizeMb).toBe(512);
  });
});
