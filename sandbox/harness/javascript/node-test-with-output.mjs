// node:test with each test's output recorded (stdout and stderr, in the order written) under
// the test's full name ("suite > test > subtest"), the name drona-reporter.mjs gives it.
// AsyncLocalStorage follows a test's body into its callbacks, timers and awaited work, so
// callback-style tests (t, done) and subtests (t.test) keep their own output.
import { AsyncLocalStorage } from 'node:async_hooks';
import * as real from 'node:test';

const outputs = (globalThis.__dronaTestOutput ??= new Map());
const currentTest = new AsyncLocalStorage();
const suites = [];

for (const stream of [process.stdout, process.stderr]) {
  const write = stream.write.bind(stream);
  stream.write = (chunk, ...rest) => {
    const name = currentTest.getStore();
    if (name !== undefined) outputs.set(name, (outputs.get(name) ?? '') + (typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')));
    return write(chunk, ...rest);
  };
}

function nameOf(args, bodyIndex) {
  if (typeof args[0] === 'string') return args[0];
  return (bodyIndex >= 0 && args[bodyIndex].name) || '<anonymous>';
}

function keepProperties(wrapped, original) {
  for (const key of Object.getOwnPropertyNames(original)) {
    if (!['length', 'name', 'prototype', 'arguments', 'caller'].includes(key)) wrapped[key] = original[key];
  }
  return wrapped;
}

/** `test`/`it` (or a context's `t.test`) whose body runs with its full name as the current test. */
function recordingTest(original, parentName) {
  return keepProperties(function (...args) {
    const bodyIndex = args.findIndex((arg) => typeof arg === 'function');
    const ownName = nameOf(args, bodyIndex);
    const fullName = parentName ? `${parentName} > ${ownName}` : [...suites, ownName].join(' > ');
    if (bodyIndex >= 0) {
      const body = args[bodyIndex];
      // The wrapper keeps the body's arity: node:test passes `done` only to bodies declaring two parameters.
      const run = (self, t, rest) => {
        if (t && typeof t.test === 'function') t.test = recordingTest(t.test.bind(t), fullName);
        return currentTest.run(fullName, () => body.call(self, t, ...rest));
      };
      args[bodyIndex] =
        body.length >= 2
          ? function (t, done, ...rest) {
              return run(this, t, [done, ...rest]);
            }
          : function (t) {
              return run(this, t, []);
            };
    }
    return original.apply(this, args);
  }, original);
}

function namingSuite(original) {
  return keepProperties(function (...args) {
    const bodyIndex = args.findIndex((arg) => typeof arg === 'function');
    if (bodyIndex >= 0) {
      const name = nameOf(args, bodyIndex);
      const body = args[bodyIndex];
      args[bodyIndex] = function (...rest) {
        suites.push(name);
        try {
          return body.apply(this, rest);
        } finally {
          suites.pop();
        }
      };
    }
    return original.apply(this, args);
  }, original);
}

export * from 'node:test';
export const test = recordingTest(real.test);
export const it = recordingTest(real.it);
export const describe = namingSuite(real.describe);
export default test;
