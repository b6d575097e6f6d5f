// node:test for QuickJS: test/it, describe/suite, t.test subtests, done callbacks, skip/todo,
// hooks. Tests run one after another in the order the files register them; each result is
// named "suite > test > subtest" and keeps the output written while it ran, as the Docker
// harness (drona-reporter.mjs) reports them.
const registered = [];
const suites = [];
const results = [];
const outputs = new Map();
let current;

globalThis.__drona_onOutput = (text) => {
  if (current !== undefined) outputs.set(current, (outputs.get(current) ?? '') + text);
};

function describeFailure(error) {
  if (error && (error.code === 'ERR_ASSERTION' || error.name === 'AssertionError'))
    return { status: 'fail', message: String(error.message ?? 'The assertion failed.').trim() };
  if (error instanceof Error || (error && typeof error.message === 'string'))
    return { status: 'error', message: `${error.name ?? 'Error'}: ${error.message}`.trim() };
  return { status: 'error', message: String(error) };
}

function parse(args) {
  const name = typeof args[0] === 'string' ? args[0] : (args.find((a) => typeof a === 'function')?.name ?? '<anonymous>');
  const options = args.find((a) => a && typeof a === 'object') ?? {};
  const body = args.find((a) => typeof a === 'function');
  return { name, options, body };
}

async function runBody(fullName, body, context) {
  const previous = current;
  current = fullName;
  try {
    if (body.length >= 2) {
      await new Promise((resolve, reject) => {
        const result = body(context, (error) => (error ? reject(error) : resolve()));
        if (result && typeof result.then === 'function') result.then(undefined, reject);
      });
    } else {
      await body(context);
    }
  } finally {
    current = previous;
  }
}

async function runTest(fullName, options, body) {
  if (options.skip || options.todo || !body) {
    results.push({ name: fullName, status: 'pass', message: 'skipped' });
    return true;
  }
  const failedSubtests = [];
  const context = {
    name: fullName.split(' > ').pop(),
    diagnostic: () => undefined,
    skip: () => undefined,
    todo: () => undefined,
    test: async (...args) => {
      const sub = parse(args);
      const passed = await runTest(`${fullName} > ${sub.name}`, sub.options, sub.body);
      if (!passed) failedSubtests.push(sub.name);
      return passed;
    },
  };
  try {
    await runBody(fullName, body, context);
  } catch (error) {
    results.push({ name: fullName, ...describeFailure(error) });
    return false;
  }
  if (failedSubtests.length) {
    results.push({ name: fullName, status: 'fail', message: `${failedSubtests.length} subtest${failedSubtests.length > 1 ? 's' : ''} failed` });
    return false;
  }
  results.push({ name: fullName, status: 'pass' });
  return true;
}

export function test(...args) {
  const { name, options, body } = parse(args);
  registered.push({ name: [...suites, name].join(' > '), options, body });
}
test.skip = (...args) => test(...args.filter((a) => typeof a !== 'object'), { skip: true });
test.todo = (...args) => test(...args.filter((a) => typeof a !== 'object'), { todo: true });
test.only = test;
export const it = test;

export function describe(...args) {
  const { name, options, body } = parse(args);
  if (options.skip || !body) return;
  suites.push(name);
  try {
    body();
  } finally {
    suites.pop();
  }
}
describe.skip = () => undefined;
describe.only = describe;
export const suite = describe;

const hooks = { before: [], after: [], beforeEach: [], afterEach: [] };
export const before = (fn) => hooks.before.push(fn);
export const after = (fn) => hooks.after.push(fn);
export const beforeEach = (fn) => hooks.beforeEach.push(fn);
export const afterEach = (fn) => hooks.afterEach.push(fn);
export const mock = { fn: (impl = () => undefined) => impl };

/** Runs every registered test in order; the Exercism v3 results. */
export async function __drona_run() {
  for (const hook of hooks.before) await hook();
  for (const { name, options, body } of registered) {
    for (const hook of hooks.beforeEach) await hook();
    await runTest(name, options, body);
    for (const hook of hooks.afterEach) await hook();
  }
  for (const hook of hooks.after) await hook();
  for (const result of results) {
    const output = outputs.get(result.name);
    if (output && output.trim()) result.output = output.trimEnd();
  }
  const status = results.length === 0 ? 'error' : results.every((r) => r.status === 'pass') ? 'pass' : 'fail';
  return { version: 3, status, tests: results, ...(results.length === 0 ? { message: 'No tests were found.' } : {}) };
}

export default test;
