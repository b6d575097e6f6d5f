import { defineConfig } from '@playwright/test';
import base from './playwright.config';

// Benches that click through the app as a learner (bench:sandbox runs them). They time, never
// assert, so they stay out of the end-to-end suite: only this config matches *.pw-bench.ts.
export default defineConfig({ ...base, testMatch: '**/*.pw-bench.ts', outputDir: 'test-results/bench', reporter: [['list']] });
