// Module hook for checks: a test file's `node:test` becomes node-test-with-output.mjs, the same
// API with each test's console output recorded, so results can carry it per test.
const wrapper = new URL('./node-test-with-output.mjs', import.meta.url).href;

export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'node:test' && context.parentURL !== wrapper) return { url: wrapper, shortCircuit: true };
  return nextResolve(specifier, context);
}
