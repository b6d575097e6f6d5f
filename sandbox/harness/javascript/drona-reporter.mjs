// node:test reporter: writes the Exercism v3 test-runner results JSON for a check.
// Tests are reported in the order they ran (file order for node:test's sequential tests);
// a test inside a describe() is named "suite > test"; a failed assertion's message is the
// one the test wrote (assert.equal(add(2, 3), 5, 'add(2, 3) should be 5')).
const MESSAGE_LIMIT = 2000;

const cut = (text, limit) => (text.length <= limit ? text : `${text.slice(0, limit)}\n[cut at ${limit} characters]`);

function describeFailure(error) {
  // A parent test whose subtests failed: it failed too, with nothing wrong of its own.
  if (error && error.failureType === 'subtestsFailed') return { status: 'fail', message: String(error.message ?? 'A subtest failed.') };
  const cause = error && error.cause !== undefined ? error.cause : error;
  if (cause && (cause.code === 'ERR_ASSERTION' || cause.name === 'AssertionError')) {
    return { status: 'fail', message: cut(String(cause.message ?? 'The assertion failed.').trim(), MESSAGE_LIMIT) };
  }
  if (cause instanceof Error || (cause && typeof cause.message === 'string')) {
    return { status: 'error', message: cut(`${cause.name ?? 'Error'}: ${cause.message}`.trim(), MESSAGE_LIMIT) };
  }
  return { status: 'error', message: cut(String(cause), MESSAGE_LIMIT) };
}

export default async function* dronaReporter(source) {
  const tests = [];
  const names = [];
  for await (const event of source) {
    const data = event.data ?? {};
    if (event.type === 'test:start') {
      names[data.nesting] = data.name;
      names.length = data.nesting + 1;
      continue;
    }
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    if (data.details?.type === 'suite') continue;
    const name = [...names.slice(0, data.nesting), data.name].join(' > ');
    if (event.type === 'test:pass') {
      tests.push(data.skip || data.todo ? { name, status: 'pass', message: 'skipped' } : { name, status: 'pass' });
    } else {
      tests.push({ name, ...describeFailure(data.details?.error) });
    }
  }
  // Each test's output, recorded by node-test-with-output.mjs in this same process.
  const outputs = globalThis.__dronaTestOutput;
  for (const test of tests) {
    const output = outputs?.get(test.name);
    if (output && output.trim()) test.output = output.trimEnd();
  }
  const status = tests.length === 0 ? 'error' : tests.every((test) => test.status === 'pass') ? 'pass' : 'fail';
  const results = { version: 3, status, tests };
  if (tests.length === 0) results.message = 'No tests were found.';
  yield JSON.stringify(results);
}
