// The WebAssembly driver against the hostile programs of the Docker suite (docker-suite.sandbox.test.ts):
// each one contained, with the verdict a learner should read, and the app's event loop free
// while it runs. Real Pyodide and QuickJS, loaded from node_modules in worker threads.
import { describe, expect, it, vi } from 'vitest';
import type { RunResult, SandboxLanguage } from '../../../preload/contract/sandbox';
import { binaryOutputAttack, floodAttacks } from '../test-fixtures/flood-attacks';
import { afterLeaving, entryOf, runResponsively, sandboxSuite } from '../test-fixtures/hostile-runs';

// Loading Pyodide takes a second or two on an idle machine, far more on a busy CI runner.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

interface Attack {
  readonly name: string;
  readonly python: string;
  readonly javascript: string;
  readonly expect: (result: RunResult, language: SandboxLanguage) => void;
  readonly timeoutSeconds?: number;
}

const attacks: Attack[] = [
  { name: 'infinite loop', python: 'while True:\n    pass\n', javascript: 'for (;;) {}\n', expect: (r) => expect(r.outcome).toBe('timeout') },
  {
    name: 'sleep past the limit',
    python: 'import time\ntime.sleep(30)\n',
    javascript: 'setTimeout(() => {}, 30000);\n',
    expect: (r) => expect(r.outcome).toBe('timeout'),
  },
  {
    name: 'fork bomb',
    python: "import os\ntry:\n    os.fork()\n    print('FORKED')\nexcept (OSError, AttributeError) as e:\n    print('refused', type(e).__name__)\n",
    javascript: "import { spawn } from 'node:child_process';\nspawn('sh');\n",
    expect: (r, language) => {
      expect(r.stdout).not.toContain('FORKED');
      expect(r.outcome).toBe(language === 'python' ? 'finished' : 'failed');
    },
  },
  {
    name: 'memory bomb',
    python: "chunks = []\nwhile True:\n    chunks.append(' ' * 10_000_000)\n",
    javascript: "const chunks = [];\nfor (;;) chunks.push('x'.repeat(10_000_000) + chunks.length);\n",
    // QuickJS reaches its allocator limit slowly on a loaded machine: a timeout is containment too.
    expect: (r, language) => expect(language === 'python' ? ['memory'] : ['memory', 'failed', 'timeout']).toContain(r.outcome),
    timeoutSeconds: 20,
  },
  {
    name: 'disk fill',
    python: "i = 0\nwhile True:\n    with open(f'fill{i}', 'wb') as f:\n        f.write(b'x' * 4_000_000)\n    i += 1\n",
    javascript: "import fs from 'node:fs';\nfs.writeFileSync('fill', 'x');\n",
    // The virtual file system lives in the capped WebAssembly memory: filling it is a memory bomb
    // (or, on a loaded machine, a timeout before the cap is reached: contained either way).
    expect: (r, language) => expect(language === 'python' ? ['memory', 'failed', 'timeout'] : ['failed']).toContain(r.outcome),
    timeoutSeconds: 20,
  },
  ...floodAttacks,
  {
    ...binaryOutputAttack('process.stdout.write(String.fromCharCode(...Array(256).keys()));\n'),
    expect: (r: RunResult) => {
      binaryOutputAttack('').expect(r);
      expect(r.stdout).not.toContain('\u0007');
    },
  },
  {
    name: 'network connect',
    python:
      "import socket\ntry:\n    socket.create_connection(('127.0.0.1', ${PORT}), timeout=1).recv(100)\n    print('host reached')\nexcept OSError:\n    print('connect failed')\n",
    javascript: "try { await fetch('http://127.0.0.1:${PORT}/'); console.log('host reached'); } catch { console.log('connect failed'); }\n",
    expect: (r) => {
      expect(r.outcome).toBe('finished');
      expect(r.stdout).toContain('connect failed');
      expect(r.stdout).not.toContain('host reached');
    },
  },
  {
    name: 'reading host paths',
    python: `for p in ['/var/run/docker.sock', '/etc/passwd', '/etc/shadow', '${process.cwd()}/package.json']:\n    try:\n        open(p).read()\n        print('READ', p)\n    except OSError as e:\n        print('denied', p, type(e).__name__)\n`,
    javascript: "import fs from 'node:fs';\nconsole.log(fs.readFileSync('/etc/passwd', 'utf8'));\n",
    expect: (r, language) => {
      expect(r.stdout).not.toContain('READ');
      expect(r.stdout).not.toContain('root:');
      if (language === 'python') expect(r.stdout.match(/denied/g)).toHaveLength(4);
    },
  },
  {
    name: 'reaching JavaScript from Python (host mounts, sockets, eval)',
    python:
      "import gc, sys\nfound = [o for o in gc.get_objects() if type(o).__name__ == 'module' and getattr(o, '__name__', '') in ('js', 'pyodide_js')]\n" +
      "for m in found:\n    for name in ('mountNodeFS', 'process', 'eval', 'Function', '_module'):\n        try:\n            print('REACHED', name, getattr(m, name) is not None and getattr(m, name)('/h', '/') if name == 'mountNodeFS' else getattr(m, name))\n        except Exception as e:\n            print('refused', name, type(e).__name__)\n" +
      "for name in ('js', 'pyodide', 'pyodide.ffi', 'pyodide_js'):\n    try:\n        __import__(name)\n        print('IMPORTED', name)\n    except ImportError:\n        print('refused', name)\n",
    javascript: 'console.log(typeof process.binding, typeof require, typeof globalThis.fetch);\n',
    expect: (r, language) => {
      expect(r.outcome).toBe('finished');
      expect(r.stdout).not.toMatch(/IMPORTED|REACHED .*(function|object|Js)/);
      if (language === 'javascript') expect(r.stdout).toBe('undefined undefined undefined\n');
    },
  },
  {
    // The import hook keeps a JavaScript object reachable through gc; its Function constructor
    // must not turn a string into code (the worker disallows code generation from strings).
    // QuickJS may evaluate strings, but only ever inside its own engine, with no host globals.
    name: 'Function from a JavaScript object found through gc',
    python:
      "import gc\nfinder = next(o for o in gc.get_objects() if type(o).__name__ == 'JsFinder')\n" +
      "for proxy in finder.jsproxies.values():\n    try:\n        print('REACHED', proxy.constructor.constructor('return typeof process')())\n" +
      "    except Exception as e:\n        print('refused', type(e).__name__)\n",
    javascript:
      "try { console.log('reached', (() => {}).constructor('return [typeof require, typeof fetch, typeof process?.binding].join()')()); } catch (e) { console.log('refused', e.name); }\n",
    expect: (r, language) => {
      expect(r.outcome).toBe('finished');
      if (language === 'python') expect(r.stdout).toMatch(/^refused JsException\n$/);
      else expect(['reached undefined,undefined,undefined\n', 'refused EvalError\n']).toContain(r.stdout);
    },
    // Walking every object gc tracks takes seconds on a loaded machine.
    timeoutSeconds: 20,
  },
];

describe('WebAssembly sandbox', () => {
  const suite = sandboxSuite('wasm');
  const { run } = suite;

  for (const language of ['python', 'javascript'] as const) {
    it(`${language}: hello world, an error marker, and the driver named`, async () => {
      const code = language === 'python' ? 'print("hello")\nraise ValueError("bad")\n' : 'console.log("hello");\nnull.x;\n';
      const result = await run(language, code);
      expect(result).toMatchObject({ outcome: 'failed', driver: 'wasm', stdout: 'hello\n', exitCode: 1 });
      expect(result.diagnostics[0]).toMatchObject({ file: entryOf(language), line: 2 });
    });

    for (const attack of attacks) {
      it(`${language}: ${attack.name} is contained`, async () => {
        const result = await runResponsively(() => run(language, attack[language].replaceAll('${PORT}', String(suite.hostPort)), attack.timeoutSeconds));
        attack.expect(result, language);
        expect(result.driver).toBe('wasm');
      });
    }

    it(`${language}: files and globals left by one run are gone in the next`, async () => {
      const after = await afterLeaving(run, language, {
        leave: {
          python: "open('left.txt', 'w').write('x')\nimport builtins\nbuiltins.LEFT = 1\nprint('left')\n",
          javascript: "globalThis.LEFT = 1;\nconsole.log('left');\n",
        },
        look: {
          python: "import os, builtins\nprint(sorted(os.listdir('.')), hasattr(builtins, 'LEFT'))\n",
          javascript: 'console.log(typeof globalThis.LEFT);\n',
        },
      });
      expect(after.stdout).toBe(language === 'python' ? "['main.py'] False\n" : 'undefined\n');
    });
  }

  // Each harness on one failing solution: Exercism v3 results in file order, with output (and task ids).
  const checkCases = [
    {
      title: 'Python with the bundled runner: parametrized, unittest classes, task ids',
      language: 'python' as const,
      file: { path: 'main.py', content: 'def add(a, b):\n    return a + b\n' },
      tests: {
        path: 'tests/test_add.py',
        content:
          'import pytest\nimport unittest\nfrom main import add\n\n@pytest.mark.task(taskno=1)\ndef test_adds():\n    print("checking add")\n    assert add(2, 3) == 5\n\n' +
          '@pytest.mark.parametrize("a, b, total", [(1, 1, 2), (2, 2, 5)])\ndef test_table(a, b, total):\n    assert add(a, b) == total, f"add({a}, {b}) should be {total}"\n\n' +
          'class TestCase(unittest.TestCase):\n    def test_zero(self):\n        self.assertEqual(add(0, 0), 0)\n',
      },
      expected: [
        { name: 'test_adds', status: 'pass', output: 'checking add', task_id: 1 },
        { name: 'test_table[1-1-2]', status: 'pass' },
        { name: 'test_table[2-2-5]', status: 'fail', message: 'add(2, 2) should be 5' },
        { name: 'TestCase > test_zero', status: 'pass' },
      ],
    },
    {
      title: 'JavaScript with node:test: suites, subtests, output per test',
      language: 'javascript' as const,
      file: { path: 'main.js', content: 'export const add = (a, b) => a + b;\n' },
      tests: {
        path: 'tests/add.test.js',
        content:
          "import { test, describe } from 'node:test';\nimport assert from 'node:assert/strict';\nimport { add } from './main.js';\n" +
          "test('adds', () => { console.log('checking add'); assert.equal(add(2, 3), 5); });\n" +
          "describe('edge cases', () => { test('zero', () => { assert.equal(add(0, 0), 1, 'add(0, 0) should be 1'); }); });\n",
      },
      expected: [
        { name: 'adds', status: 'pass', output: 'checking add' },
        { name: 'edge cases > zero', status: 'fail', message: 'add(0, 0) should be 1' },
      ],
    },
  ];

  for (const { title, language, file, tests, expected } of checkCases) {
    it(`checks ${title}`, async () => {
      const result = await suite.sandbox.check({ language, files: [file], tests: [tests] });
      expect(result).toMatchObject({ status: 'fail', driver: 'wasm' });
      expect(result.tests).toEqual(expected);
    });
  }
});
