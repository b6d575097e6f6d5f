// Exercism's JavaScript tests are Jest specs (describe/test/xtest/expect from '@jest/globals',
// imports without extensions). Our checks run node:test, so a spec is translated: its Jest
// import points at a small shim (jest-compat.js, shipped in the exercise's tests/) that maps
// describe/test onto node:test and implements the common `expect` matchers. Specs using what
// the shim lacks (jest.fn mocks, asymmetric matchers, snapshots, test.each, CommonJS, npm
// packages) are reported instead of converted. Pure.

export const JEST_COMPAT_FILE = 'jest-compat.js';

/** The matchers jest-compat.js implements (a test keeps this list and the shim in step). */
export const supportedMatchers = [
  'toBe',
  'toEqual',
  'toStrictEqual',
  'toBeTruthy',
  'toBeFalsy',
  'toBeNull',
  'toBeUndefined',
  'toBeDefined',
  'toBeNaN',
  'toBeGreaterThan',
  'toBeGreaterThanOrEqual',
  'toBeLessThan',
  'toBeLessThanOrEqual',
  'toBeCloseTo',
  'toContain',
  'toContainEqual',
  'toHaveLength',
  'toMatch',
  'toBeInstanceOf',
  'toHaveProperty',
  'toMatchObject',
  'toThrow',
  'toThrowError',
] as const;

const jestGlobals = ['afterAll', 'afterEach', 'beforeAll', 'beforeEach', 'describe', 'expect', 'it', 'test', 'xdescribe', 'xit', 'xtest'];

export type SpecTranslation = { readonly ok: true; readonly source: string } | { readonly ok: false; readonly unsupported: string[] };

/** Strings and comments blanked out, so API detection does not trip over test names. */
function codeOnly(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*|'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g, (match) => match.replace(/[^\n]/g, ' '));
}

/** What a spec uses that jest-compat.js does not provide (empty when it can be translated). */
export function unsupportedJestApis(source: string): string[] {
  const code = codeOnly(source);
  const found = new Set<string>();
  for (const match of code.matchAll(/\bjest\s*\.\s*(\w+)/g)) found.add(`jest.${match[1]!}`);
  for (const match of code.matchAll(/\bexpect\s*\.\s*(\w+)/g)) found.add(`expect.${match[1]!}`);
  for (const match of code.matchAll(/\b(?:test|it|describe)\s*\.\s*each\b/g)) found.add(match[0].replace(/\s/g, ''));
  for (const match of code.matchAll(/\.\s*(to[A-Z]\w*)\s*\(/g)) {
    if (!(supportedMatchers as readonly string[]).includes(match[1]!)) found.add(match[1]!);
  }
  if (/\brequire\s*\(/.test(code)) found.add('require() (CommonJS)');
  for (const match of source.matchAll(/^\s*import\s[^;]*?from\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]/gm)) {
    const specifier = (match[1] ?? match[2])!;
    if (specifier === '@jest/globals' || specifier.startsWith('./') || specifier.startsWith('node:')) continue;
    found.add(specifier.startsWith('../') ? `an import from outside the exercise (${specifier})` : `the package "${specifier}"`);
  }
  return [...found].sort();
}

/**
 * Named imports from the exercise's own modules read through a namespace, as Jest's Babel
 * transform does: a name the learner has not written yet is undefined and fails its tests,
 * instead of an ES module link error that stops the whole file (and every test) from loading.
 */
function withLenientImports(source: string): string {
  let count = 0;
  return source.replace(/^import\s+([^'";]*?)\s+from\s*(['"])(\.\/[^'"]+)\2\s*;?/gm, (whole, clause: string, quote: string, specifier: string) => {
    if (specifier === `./${JEST_COMPAT_FILE}` || specifier.endsWith('.json')) return whole;
    const parsed = /^(?:([A-Za-z_$][\w$]*)\s*,?\s*)?(?:\{([\s\S]*)\})?$/.exec(clause.replace(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g, '').trim());
    if (!parsed || (!parsed[1] && parsed[2] === undefined)) return whole;
    const namespace = `__module${(count += 1)}`;
    const names = (parsed[2] ?? '')
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => part.replace(/^([\w$]+)\s+as\s+([\w$]+)$/, '$1: $2'));
    return [
      `import * as ${namespace} from ${quote}${specifier}${quote};`,
      ...(parsed[1] ? [`const ${parsed[1]} = ${namespace}.default;`] : []),
      ...(names.length ? [`const { ${names.join(', ')} } = ${namespace};`] : []),
    ].join('\n');
  });
}

/**
 * A Jest spec as a node:test file: the '@jest/globals' import (or, for older specs using Jest's
 * globals, a new import) points at jest-compat.js, extension-less relative imports get ".js"
 * as ES modules need, and named imports from the exercise's modules are read leniently.
 */
export function translateJestSpec(source: string): SpecTranslation {
  const unsupported = unsupportedJestApis(source);
  if (unsupported.length) return { ok: false, unsupported };
  let translated = source.replace(/from\s*(['"])@jest\/globals\1/g, `from './${JEST_COMPAT_FILE}'`);
  if (translated === source) translated = `import { ${jestGlobals.join(', ')} } from './${JEST_COMPAT_FILE}';\n${source}`;
  translated = translated.replace(/(\bfrom\s*|\bimport\s*)(['"])(\.\/[^'"]+)\2/g, (whole, keyword: string, quote: string, specifier: string) =>
    /\.[cm]?js$|\.json$/.test(specifier) ? whole : `${keyword}${quote}${specifier}.js${quote}`,
  );
  translated = withLenientImports(translated);
  return { ok: true, source: `// Translated from Jest by \`drona course import-exercism\`: describe/test/expect come from ./${JEST_COMPAT_FILE} (node:test).\n${translated}` };
}

/** jest-compat.js itself (an ES module for Node 18+). No backticks or "${" inside: it lives in String.raw. */
export const jestCompatSource = String.raw`// Jest's describe/test/expect on node:test, for tests imported from Exercism by
// 'drona course import-exercism'. Only the matchers in MATCHERS exist; Jest's mocks do not.
import * as nodeTest from 'node:test';
import { AssertionError } from 'node:assert';
import { inspect } from 'node:util';

// Errors as Error('message'): their stacks would bury what the learner needs.
const show = (value) => (value instanceof Error ? value.name + '(' + inspect(value.message) + ')' : inspect(value, { depth: 6, breakLength: 100 }));

// Jest passes 'done' to a body that declares a parameter; node:test passes (t, done).
const body = (fn) => (typeof fn === 'function' && fn.length >= 1 ? (_t, done) => fn(done) : () => fn());

const makeTest = (options) => (name, fn, timeout) => nodeTest.test(name, { ...options, ...(timeout ? { timeout } : {}) }, body(fn));
export const test = makeTest({});
test.skip = makeTest({ skip: true });
test.todo = (name) => nodeTest.test(name, { todo: true });
test.only = test;
export const it = test;
// Exercism skips all but the first test so learners can go one at a time; its runner runs them all, as we do.
export const xtest = test;
export const xit = test;

export const describe = (name, fn) => nodeTest.describe(name, fn);
describe.skip = (name, fn) => nodeTest.describe(name, { skip: true }, fn);
describe.only = describe;
export const xdescribe = describe;

const hook = (register) => (fn, timeout) => register(body(fn), timeout ? { timeout } : {});
export const beforeEach = hook(nodeTest.beforeEach);
export const afterEach = hook(nodeTest.afterEach);
export const beforeAll = hook(nodeTest.before);
export const afterAll = hook(nodeTest.after);

function equals(a, b, strict) {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (strict && Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (a instanceof Error && b instanceof Error) return a.message === b.message && a.name === b.name;
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && Object.is(a.getTime(), b.getTime());
  if (a instanceof RegExp || b instanceof RegExp) return String(a) === String(b);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (a instanceof Map || b instanceof Map) {
    if (!(a instanceof Map && b instanceof Map) || a.size !== b.size) return false;
    for (const [key, value] of a) if (!b.has(key) || !equals(value, b.get(key), strict)) return false;
    return true;
  }
  if (a instanceof Set || b instanceof Set) {
    if (!(a instanceof Set && b instanceof Set) || a.size !== b.size) return false;
    for (const value of a) if (!b.has(value) && ![...b].some((other) => equals(value, other, strict))) return false;
    return true;
  }
  if (Array.isArray(a) && a.length !== b.length) return false;
  const keys = (object) => Object.keys(object).filter((key) => strict || object[key] !== undefined);
  const keysA = keys(a);
  if (keysA.length !== keys(b).length) return false;
  return keysA.every((key) => Object.prototype.hasOwnProperty.call(b, key) && equals(a[key], b[key], strict));
}

function matchesObject(actual, expected) {
  if (typeof expected !== 'object' || expected === null) return equals(actual, expected, false);
  if (typeof actual !== 'object' || actual === null) return false;
  if (Array.isArray(expected)) return Array.isArray(actual) && actual.length === expected.length && expected.every((item, i) => matchesObject(actual[i], item));
  return Object.keys(expected).every((key) => key in actual && matchesObject(actual[key], expected[key]));
}

const compare = (pass, expected, received) => ({ pass, detail: (not) => 'Expected: ' + (not ? 'not ' : '') + show(expected) + '\nReceived: ' + show(received) });
const about = (pass, text) => ({ pass, detail: () => text });

function thrownBy(received, rejected) {
  if (rejected) return { threw: true, error: received };
  if (typeof received !== 'function') return { threw: false, notAFunction: true };
  try {
    received();
  } catch (error) {
    return { threw: true, error };
  }
  return { threw: false };
}

function toThrow(received, expected) {
  const { threw, error, notAFunction } = thrownBy(received, this.rejected);
  if (notAFunction) return about(false, 'toThrow needs a function to call, e.g. expect(() => f(x)).toThrow(); received ' + show(received));
  if (!threw) return about(false, 'The function did not throw.');
  const message = error && typeof error === 'object' && 'message' in error ? error.message : String(error);
  let pass = true;
  if (typeof expected === 'string') pass = String(message).includes(expected);
  else if (expected instanceof RegExp) pass = expected.test(String(message));
  else if (typeof expected === 'function') pass = error instanceof expected;
  else if (expected && typeof expected === 'object') pass = message === expected.message;
  return about(pass, 'Expected the error: ' + show(expected) + '\nThrown: ' + show(error));
}

function propertyAt(object, path) {
  const parts = Array.isArray(path) ? path : String(path).split('.');
  let current = object;
  for (const part of parts) {
    if (current === null || current === undefined || !(Object(current) instanceof Object) || !(part in Object(current))) return { found: false };
    current = current[part];
  }
  return { found: true, value: current };
}

const MATCHERS = {
  toBe: (r, e) => compare(Object.is(r, e), e, r),
  toEqual: (r, e) => compare(equals(r, e, false), e, r),
  toStrictEqual: (r, e) => compare(equals(r, e, true), e, r),
  toBeTruthy: (r) => about(Boolean(r), 'Received: ' + show(r)),
  toBeFalsy: (r) => about(!r, 'Received: ' + show(r)),
  toBeNull: (r) => compare(r === null, null, r),
  toBeUndefined: (r) => compare(r === undefined, undefined, r),
  toBeDefined: (r) => about(r !== undefined, 'Received: ' + show(r)),
  toBeNaN: (r) => compare(Number.isNaN(r), NaN, r),
  toBeGreaterThan: (r, e) => about(r > e, 'Expected: > ' + show(e) + '\nReceived: ' + show(r)),
  toBeGreaterThanOrEqual: (r, e) => about(r >= e, 'Expected: >= ' + show(e) + '\nReceived: ' + show(r)),
  toBeLessThan: (r, e) => about(r < e, 'Expected: < ' + show(e) + '\nReceived: ' + show(r)),
  toBeLessThanOrEqual: (r, e) => about(r <= e, 'Expected: <= ' + show(e) + '\nReceived: ' + show(r)),
  toBeCloseTo: (r, e, digits = 2) => compare(r === e || Math.abs(e - r) < Math.pow(10, -digits) / 2, e, r),
  toContain: (r, e) => about(r instanceof Set ? r.has(e) : r != null && typeof r.includes === 'function' && r.includes(e), 'Expected to contain: ' + show(e) + '\nReceived: ' + show(r)),
  toContainEqual: (r, e) => about(r != null && Array.from(r).some((item) => equals(item, e, false)), 'Expected to contain an item equal to: ' + show(e) + '\nReceived: ' + show(r)),
  toHaveLength: (r, e) => about(r != null && r.length === e, 'Expected length: ' + show(e) + '\nReceived length: ' + show(r == null ? r : r.length) + '\nReceived: ' + show(r)),
  toMatch: (r, e) => about(typeof r === 'string' && (typeof e === 'string' ? r.includes(e) : e.test(r)), 'Expected to match: ' + show(e) + '\nReceived: ' + show(r)),
  toBeInstanceOf: (r, e) => about(r instanceof e, 'Expected an instance of ' + (e && e.name) + '\nReceived: ' + show(r)),
  toHaveProperty(r, path, ...value) {
    const at = propertyAt(r, path);
    const pass = at.found && (value.length === 0 || equals(at.value, value[0], false));
    return about(pass, 'Expected property ' + show(path) + (value.length ? ' equal to ' + show(value[0]) : '') + '\nReceived: ' + show(r));
  },
  toMatchObject: (r, e) => compare(matchesObject(r, e), e, r),
  toThrow,
  toThrowError: toThrow,
};

function failure(name, not, args, detail) {
  return new AssertionError({ message: 'expect(received)' + (not ? '.not' : '') + '.' + name + '(' + args.map(show).join(', ') + ')\n\n' + detail });
}

function matchers(received, not, mode) {
  const out = {};
  for (const [name, check] of Object.entries(MATCHERS)) {
    out[name] = (...args) => {
      const run = (value) => {
        const result = check.call({ rejected: mode === 'rejects' }, value, ...args);
        if (result.pass === not) throw failure(name, not, args, result.detail(not));
      };
      if (mode === 'resolves') return Promise.resolve(received).then(run, (error) => Promise.reject(failure(name, not, args, 'Expected the promise to resolve; it rejected with ' + show(error))));
      if (mode === 'rejects') return Promise.resolve(received).then((value) => Promise.reject(failure(name, not, args, 'Expected the promise to reject; it resolved to ' + show(value))), run);
      return run(received);
    };
  }
  return out;
}

export function expect(received) {
  const base = matchers(received, false, null);
  base.not = matchers(received, true, null);
  base.resolves = matchers(received, false, 'resolves');
  base.resolves.not = matchers(received, true, 'resolves');
  base.rejects = matchers(received, false, 'rejects');
  base.rejects.not = matchers(received, true, 'rejects');
  return base;
}

export const MATCHER_NAMES = Object.keys(MATCHERS);
`;
