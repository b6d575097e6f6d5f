// Python formatting and diagnostics against the real Ruff WebAssembly build, and through the
// app's dispatch as the editor calls them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../app/create-app';
import { silentLogger } from '../app/logger';
import { packageRoot } from '../app/package-info';
import { dispatchCall } from '../ipc/dispatch';
import { PythonLanguageService, toPythonDiagnostics } from './python-language-service';

const python = new PythonLanguageService();
afterAll(() => python.close());

describe('format', () => {
  it('lays a messy file out the way Black would', () => {
    expect(python.format("def greet( name ):\n  return 'Hi, '+name\nprint( greet('Ada') )\n")).toEqual({
      ok: true,
      text: 'def greet(name):\n    return "Hi, " + name\n\n\nprint(greet("Ada"))\n',
    });
  });

  it('leaves code that does not parse alone and names the line to fix', () => {
    expect(python.format('x = 1\ndef f(:\n    pass\n')).toEqual({
      ok: false,
      line: 2,
      column: 7,
      message: 'Fix the syntax error on line 2 first: Expected a parameter or the end of the parameter list',
    });
  });

  it('is stable on every Python file of the built-in courses: formatting twice changes nothing more, and the result still parses', () => {
    const courses = path.join(packageRoot(), 'courses');
    const files = fs
      .readdirSync(courses, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.py'))
      .map((file) => path.join('courses', file));
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const once = python.format(fs.readFileSync(path.join(packageRoot(), file), 'utf8'));
      expect(once.ok, file).toBe(true);
      if (!once.ok) continue;
      expect(python.format(once.text), file).toEqual(once);
      expect(
        python.diagnose(once.text).filter((item) => item.code === 'invalid-syntax'),
        file,
      ).toEqual([]);
    }
  });
});

describe('diagnose', () => {
  it('finds nothing in a clean file', () => {
    expect(python.diagnose('def add(a, b):\n    return a + b\n\n\nprint(add(1, 2))\n')).toEqual([]);
  });

  it('marks an undefined name as an error over exactly that name', () => {
    expect(python.diagnose('def greet(name):\n    return "Hello, " + nam\n')).toEqual([
      { line: 2, column: 24, endLine: 2, endColumn: 27, severity: 'error', code: 'F821', message: 'Undefined name `nam`', unnecessary: false },
    ]);
  });

  it('warns about an unused import and fades it', () => {
    expect(python.diagnose('import math\nprint(1)\n')).toEqual([
      expect.objectContaining({ line: 1, column: 8, endColumn: 12, severity: 'warning', code: 'F401', unnecessary: true }),
    ]);
  });

  it('reports a syntax error where it is', () => {
    expect(python.diagnose('if x > 1\n    print(x)\n')[0]).toMatchObject({
      line: 1,
      column: 9,
      severity: 'error',
      code: 'invalid-syntax',
      message: 'Syntax error: Expected `:`, found newline',
    });
  });

  it('counts columns in UTF-16 units, as the editor does', () => {
    // "😀" is two UTF-16 units: `nam` starts at column 16 (15 in code points, 18 in UTF-8 bytes).
    expect(python.diagnose('s = "é😀"; t = nam\n')).toEqual([expect.objectContaining({ code: 'F821', line: 1, column: 16, endColumn: 19 })]);
  });

  it('reads Ruff findings without a code as syntax errors', () => {
    const at = { row: 3, column: 1 };
    expect(toPythonDiagnostics([{ code: null, message: 'unexpected EOF while parsing', tags: [], start_location: at, end_location: at }])).toEqual([
      {
        line: 3,
        column: 1,
        endLine: 3,
        endColumn: 1,
        severity: 'error',
        code: 'invalid-syntax',
        message: 'Syntax error: unexpected EOF while parsing',
        unnecessary: false,
      },
    ]);
  });
});

describe('through dispatch', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'drona-language-'));
  const app = createApp({ dataDir, mode: 'serve', version: '0.0.0-test', logger: silentLogger, builtinCoursesDir: null });
  const ctx = { sessionId: 'window-1', events: app.events };
  afterAll(async () => {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('formats and diagnoses for the editor', async () => {
    expect(await dispatchCall(app.handlers, 'language.formatPython', { text: 'x=1\n' }, ctx, silentLogger)).toEqual({
      ok: true,
      value: { ok: true, text: 'x = 1\n' },
    });
    expect(await dispatchCall(app.handlers, 'language.diagnosePython', { text: 'print(y)\n' }, ctx, silentLogger)).toMatchObject({
      ok: true,
      value: { diagnostics: [{ code: 'F821', line: 1 }] },
    });
  });

  it('refuses text too large to be a learner’s file, naming the field', async () => {
    const result = await dispatchCall(app.handlers, 'language.diagnosePython', { text: 'x = 1\n'.repeat(100_000) }, ctx, silentLogger);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', details: [{ path: ['text'] }] } });
  });
});
