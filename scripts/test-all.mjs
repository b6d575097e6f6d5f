// `npm test`: every suite in order (type-check, lint, format, build, unit + integration, end-to-end,
// Electron security), then one closing line with the totals.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const results = path.join(root, 'test-results');
fs.mkdirSync(results, { recursive: true });
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

const totals = { passed: 0, failed: 0, skipped: 0 };
const failedSteps = [];
/** The names of the tests that failed, repeated at the very end: a CI log is often read from its tail. */
const failedTests = [];

function step(name, command, args, count) {
  const started = Date.now();
  process.stdout.write(`\n━━ ${name} ━━\n`);
  const run = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, DRONA_BUILT: '1' } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const ok = run.status === 0;
  if (count) count();
  else if (ok) totals.passed += 1;
  else totals.failed += 1;
  if (!ok) failedSteps.push(name);
  process.stdout.write(`━━ ${name}: ${ok ? 'ok' : `FAILED (exit ${run.status ?? run.signal})`} in ${seconds} s\n`);
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

step('type-check', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']);
step('lint', bin('eslint'), ['--max-warnings', '0', '.']);
step('format (Prettier)', bin('prettier'), ['--check', '.']);
step('build', process.execPath, ['scripts/build.mjs']);

const vitestReport = path.join(results, 'vitest.json');
fs.rmSync(vitestReport, { force: true });
step('unit and integration (vitest)', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestReport}`], () => {
  const report = readJson(vitestReport);
  if (!report) return void (totals.failed += 1);
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests + (report.numFailedTestSuites ?? 0);
  totals.skipped += report.numPendingTests + (report.numTodoTests ?? 0);
  for (const file of report.testResults ?? []) {
    const failures = (file.assertionResults ?? []).filter((test) => test.status === 'failed');
    if (file.status === 'failed' && failures.length === 0)
      failedTests.push(`vitest ${path.relative(root, file.name)}: ${file.message || 'the file failed to run'}`);
    for (const test of failures) failedTests.push(`vitest ${path.relative(root, file.name)} › ${test.fullName}: ${firstLine(test.failureMessages?.[0])}`);
  }
});

const e2eReport = path.join(results, 'e2e-report.json');
fs.rmSync(e2eReport, { force: true });
step('end-to-end (Playwright, serve mode)', bin('playwright'), ['test'], () => {
  const report = readJson(e2eReport);
  if (!report) return void (totals.failed += 1);
  totals.passed += report.stats.expected;
  totals.failed += report.stats.unexpected + report.stats.flaky + (report.errors?.length ?? 0);
  totals.skipped += report.stats.skipped;
  collectFailedSpecs(report.suites ?? []);
});

function firstLine(message) {
  return (message ?? '').split('\n')[0].slice(0, 200);
}

function collectFailedSpecs(suites) {
  for (const suite of suites) {
    for (const spec of suite.specs ?? [])
      for (const test of spec.tests ?? [])
        if (test.status === 'unexpected' || test.status === 'flaky') failedTests.push(`e2e ${spec.file}:${spec.line} › ${spec.title} (${test.status})`);
    collectFailedSpecs(suite.suites ?? []);
  }
}

step('Electron security (Electronegativity)', process.execPath, ['scripts/electronegativity.mjs']);

if (process.env.CI === 'true' && totals.skipped > 0) {
  failedSteps.push(`${totals.skipped} skipped test(s): nothing may skip in CI`);
  totals.failed += totals.skipped;
}
process.stdout.write(`\n${failedSteps.length ? `Failed: ${failedSteps.join(', ')}\n` : ''}`);
for (const test of failedTests.slice(0, 40)) process.stdout.write(`  ✘ ${test}\n`);
process.stdout.write(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
process.exit(failedSteps.length ? 1 : 0);
