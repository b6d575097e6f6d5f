// Jest specs as node:test files: the translation, what is refused, and the shim itself run by
// Node's test runner (Jest's describe/test/expect semantics the Exercism tests rely on).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { jestCompatSource, supportedMatchers, translateJestSpec, unsupportedJestApis } from './jest-compat';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drona-jest-compat-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function runSpec(name: string, spec: string, modules: Record<string, string> = {}): { status: number | null; output: string } {
  const translated = translateJestSpec(spec);
  if (!translated.ok) throw new Error(translated.unsupported.join(', '));
  fs.writeFileSync(path.join(dir, 'package.json'), '{ "type": "module" }\n');
  fs.writeFileSync(path.join(dir, 'jest-compat.js'), jestCompatSource);
  for (const [file, content] of Object.entries(modules)) fs.writeFileSync(path.join(dir, file), content);
  fs.writeFileSync(path.join(dir, name), translated.source);
  const result = spawnSync(process.execPath, ['--test', '--test-reporter=tap', name], { cwd: dir, encoding: 'utf8' });
  return { status: result.status, output: result.stdout + result.stderr };
}

describe('translateJestSpec', () => {
  // The translated spec after its header line(s): [what the test shows, the Jest spec, lines skipped, the expected lines].
  it.each([
    [
      "points the @jest/globals import at the shim and gives extension-less imports '.js'",
      "import { describe, expect, test, xtest } from '@jest/globals';\nimport { twoFer } from './two-fer';\nimport data from './data.json';\n",
      1,
      ["import { describe, expect, test, xtest } from './jest-compat.js';", "import * as __module1 from './two-fer.js';", 'const { twoFer } = __module1;', "import data from './data.json';", ''],
    ],
    [
      "reads the exercise's named and default imports through a namespace, as Jest's Babel transform does",
      "import {\n  // eslint-disable-next-line import/named\n  LIMIT,\n  area as size,\n} from './shapes';\nimport Clock, { at } from './clock';\nimport * as all from './all';\n",
      2,
      [
        "import * as __module1 from './shapes.js';",
        'const { LIMIT, area: size } = __module1;',
        "import * as __module2 from './clock.js';",
        'const Clock = __module2.default;',
        'const { at } = __module2;',
        "import * as all from './all.js';",
        '',
      ],
    ],
  ])('%s', (_name, spec, skipped, expected) => {
    const result = translateJestSpec(spec);
    expect(result.ok && result.source.split('\n').slice(skipped)).toEqual(expected);
  });

  it("imports the shim's globals into an older spec that used Jest's globals", () => {
    const result = translateJestSpec("import { hello } from './hello-world';\ntest('hi', () => expect(hello()).toBe('Hi'));\n");
    expect(result.ok && result.source).toMatch(/^\/\/ Translated from Jest[^\n]*\nimport \{ afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, test, xdescribe, xit, xtest \} from '\.\/jest-compat\.js';\nimport \* as __module1 from '\.\/hello-world\.js';\nconst \{ hello \} = __module1;/);
  });

  it('refuses what the shim lacks, naming it, and is not fooled by test names', () => {
    expect(
      unsupportedJestApis(
        "import { jest } from '@jest/globals';\nimport _ from 'lodash';\nimport x from '../shared/x';\nconst m = jest.fn();\ntest.each([1])('n', () => expect(m).toHaveBeenCalled());\nexpect({}).toEqual(expect.any(Object));\nconst fs = require('fs');\nexpect(1).toMatchSnapshot();\n",
      ),
    ).toEqual(['an import from outside the exercise (../shared/x)', 'expect.any', 'jest.fn', 'require() (CommonJS)', 'test.each', 'the package "lodash"', 'toHaveBeenCalled', 'toMatchSnapshot']);
    expect(unsupportedJestApis("test('jest.fn() is not called; toHaveBeenCalled', () => { expect(1).toBe(1); }); // jest.spyOn\n")).toEqual([]);
    expect(translateJestSpec("const f = jest.fn();\n")).toEqual({ ok: false, unsupported: ['jest.fn'] });
  });
});

describe('jest-compat.js under node:test', () => {
  it('implements exactly the matchers the importer accepts', () => {
    runSpec('noop.test.js', "test('nothing', () => {});\n");
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', "import('./jest-compat.js').then((m) => console.log(JSON.stringify(m.MATCHER_NAMES)))"], { cwd: dir, encoding: 'utf8' });
    expect(JSON.parse(result.stdout)).toEqual([...supportedMatchers]);
  });

  it("runs Jest-style specs: every matcher, .not, .resolves/.rejects, xtest, hooks and done callbacks", () => {
    const spec = `import { describe, expect, test, xtest, beforeEach, afterAll, it } from '@jest/globals';
import { Box, area, later, fails } from './shapes';

let count = 0;
beforeEach(() => { count += 1; });
afterAll(() => {});

describe('matchers', () => {
  test('equality', () => {
    expect(area(2, 3)).toBe(6);
    expect({ a: 1, b: undefined }).toEqual({ a: 1 });
    expect(new Box(1)).toEqual({ size: 1 });
    expect(new Box(1)).not.toStrictEqual({ size: 1 });
    expect([new Set([1, 2]), new Map([['k', [1]]])]).toStrictEqual([new Set([2, 1]), new Map([['k', [1]]])]);
    expect(new Date(5)).toEqual(new Date(5));
    expect(NaN).toBeNaN();
    expect(0.1 + 0.2).toBeCloseTo(0.3);
    expect(null).toBeNull();
    expect(undefined).toBeUndefined();
    expect(0).toBeDefined();
    expect('x').toBeTruthy();
    expect('').toBeFalsy();
  });
  xtest('order, containers, strings, classes', () => {
    expect(3).toBeGreaterThan(2);
    expect(3).toBeGreaterThanOrEqual(3);
    expect(2).toBeLessThan(3);
    expect(2).toBeLessThanOrEqual(2);
    expect([1, 2]).toContain(2);
    expect('hello').toContain('ell');
    expect([{ a: 1 }]).toContainEqual({ a: 1 });
    expect('abc').toHaveLength(3);
    expect('abc').toMatch(/b/);
    expect(new Box(2)).toBeInstanceOf(Box);
    expect({ a: { b: 2 } }).toHaveProperty('a.b', 2);
    expect({ a: 1, b: { c: 2, d: 3 } }).toMatchObject({ b: { c: 2 } });
  });
  it('errors and promises', async () => {
    expect(() => fails('no')).toThrow();
    expect(() => fails('no way')).toThrow('no');
    expect(() => fails('no way')).toThrow(/way$/);
    expect(() => fails('no')).toThrow(RangeError);
    expect(() => fails('no')).toThrowError(new Error('no'));
    expect(() => area(1, 1)).not.toThrow();
    await expect(later(4)).resolves.toBe(4);
    await expect(later(-1)).rejects.toThrow('negative');
    await expect(later(1)).resolves.not.toBe(2);
  });
  test('done callbacks', (done) => {
    setTimeout(() => { expect(count).toBeGreaterThan(0); done(); }, 1);
  });
});
`;
    const shapes = `export class Box { constructor(size) { this.size = size; } }
export const area = (w, h) => w * h;
export const later = async (n) => { if (n < 0) throw new Error('negative'); return n; };
export const fails = (message) => { throw new RangeError(message); };
`;
    const result = runSpec('shapes.test.js', spec, { 'shapes.js': shapes });
    expect(result.output).toContain('# pass 4');
    expect(result.status).toBe(0);
  });

  it('fails with a message that says what was called, expected and received', () => {
    const result = runSpec('fail.test.js', "import { expect, test } from '@jest/globals';\ntest('shouts', () => expect('hi!').toEqual('HI!'));\ntest('throws', () => expect(() => { throw new Error('nope'); }).toThrow(new Error('text must be a string')));\ntest('rejects', async () => { await expect(Promise.resolve(1)).rejects.toThrow(); });\n");
    expect(result.status).not.toBe(0);
    expect(result.output).toContain("expect(received).toEqual('HI!')");
    expect(result.output).toMatch(/Expected: 'HI!'\s+(\|\s+)?Received: 'hi!'/);
    expect(result.output).toContain("Expected the error: Error('text must be a string')");
    expect(result.output).toContain('Expected the promise to reject; it resolved to 1');
    expect(result.output).toContain('# fail 3');
  });

  it('a stub that does not export a name yet fails the tests that use it, and only those', () => {
    const result = runSpec('partial.test.js', "import { expect, test } from '@jest/globals';\nimport { LIMIT, twice } from './partial';\ntest('limit', () => expect(LIMIT).toBe(40));\ntest('twice', () => expect(twice(2)).toBe(4));\n", { 'partial.js': 'export const twice = (n) => n * 2;\n' });
    expect(result.output).toContain('Expected: 40');
    expect(result.output).toContain('# pass 1');
    expect(result.output).toContain('# fail 1');
  });
});
