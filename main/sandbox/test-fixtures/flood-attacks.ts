// Output floods and binary output, the same attack and the same verdict for every driver (the
// Docker and the WebAssembly hostile-program suites share them).
import { expect } from 'vitest';
import type { RunResult } from '../../../preload/contract/sandbox';

export const floodAttacks = [
  {
    name: 'stdout flood',
    python: "while True:\n    print('x' * 1000)\n",
    javascript: "for (;;) process.stdout.write('x'.repeat(1000) + '\\n');\n",
    expect: (r: RunResult) => {
      expect(r.outcome).toBe('output-limit');
      expect(r.truncated).toBe(true);
      expect(r.stdout.length).toBeLessThanOrEqual(1024 * 1024 + 200);
      expect(r.stdout).toMatch(/\[output cut/);
    },
  },
  {
    name: 'stderr flood',
    python: "import sys\nwhile True:\n    sys.stderr.write('e' * 1000 + '\\n')\n",
    javascript: "for (;;) process.stderr.write('e'.repeat(1000) + '\\n');\n",
    expect: (r: RunResult) => {
      expect(r.outcome).toBe('output-limit');
      expect(r.stderr).toMatch(/\[output cut/);
    },
  },
];

/** Raw bytes, control characters and invalid UTF-8 on stdout: shown as text, with no NUL let through. */
export const binaryOutputAttack = (javascript: string) => ({
  name: 'binary and invalid UTF-8 output',
  python: "import sys\nsys.stdout.buffer.write(bytes(range(256)) + b'\\xff\\xfe\\xc3')\n",
  javascript,
  expect: (r: RunResult) => {
    expect(r.outcome).toBe('finished');
    expect(r.stdout).toContain('\uFFFD');
    expect(r.stdout).not.toContain('\u0000');
    expect(r.stdout).toContain('ABC');
  },
});
