// The sandbox's pure rules: limits, the tar writer, output capping and decoding, Docker's
// stream framing, result kinds, traceback markers, results parsing and image recipes.
import fc from 'fast-check';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { calls } from '../../preload/contract';
import type { RunResult } from '../../preload/contract/sandbox';
import { utf8Bytes, workspaceLimits } from '../../preload/contract/workspace-limits';
import { checkResultFrom } from './check-results';
import { checkPlan, runPlan } from './commands';
import { armedCommand } from './docker-driver';
import { progressAfter } from './image-build';
import { defaultLimits, limitCaps, resolveLimits } from './limits';
import { DockerStreamDemuxer, OutputCollector, safeText } from './output-collector';
import { classifyRun, diagnosticsFrom } from './run-outcome';
import { aptPackages, runnerImage } from './runner-images';
import { tarArchive } from './tar-archive';

describe('limits', () => {
  it('defaults to 5 s, 256 MiB, 64 pids, 1 MiB output, 16 MiB work dir', () => {
    expect(resolveLimits(undefined)).toMatchObject({
      timeoutMs: 5000,
      memoryBytes: 256 * 1024 * 1024,
      pids: 64,
      outputBytes: 1024 * 1024,
      workDirBytes: 16 * 1024 * 1024,
    });
  });

  it('lets an exercise raise limits only up to the caps', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.001, max: 60, noNaN: true }), fc.integer({ min: 32, max: 2048 }), (timeoutSeconds, memoryMb) => {
        const limits = resolveLimits({ timeoutSeconds, memoryMb });
        expect(limits.timeoutMs).toBeLessThanOrEqual(limitCaps.timeoutMs);
        expect(limits.timeoutMs).toBeGreaterThanOrEqual(1000);
        expect(limits.memoryBytes).toBeLessThanOrEqual(limitCaps.memoryBytes);
        expect(limits.pids).toBe(defaultLimits.pids);
      }),
    );
  });
});

describe('tarArchive', () => {
  it('writes an archive GNU tar extracts byte for byte, folders included', () => {
    const files = [
      { path: 'main.py', content: 'print("héllo")\n' },
      { path: 'pkg/deep/mod.py', content: 'x = 1\n'.repeat(300) },
      { path: `${'long-folder-name/'.repeat(7)}file.txt`, content: '' },
    ];
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drona-tar-'));
    try {
      const result = spawnSync('tar', ['-x', '-C', dir], { input: tarArchive(files) });
      expect(result.status).toBe(0);
      for (const file of files) expect(fs.readFileSync(path.join(dir, file.path), 'utf8')).toBe(file.content);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** A file or folder name: ASCII, accented, CJK and astral characters, sometimes past the name limit. */
const nameArb = fc
  .array(fc.constantFrom('a', 'Z', '0', '_', '-', '.', ' ', 'é', '日', '😀'), { minLength: 1, maxLength: 60 })
  .map((chars) => chars.join(''))
  .filter((name) => name !== '.' && name !== '..');
const pathArb = fc.array(nameArb, { minLength: 1, maxLength: 10 }).map((names) => names.join('/'));

describe('what Run and Check accept', () => {
  it('is what a workspace holds: its file count, and every path the workspace allows', () => {
    const payload = (files: { path: string; content: string }[]) =>
      calls['sandbox.run'].input.safeParse({ runId: 'r', language: 'python', files, entry: files[0]!.path }).success;
    const many = Array.from({ length: workspaceLimits.maxFiles }, (_, i) => ({ path: `f${i}.py`, content: '' }));
    expect(payload(many)).toBe(true);
    expect(payload([...many, { path: 'one-more.py', content: '' }])).toBe(false);
    expect(payload([{ path: `${'é'.repeat(48)}.py`, content: '' }])).toBe(true);
    expect(payload([{ path: `${'é'.repeat(49)}.py`, content: '' }])).toBe(false);
    expect(payload([{ path: 'a.py', content: 'x'.repeat(workspaceLimits.maxFileBytes) }])).toBe(true);
    expect(payload([{ path: 'a.py', content: 'é'.repeat(workspaceLimits.maxFileBytes / 2 + 1) }])).toBe(false);
  });

  it('always fits the container: GNU tar extracts every accepted payload byte for byte, inside the work dir', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drona-tar-'));
    try {
      fc.assert(
        fc.property(fc.uniqueArray(pathArb, { minLength: 1, maxLength: 6 }), (paths) => {
          const files = paths.map((file, i) => ({ path: file, content: `print(${i})\n` }));
          if (!calls['sandbox.check'].input.safeParse({ runId: 'r', courseId: 'c', lessonId: 'l', files }).success) return;
          const into = fs.mkdtempSync(path.join(dir, 'x-'));
          const result = spawnSync('tar', ['-x', '-C', into], { input: tarArchive(files) });
          expect(result.status, result.stderr.toString()).toBe(0);
          for (const file of files) expect(fs.readFileSync(path.join(into, file.path), 'utf8')).toBe(file.content);
        }),
        { numRuns: 60 },
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    expect(defaultLimits.workDirBytes).toBeGreaterThanOrEqual(2 * workspaceLimits.maxTotalBytes);
    expect(defaultLimits.fileBytes).toBeGreaterThanOrEqual(workspaceLimits.maxFileBytes);
    expect(utf8Bytes('😀')).toBe(4);
  });
});

describe('OutputCollector', () => {
  it('never keeps more than the cap, marks the cut, and reports the overflow', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('stdout' as const, 'stderr' as const), fc.uint8Array({ maxLength: 300 })), { maxLength: 30 }),
        fc.integer({ min: 1, max: 2000 }),
        (chunks, limit) => {
          const collector = new OutputCollector(limit);
          let accepted = 0;
          let overflowed = false;
          for (const [stream, bytes] of chunks) {
            const ok = collector.push(stream, Buffer.from(bytes));
            if (!ok) overflowed = true;
            accepted += bytes.length;
          }
          collector.finish();
          expect(overflowed).toBe(accepted > limit);
          expect(collector.truncated).toBe(accepted > limit);
          if (collector.truncated) expect(collector.stdout + collector.stderr).toContain('[output cut');
        },
      ),
    );
  });

  it('decodes characters split across chunks and makes invalid bytes and controls safe', () => {
    const collector = new OutputCollector(1000);
    const bytes = Buffer.from('añ€😀', 'utf8');
    for (const byte of bytes) collector.push('stdout', Buffer.from([byte]));
    collector.push('stderr', Buffer.from([0x00, 0x41, 0xff, 0x1b, 0x0a]));
    collector.finish();
    expect(collector.stdout).toBe('añ€😀');
    expect(collector.stderr).toBe('\uFFFDA\uFFFD\u001b\n');
    expect(safeText('a\tb\r\n\u0007')).toBe('a\tb\r\n\uFFFD');
  });
});

describe('DockerStreamDemuxer', () => {
  it('reassembles frames across any chunk boundaries', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(1, 2), fc.uint8Array({ maxLength: 50 })), { maxLength: 10 }),
        fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1 }),
        (frames, cuts) => {
          const wire = Buffer.concat(
            frames.map(([kind, payload]) => {
              const header = Buffer.alloc(8);
              header[0] = kind;
              header.writeUInt32BE(payload.length, 4);
              return Buffer.concat([header, Buffer.from(payload)]);
            }),
          );
          const got = { stdout: [] as number[], stderr: [] as number[] };
          const demuxer = new DockerStreamDemuxer((stream, payload) => got[stream].push(...payload));
          let offset = 0;
          for (let i = 0; offset < wire.length; i += 1) {
            const size = cuts[i % cuts.length]!;
            demuxer.push(wire.subarray(offset, offset + size));
            offset += size;
          }
          expect(got.stdout).toEqual(frames.filter(([k]) => k === 1).flatMap(([, p]) => [...p]));
          expect(got.stderr).toEqual(frames.filter(([k]) => k === 2).flatMap(([, p]) => [...p]));
        },
      ),
    );
  });
});

describe('classifyRun', () => {
  const limits = { timeoutMs: 5000, memoryBytes: 256 * 1024 * 1024 };
  it('names every kind of result', () => {
    expect(classifyRun('python', { kind: 'exited', exitCode: 0 }, '', limits).outcome).toBe('finished');
    expect(classifyRun('python', { kind: 'exited', exitCode: 1 }, 'Traceback...\nValueError: x', limits).outcome).toBe('failed');
    expect(classifyRun('python', { kind: 'exited', exitCode: 1 }, 'Traceback...\nMemoryError', limits).outcome).toBe('memory');
    expect(
      classifyRun('javascript', { kind: 'exited', exitCode: 134 }, 'FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory', limits)
        .outcome,
    ).toBe('memory');
    expect(classifyRun('python', { kind: 'exited', exitCode: 137 }, '', limits).outcome).toBe('memory');
    expect(classifyRun('javascript', { kind: 'exited', exitCode: 153 }, '', limits).message).toMatch(/larger than the sandbox allows/);
    expect(classifyRun('python', { kind: 'timeout' }, '', limits)).toMatchObject({ outcome: 'timeout', exitCode: null });
    expect(classifyRun('python', { kind: 'timeout' }, '', limits).message).toContain('5 s');
    expect(classifyRun('python', { kind: 'output-limit' }, '', limits).outcome).toBe('output-limit');
    expect(classifyRun('python', { kind: 'stopped' }, '', limits).outcome).toBe('stopped');
    expect(classifyRun('python', { kind: 'sandbox-error', detail: 'Docker went away' }, '', limits)).toMatchObject({
      outcome: 'sandbox-error',
      message: 'Docker went away',
    });
  });
});

describe('diagnosticsFrom', () => {
  it('marks the innermost frame in the learner’s Python files', () => {
    const stderr =
      'Traceback (most recent call last):\n  File "/work/main.py", line 5, in <module>\n    total(3)\n  File "/work/helpers.py", line 2, in total\n    return n + missing\n               ^^^^^^^\n  File "/usr/lib/python3.11/x.py", line 9, in f\nNameError: name \'missing\' is not defined\n';
    expect(diagnosticsFrom('python', stderr, '/work')).toEqual([
      { file: 'helpers.py', line: 2, column: 12, message: "NameError: name 'missing' is not defined" },
    ]);
  });

  it('marks a Python syntax error', () => {
    const stderr = '  File "/tmp/drona-run-x/main.py", line 3\n    print(\n         ^\nSyntaxError: \'(\' was never closed\n';
    expect(diagnosticsFrom('python', stderr, '/tmp/drona-run-x')[0]).toMatchObject({ file: 'main.py', line: 3, message: "SyntaxError: '(' was never closed" });
  });

  it('marks a JavaScript runtime error and a syntax error', () => {
    const runtime =
      'file:///work/main.js:2\nconsole.log(y);\n            ^\n\nReferenceError: y is not defined\n    at file:///work/main.js:2:13\n    at ModuleJob.run (node:internal/modules/esm/module_job:195:25)\n';
    expect(diagnosticsFrom('javascript', runtime, '/work')).toEqual([{ file: 'main.js', line: 2, column: 13, message: 'ReferenceError: y is not defined' }]);
    const syntax =
      "file:///work/main.js:1\nexport const add = (a, b) => a +;\n                                ^\n\nSyntaxError: Unexpected token ';'\n    at ModuleLoader.moduleStrategy (node:internal/modules/esm/translators:152:18)\n";
    expect(diagnosticsFrom('javascript', syntax, '/work')).toEqual([{ file: 'main.js', line: 1, message: "SyntaxError: Unexpected token ';'" }]);
  });

  it('finds nothing outside the learner’s files', () => {
    expect(diagnosticsFrom('python', 'Traceback:\n  File "/usr/lib/python3/x.py", line 1\nValueError: x', '/work')).toEqual([]);
    expect(diagnosticsFrom('javascript', 'Error: x\n    at node:internal/x:1:1', '/work')).toEqual([]);
  });
});

describe('checkResultFrom', () => {
  const run: RunResult = {
    outcome: 'failed',
    exitCode: 1,
    durationMs: 10,
    stdout: '',
    stderr: '',
    truncated: false,
    diagnostics: [],
    driver: 'docker',
    message: '',
  };
  it('keeps the tests in order, cuts output to 500 characters and derives the status', () => {
    const json = JSON.stringify({
      version: 3,
      status: 'fail',
      tests: [
        { name: 'a', status: 'pass', output: 'x'.repeat(600) },
        { name: 'b', status: 'fail', message: 'b should be 2', task_id: 1 },
      ],
    });
    const result = checkResultFrom(json, run);
    expect(result.status).toBe('fail');
    expect(result.tests.map((t) => t.name)).toEqual(['a', 'b']);
    expect(result.tests[0]!.output!.length).toBeLessThanOrEqual(501);
    expect(result.tests[1]).toEqual({ name: 'b', status: 'fail', message: 'b should be 2', task_id: 1 });
    expect(
      checkResultFrom(JSON.stringify({ status: 'pass', tests: [{ name: 'a', status: 'pass' }] }), { ...run, outcome: 'finished', exitCode: 0 }).status,
    ).toBe('pass');
  });

  it('is an error with the learner’s words when the harness could not report', () => {
    expect(checkResultFrom(undefined, { ...run, stderr: 'SyntaxError: invalid syntax' })).toMatchObject({
      status: 'error',
      message: expect.stringContaining('SyntaxError'),
    });
    expect(checkResultFrom('not json', run).status).toBe('error');
    expect(checkResultFrom('{}', { ...run, outcome: 'timeout', message: 'stopped after 5 s' })).toMatchObject({
      status: 'error',
      message: 'stopped after 5 s',
    });
  });
});

describe('commands', () => {
  it('runs Python directly and JavaScript as an ES module with a heap under the memory limit', () => {
    expect(runPlan('python', [{ path: 'main.py', content: '' }], 'main.py', defaultLimits).argv).toEqual(['python3', 'main.py']);
    const js = runPlan('javascript', [{ path: 'main.js', content: '' }], 'main.js', defaultLimits, [{ path: 'blocking-stdio.cjs', content: '' }]);
    expect(js.argv).toEqual(['node', '--max-old-space-size=192', '-r', './.drona/harness/blocking-stdio.cjs', 'main.js']);
    expect(js.files.map((f) => f.path)).toEqual(['main.js', '.drona/harness/blocking-stdio.cjs', 'package.json']);
  });

  it('flattens tests beside the learner’s files and loads the harness', () => {
    const plan = checkPlan(
      'python',
      [{ path: 'main.py', content: '' }],
      [{ path: 'tests/test_main.py', content: '' }],
      [{ path: 'drona_results.py', content: '' }],
      defaultLimits,
    );
    expect(plan.files.map((f) => f.path)).toEqual(['main.py', 'test_main.py', '.drona/harness/drona_results.py']);
    expect(plan.argv).toContain('drona_results');
    expect(plan.resultsFile).toBe('.drona/results.json');
  });

  it('stages the course support files beside the tests without running them as tests', () => {
    const support = [{ path: 'outcomes.js', content: 'export const settle = 1;' }];
    const plan = checkPlan('javascript', [{ path: 'main.js', content: '' }], [{ path: 'tests/a.test.js', content: '' }], [], defaultLimits, support);
    expect(plan.files.map((f) => f.path)).toEqual(['main.js', 'a.test.js', 'outcomes.js', 'package.json']);
    expect(plan.argv.at(-1)).toBe('a.test.js');
    expect(plan.argv).not.toContain('outcomes.js');
  });
});

describe('armedCommand', () => {
  // What the armed exec does with its command line (docker-driver.ts), with a printer for a program.
  const ran = (argv: string[], env: Record<string, string>) =>
    spawnSync('sh', ['-c', 'IFS= read -r command; eval "$command"'], { input: `${armedCommand(argv, env)}\n`, encoding: 'utf8', env: {} });
  const word = fc.string({ unit: fc.constantFrom('a', ' ', "'", '"', '\\', '$', '`', '*', ';', '&', '|', '(', ')', '#', '~', 'é') });

  it('passes every word and variable to the program as it is, whatever the shell would make of it', () => {
    fc.assert(
      fc.property(fc.array(word, { maxLength: 4 }), word, (words, value) => {
        const result = ran(['sh', '-c', 'printf "%s|" "$V" "$@"', 'sh', ...words], { V: value });
        expect(result.stdout).toBe([value, ...words].map((w) => `${w}|`).join(''));
      }),
      { numRuns: 60 },
    );
  });

  it('refuses what one line cannot carry, and names that are no variable names', () => {
    expect(() => armedCommand(['python3', 'a\nb.py'], {})).toThrow(/line break/);
    expect(() => armedCommand(['python3'], { V: 'a\nb' })).toThrow(/line break/);
    expect(() => armedCommand(['python3'], { 'A;B': 'x' })).toThrow(/not an environment variable name/);
  });
});

describe('runner images', () => {
  it('reads the packages from the Dockerfile, which the offline build installs too', () => {
    expect(aptPackages('RUN apt-get update \\\n && apt-get install -y --no-install-recommends python3 python3-pytest \\\n && rm -rf x')).toEqual([
      'python3',
      'python3-pytest',
    ]);
    expect(runnerImage('python').packages).toEqual(['python3', 'python3-pytest']);
    expect(runnerImage('javascript').packages).toEqual(['nodejs']);
    expect(runnerImage('python').ref).toMatch(/^drona-runner-python:[0-9a-f]{12}$/);
  });

  it('reports debootstrap progress that only moves forward', () => {
    const lines = [
      'I: Retrieving Release',
      'I: Resolving dependencies',
      'I: Retrieving libc6 2.36',
      'I: Validating libc6 2.36',
      'I: Extracting libc6...',
      'I: Unpacking libc6...',
      'I: Configuring libc6...',
      'I: Base system installed successfully.',
    ];
    let progress = { percent: 0, step: '' };
    for (const line of lines) {
      const next = progressAfter(line, progress);
      expect(next.percent).toBeGreaterThanOrEqual(progress.percent);
      progress = next;
    }
    expect(progress.percent).toBe(88);
  });
});
