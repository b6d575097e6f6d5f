import { defineConfig } from '@playwright/test';
import base from './playwright.config';

// Benches that click through the app as a learner (bench:sandbox runs them). They time, never
// assert, so they stay out of the end-to-end suite: only this config matches *.pw-bench.ts.
// No trace and no screenshots: Playwright's tracer snapshots the page's DOM around every action
// and records a screencast, in the page's own renderer, inside the very clicks being timed; a
// learner's window carries none of that.
export default defineConfig({
  ...base,
  testMatch: '**/*.pw-bench.ts',
  outputDir: 'test-results/bench',
  reporter: [['list']],
  use: { ...base.use, trace: 'off', screenshot: 'off' },
});
