// node:assert (and node:assert/strict) for QuickJS: the assertions exercises use, failing with
// an AssertionError whose message is the test's own when it gives one, as Node's does.
const inspect = (value) => globalThis.__drona_inspect(value, 1);

export class AssertionError extends Error {
  constructor(options) {
    super(options.message);
    this.name = 'AssertionError';
    this.code = 'ERR_ASSERTION';
    this.actual = options.actual;
    this.expected = options.expected;
    this.operator = options.operator;
    this.generatedMessage = !options.given;
  }
}

function fail(given, actual, expected, operator, generated) {
  if (given instanceof Error) throw given;
  throw new AssertionError({ message: given === undefined ? generated : String(given), given: given !== undefined, actual, expected, operator });
}

function deepEqual(a, b, strict, seen = new Map()) {
  if (strict ? Object.is(a, b) : a == b || (a !== a && b !== b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (strict && Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (seen.get(a) === b) return true;
  seen.set(a, b);
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (a instanceof Map && b instanceof Map) return a.size === b.size && [...a].every(([k, v]) => b.has(k) && deepEqual(v, b.get(k), strict, seen));
  if (a instanceof Set && b instanceof Set) return a.size === b.size && [...a].every((v) => b.has(v));
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  return keysA.length === keysB.length && keysA.every((k) => Object.prototype.hasOwnProperty.call(b, k) && deepEqual(a[k], b[k], strict, seen));
}

function matches(error, expected) {
  if (expected === undefined) return true;
  if (typeof expected === 'function') {
    if (expected.prototype !== undefined && error instanceof expected) return true;
    if (Object.prototype.isPrototypeOf.call(Error, expected) || expected === Error) return false;
    return expected(error) === true;
  }
  if (expected instanceof RegExp) return expected.test(String(error && error.message !== undefined ? error.message : error));
  if (typeof expected === 'object')
    return Object.keys(expected).every((k) => (expected[k] instanceof RegExp ? expected[k].test(error[k]) : deepEqual(error[k], expected[k], true)));
  return false;
}

function make(strict) {
  const equal = (actual, expected, message) =>
    (strict ? Object.is(actual, expected) : actual == expected) ||
    fail(
      message,
      actual,
      expected,
      strict ? 'strictEqual' : '==',
      `Expected values to be ${strict ? 'strictly ' : 'loosely '}equal:\n\n${inspect(actual)} !== ${inspect(expected)}\n`,
    );
  const notEqual = (actual, expected, message) =>
    !(strict ? Object.is(actual, expected) : actual == expected) ||
    fail(message, actual, expected, 'notStrictEqual', `Expected "actual" to be strictly unequal to: ${inspect(expected)}`);
  const deep = (actual, expected, message) =>
    deepEqual(actual, expected, strict) ||
    fail(
      message,
      actual,
      expected,
      'deepStrictEqual',
      `Expected values to be ${strict ? 'strictly ' : 'loosely '}deep-equal:\n\n${inspect(actual)}\n\nshould equal\n\n${inspect(expected)}`,
    );
  const notDeep = (actual, expected, message) =>
    !deepEqual(actual, expected, strict) ||
    fail(message, actual, expected, 'notDeepStrictEqual', `Expected "actual" not to be ${strict ? 'strictly ' : ''}deep-equal to: ${inspect(expected)}`);
  const ok = (value, message) =>
    Boolean(value) || fail(message, value, true, '==', `The expression evaluated to a falsy value:\n\n  assert.ok(${inspect(value)})\n`);
  const throws = (fn, expected, message) => {
    if (typeof expected === 'string') [message, expected] = [expected, undefined];
    try {
      fn();
    } catch (error) {
      if (!matches(error, expected)) throw error;
      return;
    }
    fail(message, undefined, expected, 'throws', `Missing expected exception${expected && expected.name ? ` (${expected.name})` : ''}.`);
  };
  const rejects = async (promiseOrFn, expected, message) => {
    if (typeof expected === 'string') [message, expected] = [expected, undefined];
    try {
      await (typeof promiseOrFn === 'function' ? promiseOrFn() : promiseOrFn);
    } catch (error) {
      if (!matches(error, expected)) throw error;
      return;
    }
    fail(message, undefined, expected, 'rejects', `Missing expected rejection${expected && expected.name ? ` (${expected.name})` : ''}.`);
  };
  const doesNotThrow = (fn, message) => {
    try {
      fn();
    } catch (error) {
      fail(message, error, undefined, 'doesNotThrow', `Got unwanted exception.\nActual message: "${error && error.message}"`);
    }
  };
  const match = (text, pattern, message) =>
    pattern.test(text) || fail(message, text, pattern, 'match', `The input did not match the regular expression ${pattern}. Input:\n\n${inspect(text)}\n`);
  const assert = (value, message) => ok(value, message);
  Object.assign(assert, {
    AssertionError,
    ok,
    equal,
    notEqual,
    strictEqual: (a, e, m) => Object.is(a, e) || fail(m, a, e, 'strictEqual', `Expected values to be strictly equal:\n\n${inspect(a)} !== ${inspect(e)}\n`),
    notStrictEqual: (a, e, m) => !Object.is(a, e) || fail(m, a, e, 'notStrictEqual', `Expected "actual" to be strictly unequal to: ${inspect(e)}`),
    deepEqual: deep,
    notDeepEqual: notDeep,
    deepStrictEqual: (a, e, m) =>
      deepEqual(a, e, true) || fail(m, a, e, 'deepStrictEqual', `Expected values to be strictly deep-equal:\n\n${inspect(a)}\n\nshould equal\n\n${inspect(e)}`),
    notDeepStrictEqual: (a, e, m) =>
      !deepEqual(a, e, true) || fail(m, a, e, 'notDeepStrictEqual', `Expected "actual" not to be strictly deep-equal to: ${inspect(e)}`),
    throws,
    rejects,
    doesNotThrow,
    match,
    fail: (message = 'Failed') => fail(message, undefined, undefined, 'fail', 'Failed'),
  });
  return assert;
}

export const strict = make(true);
strict.strict = strict;
const loose = make(false);
loose.strict = strict;
export default loose;
