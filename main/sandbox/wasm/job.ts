// What the WebAssembly driver runs for an ExecSpec, as one pure rule. The service builds the
// same command for every driver (`python3 main.py`, `python3 -m pytest ... test_x.py`,
// `node ... main.js`, `node ... run-tests.mjs a.test.js`); this reads which program or which
// tests it names. The Docker harness files are left out: the worker brings its own runner.
import type { ExecSpec } from '../driver';
import { harnessFolder } from '../commands';
import type { WasmJob } from './protocol';

/** `python3 -m drona_trace REQUEST`: the visualiser's trace, which only this driver records. */
export const traceModule = 'drona_trace';

const isTestRunner = (arg: string) => arg.endsWith('run-tests.mjs');

export function wasmJobFrom(spec: ExecSpec, stdin: SharedArrayBuffer): WasmJob | { readonly problem: string } {
  const argv = spec.argv;
  const files = spec.files.filter(
    (file) =>
      !file.path.startsWith(`${harnessFolder}/`) &&
      !(spec.language === 'javascript' && file.path === 'package.json' && /^\{\s*"type": "module"\s*\}\s*$/.test(file.content)),
  );
  const common = {
    files,
    memoryBytes: spec.limits.memoryBytes,
    outputBytes: spec.limits.outputBytes,
    timeoutMs: spec.limits.timeoutMs,
    stdin,
  };
  if (spec.language === 'python') {
    if (argv[1] === '-m' && argv[2] === traceModule && argv[3]) return { mode: 'trace', entry: '', tests: [], trace: argv[3], ...common };
    const pytest = argv.indexOf('pytest');
    if (argv[1] === '-m' && pytest === 2)
      return { mode: 'check', entry: '', tests: argv.slice(3).filter((arg) => !arg.startsWith('-') && arg.endsWith('.py')), ...common };
    const entry = argv[1];
    return entry && argv.length === 2 ? { mode: 'run', entry, tests: [], ...common } : { problem: `the WebAssembly driver cannot run: ${argv.join(' ')}` };
  }
  const runner = argv.findIndex(isTestRunner);
  if (runner >= 0) return { mode: 'check', entry: '', tests: argv.slice(runner + 1), ...common };
  const entry = argv[argv.length - 1];
  return entry && !entry.startsWith('-') ? { mode: 'run', entry, tests: [], ...common } : { problem: `the WebAssembly driver cannot run: ${argv.join(' ')}` };
}
