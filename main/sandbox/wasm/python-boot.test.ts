// Python workers after the first start from its memory snapshot (python-boot.ts): each run still
// starts clean, whatever the run before it changed, and a CLI driver (no spare) makes none.
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { ExecSpec } from '../driver';
import { defaultLimits } from '../limits';
import { sandboxRoot } from '../runner-images';
import { WasmDriver } from './wasm-driver';

// Loading Pyodide takes a second or two on an idle machine, far more on a busy CI runner.
vi.setConfig({ testTimeout: 240_000 });

const harnessDir = path.join(sandboxRoot(), 'harness', 'wasm');
const spec = (code: string): ExecSpec => ({
  language: 'python',
  files: [{ path: 'main.py', content: code }],
  argv: ['python3', 'main.py'],
  env: {},
  limits: defaultLimits,
});

// Leaves state in every place a restored worker could carry it: a file, builtins, an imported
// module (the harness's own), sys.path and sys.modules.
const leave = `
import builtins, json, sys, drona_wasm
print('seen:', sorted(k for k in ('LEFT', 'json.LEFT', 'harness.LEFT', 'path', 'module') if {
    'LEFT': hasattr(builtins, 'LEFT'), 'json.LEFT': hasattr(json, 'LEFT'), 'harness.LEFT': hasattr(drona_wasm, 'LEFT'),
    'path': '/left' in sys.path, 'module': 'left_module' in sys.modules}[k]), 'file:', __import__('os').path.exists('/work/left.txt'))
open('/work/left.txt', 'w').write('x')
builtins.LEFT = json.LEFT = drona_wasm.LEFT = 1
sys.path.append('/left')
sys.modules['left_module'] = json
`;

describe('Python workers from a snapshot', () => {
  const driver = new WasmDriver({ harnessDir, spare: true });
  afterAll(() => driver.close());

  it('start clean after the run before them changed files, builtins and modules', async () => {
    driver.prewarm(['python']);
    for (let run = 0; run < 3; run += 1) {
      const outcome = await driver.execute(spec(leave));
      expect(outcome.end, outcome.stderr).toEqual({ kind: 'exited', exitCode: 0 });
      expect(outcome.stdout).toBe('seen: [] file: False\n');
      // The first worker made the snapshot before 'ready'; every later one started from it.
      expect(driver.startsPythonFromSnapshot()).toBe(true);
    }
  });
});

it('a driver without spares (the CLI) makes no snapshot', async () => {
  const driver = new WasmDriver({ harnessDir });
  try {
    expect((await driver.execute(spec('print(1)'))).stdout).toBe('1\n');
    expect(driver.startsPythonFromSnapshot()).toBe(false);
  } finally {
    await driver.close();
  }
});

it('loads the spares one after another: JavaScript starts once Python has loaded, not beside it', async () => {
  const driver = new WasmDriver({ harnessDir, spare: true });
  try {
    driver.prewarm(['python', 'javascript']);
    await driver.spareReady('python');
    // Side by side, QuickJS (far quicker to load) would be warm before Python.
    expect(driver.warmLanguages()).toEqual(['python']);
    await driver.spareReady('javascript');
    expect(driver.warmLanguages().sort()).toEqual(['javascript', 'python']);
  } finally {
    await driver.close();
  }
});
