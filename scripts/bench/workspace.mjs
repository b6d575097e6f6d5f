// bench:workspace — the IDE's responsiveness in serve mode:
//  1. time to an interactive editor after opening an exercise lesson, cold (fresh browser
//     context, Monaco not loaded) and warm (Monaco already loaded), beside the time to show a
//     lesson without an editor (baseline);
//  2. terminal keystroke-to-echo latency (p50/p95 of 200 keys) through serve mode's WebSocket
//     and the pty, beside the same shell driven by node-pty directly in this process (baseline);
//  3. the renderer's JS heap after opening 20 lessons in a row, against the heap after the first.
// Waits go through locators, never page.waitForSelector: the ElementHandles it returns live as
// long as the page and keep each old lesson's DOM alive, which the memory figures would count.
import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pty from 'node-pty';
import WebSocket from 'ws';
import YAML from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const KEYS = Number(process.env.BENCH_KEYS ?? 200);
const LESSONS = Number(process.env.BENCH_LESSONS ?? 20);

const percentile = (values, p) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))];
const median = (values) => percentile(values, 50);
const ms = (value) => `${value.toFixed(1)} ms`;

function startServe(dataDir) {
  const child = spawn(process.execPath, ['bin/drona.mjs', 'serve', '--no-open', '--data-dir', dataDir], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const url = new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /running at (http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+)/.exec(out);
      if (match) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`drona serve exited ${code}: ${out}`)));
  });
  return { url, stop: () => new Promise((resolve) => (child.once('exit', resolve), child.kill('SIGTERM'))) };
}

/** One call over serve mode's WebSocket. */
function socketClient(url) {
  const parsed = new URL(url);
  const socket = new WebSocket(`ws://${parsed.host}/ws?token=${parsed.searchParams.get('token')}`, { origin: parsed.origin });
  const pending = new Map();
  const listeners = new Set();
  let next = 1;
  socket.on('message', (data) => {
    const message = JSON.parse(String(data));
    if (message.t === 'result') pending.get(message.id)?.(message);
    else if (message.t === 'event') for (const listener of listeners) listener(message.name, message.payload);
  });
  return {
    ready: new Promise((resolve, reject) => (socket.once('open', resolve), socket.once('error', reject))),
    call: (name, input) =>
      new Promise((resolve, reject) => {
        const id = next++;
        pending.set(id, (message) => (message.ok ? resolve(message.value) : reject(new Error(message.error.message))));
        socket.send(JSON.stringify({ t: 'call', id, name, input }));
      }),
    on: (listener) => listeners.add(listener),
    close: () => socket.close(),
  };
}

/** Types KEYS characters one at a time; each waits for its echo. `write` sends, `onEcho` is fed the output. */
async function echoLatencies(write, subscribe) {
  let buffer = '';
  let waiting = null;
  subscribe((data) => {
    buffer += data;
    if (waiting && buffer.includes(waiting.char)) {
      const done = waiting;
      waiting = null;
      done.resolve(performance.now());
    }
  });
  // Wait for the prompt.
  await new Promise((resolve) => setTimeout(resolve, 500));
  const samples = [];
  const alphabet = 'abcdefghijklmnopqrstuvwxyz';
  for (let i = 0; i < KEYS; i++) {
    const char = alphabet[i % alphabet.length];
    buffer = '';
    const echoed = new Promise((resolve) => (waiting = { char, resolve }));
    const sent = performance.now();
    write(char);
    samples.push((await echoed) - sent);
    if (i % 40 === 39) {
      write('\x15'); // Ctrl+U: clear the line so it never wraps
      await new Promise((resolve) => setTimeout(resolve, 30));
    }
  }
  return samples;
}

async function terminalBench(url) {
  const shell = { file: '/bin/bash', args: ['--norc', '--noprofile'] };
  // Baseline: node-pty in this process.
  const direct = pty.spawn(shell.file, shell.args, { cols: 200, rows: 40, cwd: os.tmpdir(), env: { ...process.env, TERM: 'xterm-256color' } });
  const baseline = await echoLatencies(
    (data) => direct.write(data),
    (listener) => direct.onData(listener),
  );
  direct.kill();

  const client = socketClient(url);
  await client.ready;
  const created = await client.call('terminal.create', { cols: 200, rows: 40 });
  const app = await echoLatencies(
    (data) => void client.call('terminal.write', { id: created.id, data }),
    (listener) =>
      client.on((name, payload) => {
        if (name === 'terminal.data' && payload.id === created.id) listener(payload.data);
      }),
  );
  await client.call('terminal.kill', { id: created.id });
  client.close();
  return { baseline, app };
}

/** Python Basics' lessons in order, read from the bundle, with whether each has an exercise. */
function courseLessons() {
  const folder = path.join(root, 'courses', 'python-basics');
  const course = YAML.parse(fs.readFileSync(path.join(folder, 'course.yaml'), 'utf8'));
  return course.modules.flatMap((module) =>
    module.lessons.map((file) => {
      const front = YAML.parse(/^---\n([\s\S]*?)\n---/.exec(fs.readFileSync(path.join(folder, file), 'utf8'))[1]);
      return { courseId: course.id, lessonId: front.id, title: front.title, exercise: Boolean(front.exercise) };
    }),
  );
}

/** Opens `from` through settings.lastLesson (the app resumes there), then times each "Next lesson". */
async function walkLessons(browser, url, lessons, fromIndex, count, onEach) {
  const client = socketClient(url);
  await client.ready;
  const from = lessons[fromIndex];
  await client.call('settings.update', { lastLesson: { courseId: from.courseId, lessonId: from.lessonId } });
  client.close();
  const context = await browser.newContext(); // a cold cache: Monaco is not loaded yet
  const page = await context.newPage();
  await page.goto(url);
  await page.locator(`[data-lesson-id="${from.lessonId}"]`).waitFor();
  await page.evaluate(() => {
    globalThis.editorReadyAt = [];
    globalThis.document.addEventListener('drona:editor-ready', () => globalThis.editorReadyAt.push(globalThis.performance.now()));
  });
  for (let step = 1; step <= count; step++) {
    const lesson = lessons[fromIndex + step];
    const before = await page.evaluate(() => globalThis.editorReadyAt.length);
    const clickedAt = await page.evaluate(() => globalThis.performance.now());
    await page.getByRole('button', { name: 'Next lesson' }).click();
    await page.locator(`[data-lesson-id="${lesson.lessonId}"]`).waitFor();
    if (lesson.exercise) await page.waitForFunction((n) => globalThis.editorReadyAt.length > n, before);
    const shownAt = await page.evaluate((exercise) => (exercise ? globalThis.editorReadyAt.at(-1) : globalThis.performance.now()), lesson.exercise);
    await onEach({ lesson, step, elapsed: shownAt - clickedAt, page, context });
  }
  await context.close();
}

async function canvasBench(browser, url) {
  const lessons = courseLessons();
  const firstExercise = lessons.findIndex((lesson, index) => lesson.exercise && index > 0);
  const cold = [];
  const warm = [];
  const baseline = [];
  for (let round = 0; round < 3; round++) {
    await walkLessons(browser, url, lessons, firstExercise - 1, Math.min(12, lessons.length - firstExercise), ({ lesson, elapsed }) => {
      if (!lesson.exercise) baseline.push(elapsed);
      else if (cold.length === round) cold.push(elapsed);
      else warm.push(elapsed);
    });
  }
  let first = 0;
  let last = 0;
  const heap = async (page, context) => {
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    await cdp.detach();
    return usedSize;
  };
  const steps = Math.min(LESSONS, lessons.length - 1);
  // The reference heap is taken once Monaco and a first workspace are loaded, so the growth is
  // what lesson switches leave behind, not the editor's one-time cost.
  let firstStep = 0;
  await walkLessons(browser, url, lessons, 0, steps, async ({ lesson, step, page, context }) => {
    await page.waitForTimeout(100);
    if (!first && lesson.exercise) {
      first = await heap(page, context);
      firstStep = step;
    }
    if (step === steps) last = await heap(page, context);
  });
  return { cold, warm, baseline, first, last, steps, firstStep, ...(await steadyHeap(browser, url, lessons, steps)) };
}

/**
 * Growth once every lazy part (Monaco, Mermaid, highlighters) is loaded: walk the lessons forward,
 * take the heap, walk back and forward again in the same page, take it again.
 */
async function steadyHeap(browser, url, lessons, steps) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const client = socketClient(url);
  await client.ready;
  await client.call('settings.update', { lastLesson: { courseId: lessons[0].courseId, lessonId: lessons[0].lessonId } });
  client.close();
  await page.goto(url);
  await page.locator(`[data-lesson-id="${lessons[0].lessonId}"]`).waitFor();
  const go = async (name, index) => {
    await page.getByRole('button', { name, exact: true }).click();
    await page.locator(`[data-lesson-id="${lessons[index].lessonId}"]`).waitFor();
    await page.waitForTimeout(50);
  };
  const heapNow = async () => {
    await page.waitForTimeout(300);
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    const { documents, nodes, jsEventListeners } = await cdp.send('Memory.getDOMCounters');
    await cdp.detach();
    return { usedSize, documents, nodes, jsEventListeners };
  };
  const round = async () => {
    for (let i = steps - 1; i >= 0; i--) await go('Previous lesson', i);
    for (let i = 1; i <= steps; i++) await go('Next lesson', i);
  };
  // One full round back and forth first, so lazy chunks are loaded and V8 has compiled the hot code.
  for (let i = 1; i <= steps; i++) await go('Next lesson', i);
  await round();
  const warmedUp = await heapNow();
  await round();
  const afterMore = await heapNow();
  await context.close();
  return { warmedUp, afterMore, extraSwitches: steps * 2 };
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'drona-bench-workspace-'));
const serve = startServe(dataDir);
const url = await serve.url;
const browser = await chromium.launch({
  executablePath: chromiumPath,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--enable-precise-memory-info'],
});
try {
  {
    const page = await browser.newPage();
    await page.goto(url);
    await page.getByLabel('What should we call you?').fill('Bench');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'Start learning' }).click();
    await page.locator('nav[aria-label="Activities"]').waitFor();
    await page.close();
  }
  const terminal = await terminalBench(url);
  process.stdout.write(
    `terminal echo (${KEYS} keys): p50 ${ms(median(terminal.app))}, p95 ${ms(percentile(terminal.app, 95))}` +
      `  | baseline node-pty direct: p50 ${ms(median(terminal.baseline))}, p95 ${ms(percentile(terminal.baseline, 95))}` +
      `  | ratio p95 ${(percentile(terminal.app, 95) / percentile(terminal.baseline, 95)).toFixed(2)}x  (goal p95 < 15 ms)\n`,
  );
  const canvas = await canvasBench(browser, url);
  process.stdout.write(
    `editor ready after opening a lesson: cold ${ms(median(canvas.cold))}, warm ${ms(median(canvas.warm))}` +
      `  | baseline lesson without editor ${ms(median(canvas.baseline))}` +
      `  | ratio warm/baseline ${(median(canvas.warm) / median(canvas.baseline)).toFixed(2)}x  (goal warm < 300 ms)\n`,
  );
  const growth = ((canvas.last - canvas.first) / canvas.first) * 100;
  process.stdout.write(
    `renderer JS heap: after lesson ${canvas.firstStep + 1} (first editor) ${(canvas.first / 1e6).toFixed(1)} MB, after opening ${canvas.steps + 1} lessons ${(canvas.last / 1e6).toFixed(1)} MB` +
      `  | growth ${growth.toFixed(1)}% (includes one-time lazy loads: Mermaid, highlighters)\n`,
  );
  const { warmedUp, afterMore } = canvas;
  const steady = ((afterMore.usedSize - warmedUp.usedSize) / warmedUp.usedSize) * 100;
  process.stdout.write(
    `renderer JS heap across lesson switches once everything is loaded: ${(warmedUp.usedSize / 1e6).toFixed(1)} MB → ${(afterMore.usedSize / 1e6).toFixed(1)} MB after ${canvas.extraSwitches} more switches` +
      `  | growth ${steady.toFixed(1)}%  (goal < 10%)` +
      `  | documents ${warmedUp.documents} → ${afterMore.documents}, DOM nodes ${warmedUp.nodes} → ${afterMore.nodes}, JS listeners ${warmedUp.jsEventListeners} → ${afterMore.jsEventListeners}\n`,
  );
} finally {
  await browser.close();
  await serve.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
