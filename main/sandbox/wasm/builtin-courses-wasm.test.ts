// Every built-in course verified through the WebAssembly driver, as CI does with Docker: every
// reference solution passes its tests and every starter fails them (drona course validate --run).
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { packageRoot } from '../../app/package-info';
import { runCliCaptured } from '../../cli/testing-run-cli';
import { builtinCourseIds } from '../../courses/testing/builtin-courses';

// One worker (a fresh Pyodide or QuickJS) per check: minutes on a busy CI runner.
vi.setConfig({ testTimeout: 30 * 60_000 });

describe('built-in courses in the WebAssembly driver', () => {
  for (const course of builtinCourseIds()) {
    it(`${course}: every solution passes, every starter fails`, async () => {
      const result = await runCliCaptured('course', 'validate', '--run', '--driver', 'wasm', path.join(packageRoot(), 'courses', course));
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/every exercise verified\.\n$/);
      expect(result.stdout).not.toMatch(/✗/);
    });
  }
});
