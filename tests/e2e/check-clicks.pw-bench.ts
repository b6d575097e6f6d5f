// Check as a learner feels it, for bench:sandbox: ten Checks of the greeting exercise, clicked
// 3 s apart, each timed in the page from the click to the results drawn (the "Checking…" status
// gone and a frame painted). One test per driver: Docker (when running) and WebAssembly (Docker
// unreachable). Runs only when DRONA_BENCH_CHECKS names a JSON file to append the timings to.
import { test } from '@playwright/test';
import fs from 'node:fs';
import { completeFirstRun, openCourseLesson } from './support/learner';
import { startServe, type ServeOptions, type ServeProcess } from './support/serve';

const out = process.env.DRONA_BENCH_CHECKS;
const CHECKS = 10;
const APART_MS = 3_000;

interface Call {
  readonly name: string;
  readonly sent: number;
  done?: number;
  durationMs?: number;
}

/** Where one click's time went, in ms (sandbox-ui.ts prints their medians). */
export interface Parts {
  /** Click to the sandbox.check call sent: saving the files (workspace.write) and the store's work. */
  readonly save: number;
  /** Of save: the workspace.write calls, first sent to last answered (main's write and the way there and back). */
  readonly write: number;
  /** The sandbox.check call, sent to answered: main's work, the wait for a runtime, and the run. */
  readonly call: number;
  /** Of the call: the run itself, as the driver timed it (durationMs). */
  readonly run: number;
  /** Answer to the results drawn. */
  readonly draw: number;
  /** Of draw: the answer to the results in the DOM (the page's own work, in the answer's task). */
  readonly commit: number;
}

/** In the page, before the app loads: notes when each serve-mode call is sent and answered. */
function recordCalls() {
  const calls: Call[] = [];
  const byId = new Map<number, Call>();
  (window as unknown as { __dronaCalls: Call[] }).__dronaCalls = calls;
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      // Added before the app's own listener, so it sees each answer first.
      this.addEventListener('message', (event) => {
        const message = JSON.parse(String(event.data)) as { t: string; id: number; value?: { durationMs?: number } };
        const call = message.t === 'result' ? byId.get(message.id) : undefined;
        if (call) Object.assign(call, { done: performance.now(), durationMs: message.value?.durationMs });
      });
    }
    override send(data: string) {
      const message = JSON.parse(data) as { t: string; id: number; name: string };
      if (message.t === 'call') {
        const call: Call = { name: message.name, sent: performance.now() };
        calls.push(call);
        byId.set(message.id, call);
      }
      super.send(data);
    }
  };
}

function partsOf(clicked: number, committed: number, drawn: number, calls: Call[]): Parts {
  const check = calls.find((call) => call.name === 'sandbox.check' && call.sent >= clicked);
  if (!check?.done) throw new Error(`no answered sandbox.check after the click: ${JSON.stringify(calls)}`);
  const round = (ms: number) => Math.round(ms);
  const writes = calls.filter((call) => call.name === 'workspace.write' && call.sent >= clicked && call.sent <= check.sent);
  const write = writes.length ? Math.max(...writes.map((call) => call.done ?? check.sent)) - Math.min(...writes.map((call) => call.sent)) : 0;
  return {
    save: round(check.sent - clicked),
    write: round(write),
    call: round(check.done - check.sent),
    run: round(check.durationMs ?? 0),
    draw: round(drawn - check.done),
    commit: round(committed - check.done),
  };
}

let serve: ServeProcess | undefined;
test.afterEach(async () => {
  await serve?.stop();
  serve = undefined;
});

// The app's own warm-up (DRONA_SANDBOX_PREWARM unset), as a learner starts it: the first click is timed too.
const drivers: Record<string, ServeOptions['env']> = {
  docker: { DRONA_SANDBOX_DRIVER: 'docker', DRONA_SANDBOX_PREWARM: '' },
  wasm: { DOCKER_HOST: 'unix:///nonexistent/docker.sock', DRONA_SANDBOX_DRIVER: '', DRONA_SANDBOX_PREWARM: '' },
};

// BENCH_DRIVERS (bench:sandbox's list, e.g. "wasm") limits the clicks to those drivers too.
const only = process.env.BENCH_DRIVERS?.split(',').map((name) => name.trim());

for (const [driver, env] of Object.entries(drivers)) {
  if (only && !only.includes(driver)) continue;
  test(`ten Checks in a row, 3 s apart, with ${driver}`, async ({ page }) => {
    if (!out) throw new Error('a bench: set DRONA_BENCH_CHECKS to the file for its timings (npm run bench:sandbox does)');
    test.setTimeout(300_000);
    serve = await startServe({ env });
    await page.addInitScript(recordCalls);
    await page.goto(serve.url);
    await completeFirstRun(page);
    await openCourseLesson(page, /Guided: .*greeting/);
    const check = page.getByRole('button', { name: 'Check', exact: true });
    const samples: number[] = [];
    const parts: Parts[] = [];
    for (let i = 0; i < CHECKS; i += 1) {
      // Armed before the click: resolves with the ms from the click to the first frame after the
      // results replaced the "Checking…" status.
      const shown = page.evaluate(
        () =>
          new Promise<{ clicked: number; committed: number; drawn: number }>((resolve) => {
            let clicked = 0;
            let seen = false;
            // On the document, not on the button found now: the lesson may draw its toolbar
            // again before the click lands (right after it opens), and a listener on the old
            // button would never hear it, leaving the time counted from the page's load.
            const onClick = (event: MouseEvent) => {
              if ((event.target as Element | null)?.closest('button')?.textContent?.trim() !== 'Check') return;
              clicked = performance.now();
              document.removeEventListener('click', onClick, true);
            };
            document.addEventListener('click', onClick, true);
            const busy = () => [...document.querySelectorAll('.results [role="status"]')].some((node) => node.textContent === 'Checking…');
            const observer = new MutationObserver(() => {
              if (busy()) seen = true;
              else if (seen && document.querySelector('.test-results h3')) {
                observer.disconnect();
                const committed = performance.now();
                requestAnimationFrame(() => resolve({ clicked, committed, drawn: performance.now() }));
              }
            });
            observer.observe(document.body, { subtree: true, childList: true, characterData: true });
          }),
      );
      await check.click();
      const { clicked, committed, drawn } = await shown;
      if (!clicked) throw new Error('the click on Check was not seen in the page');
      samples.push(Math.round(drawn - clicked));
      parts.push(partsOf(clicked, committed, drawn, await page.evaluate(() => (window as unknown as { __dronaCalls: Call[] }).__dronaCalls.splice(0))));
      await page.waitForTimeout(APART_MS);
    }
    // Main's own account of each Check (run-coordinator.ts logs where its time went).
    const main = serve.output().match(/check \S+ \(\w+\): exercise .*/g) ?? [];
    fs.appendFileSync(out!, `${JSON.stringify({ driver, samples, parts, main })}\n`);
  });
}
