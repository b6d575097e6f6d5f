// node:test with each test's output recorded (stdout and stderr, in the order written) under
// the test's full name ("suite > test"), the name drona-reporter.mjs gives it.
import * as real from 'node:test';

const outputs = (globalThis.__dronaTestOutput ??= new Map());
const suites = [];
let current = null;

for (const stream of [process.stdout, process.stderr]) {
  const write = stream.write.bind(stream);
  stream.write = (chunk, ...rest) => {
    if (current !== null) outputs.set(current, (outputs.get(current) ?? '') + (typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')));
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

function recordingTest(original) {
  return keepProperties(function (...args) {
    const bodyIndex = args.findIndex((arg) => typeof arg === 'function');
    const fullName = [...suites, nameOf(args, bodyIndex)].join(' > ');
    // Callback-style tests (t, done) keep their own body: their end is not a returned promise.
    if (bodyIndex >= 0 && args[bodyIndex].length < 2) {
      const body = args[bodyIndex];
      args[bodyIndex] = async function (t) {
        const previous = current;
        current = fullName;
        try {
          return await body.call(this, t);
        } finally {
          current = previous;
        }
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
