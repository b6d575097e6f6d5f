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

let serve: ServeProcess | undefined;
test.afterEach(async () => {
  await serve?.stop();
  serve = undefined;
});

const drivers: Record<string, ServeOptions['env']> = {
  docker: { DRONA_SANDBOX_DRIVER: 'docker' },
  wasm: { DOCKER_HOST: 'unix:///nonexistent/docker.sock', DRONA_SANDBOX_DRIVER: '' },
};

for (const [driver, env] of Object.entries(drivers)) {
  test(`ten Checks in a row, 3 s apart, with ${driver}`, async ({ page }) => {
    if (!out) throw new Error('a bench: set DRONA_BENCH_CHECKS to the file for its timings (npm run bench:sandbox does)');
    test.setTimeout(300_000);
    serve = await startServe({ env });
    await page.goto(serve.url);
    await completeFirstRun(page);
    await openCourseLesson(page, /Guided: .*greeting/);
    const check = page.getByRole('button', { name: 'Check', exact: true });
    const samples: number[] = [];
    for (let i = 0; i < CHECKS; i += 1) {
      // Armed before the click: resolves with the ms from the click to the first frame after the
      // results replaced the "Checking…" status.
      const shown = page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            let clicked = 0;
            let seen = false;
            const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Check');
            button?.addEventListener('click', () => (clicked = performance.now()), { once: true, capture: true });
            const busy = () => [...document.querySelectorAll('.results [role="status"]')].some((node) => node.textContent === 'Checking…');
            const observer = new MutationObserver(() => {
              if (busy()) seen = true;
              else if (seen && document.querySelector('.test-results h3')) {
                observer.disconnect();
                requestAnimationFrame(() => resolve(performance.now() - clicked));
              }
            });
            observer.observe(document.body, { subtree: true, childList: true, characterData: true });
          }),
      );
      await check.click();
      samples.push(Math.round(await shown));
      await page.waitForTimeout(APART_MS);
    }
    fs.appendFileSync(out!, `${JSON.stringify({ driver, samples })}\n`);
  });
}
