// bench:startup — from `drona serve` process start to the shell's first contentful paint in
// Chromium, and the renderer's initial JS (gzipped). Baseline, measured in the same run: a bare
// Node HTTP server serving a one-line page, started and painted the same way. Goal (issue #20):
// the shell's first paint within 3x the baseline's, p50.
import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const runs = Number(process.env.BENCH_RUNS ?? 10);
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function startProcess(args) {
  const startedAt = Date.now();
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let urlAt = 0;
  const url = new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /(http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(out);
      if (match) {
        urlAt ||= Date.now();
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
  });
  return { startedAt, url, urlAfter: () => urlAt - startedAt, stop: () => new Promise((r) => (child.once('exit', r), child.kill('SIGTERM'))) };
}

async function firstContentfulPaint(page, url, readySelector) {
  await page.goto(url);
  if (readySelector) await page.waitForSelector(readySelector);
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        const done = (entry) => resolve(performance.timeOrigin + entry.startTime);
        const existing = performance.getEntriesByName('first-contentful-paint')[0];
        if (existing) return done(existing);
        new PerformanceObserver((list) => done(list.getEntries()[0])).observe({ type: 'paint', buffered: true });
      }),
  );
}

const percentile = (values, p) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))];

const browser = await chromium.launch({
  executablePath: chromiumPath,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});

// A learner who has done the first run, so every measured start paints the shell.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'drona-bench-startup-'));
{
  const serve = startProcess(['bin/drona.mjs', 'serve', '--no-open', '--data-dir', dataDir]);
  const page = await browser.newPage();
  await page.goto(await serve.url);
  await page.getByLabel('What should we call you?').fill('Bench');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Start learning' }).click();
  await page.waitForSelector('nav[aria-label="Activities"]');
  await page.close();
  await serve.stop();
}

const baselineServer = `
  const http = require('node:http');
  const server = http.createServer((req, res) => { res.writeHead(200, {'content-type': 'text/html'}); res.end('<!doctype html><p>Hello</p>'); });
  server.listen(0, '127.0.0.1', () => console.log('running at http://127.0.0.1:' + server.address().port + '/'));`;

const app = [];
const baseline = [];
const appUrl = [];
const baselineUrl = [];
// Initial JS: every script the page fetches until the shell is up (the entry, its preloads and the
// app it imports after the first paint), as seen in the last app run.
let shellScripts = new Set();
for (let i = 0; i < runs; i++) {
  for (const [args, selector, into, urlInto] of [
    [['-e', baselineServer], null, baseline, baselineUrl],
    [['bin/drona.mjs', 'serve', '--no-open', '--data-dir', dataDir], 'nav[aria-label="Activities"]', app, appUrl],
  ]) {
    const context = await browser.newContext(); // cold cache each time
    const page = await context.newPage();
    const scriptsSeen = new Set();
    page.on('request', (request) => {
      const { pathname } = new URL(request.url());
      if (pathname.startsWith('/assets/') && pathname.endsWith('.js')) scriptsSeen.add(pathname.slice(1));
    });
    const proc = startProcess(args);
    const fcp = await firstContentfulPaint(page, await proc.url, selector);
    into.push(fcp - proc.startedAt);
    urlInto.push(proc.urlAfter());
    if (into === app) shellScripts = scriptsSeen;
    await context.close();
    await proc.stop();
  }
}
await browser.close();
fs.rmSync(dataDir, { recursive: true, force: true });

const rendererDir = path.join(root, 'dist', 'renderer');
const scripts = [...shellScripts];
const gzipped = scripts.reduce((sum, file) => sum + zlib.gzipSync(fs.readFileSync(path.join(rendererDir, file)), { level: 9 }).length, 0);
const raw = scripts.reduce((sum, file) => sum + fs.statSync(path.join(rendererDir, file)).size, 0);

const fmt = (ms) => `${ms.toFixed(0)} ms`;
const p50 = percentile(app, 50);
const b50 = percentile(baseline, 50);
console.log(`startup to first contentful paint of the shell, ${runs} runs (cold browser cache):`);
console.log(`  app       p50 ${fmt(p50)}  p95 ${fmt(percentile(app, 95))}`);
console.log(`  baseline  p50 ${fmt(b50)}  p95 ${fmt(percentile(baseline, 95))}  (bare Node server, one-line page)`);
console.log(`  of which process start to the printed URL: app p50 ${fmt(percentile(appUrl, 50))}, baseline p50 ${fmt(percentile(baselineUrl, 50))}`);
console.log(`  ratio app/baseline p50: ${(p50 / b50).toFixed(2)}x   goal: at most 3x the same-run baseline → ${p50 <= 3 * b50 ? 'met' : 'NOT met'}`);
console.log(`initial renderer JS: ${(gzipped / 1024).toFixed(1)} KB gzipped (${(raw / 1024).toFixed(1)} KB raw) in ${scripts.length} file(s)`);
console.log(`  ratio to the 400 KB budget: ${(gzipped / 1024 / 400).toFixed(2)}   goal → ${gzipped < 400 * 1024 ? 'met' : 'NOT met'}`);
