import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './support/fixtures';
import { completeFirstRun } from './support/learner';
import { contrast, expectFieldsStandOut, fieldBorders, setTheme, THEMES } from './support/look';
import { tempDataDir } from './support/serve';

test('a page request without the token is refused; the token is printed once', async ({ request, serveApp }) => {
  const serve = await serveApp();
  const page = await request.get(`${serve.origin}/`);
  expect(page.status()).toBe(401);
  expect(await page.text()).toContain('needs the link printed');
  const asset = await request.get(`${serve.origin}/index.html?token=wrong`);
  expect(asset.status()).toBe(401);
  const withToken = await request.get(serve.url);
  expect(withToken.status()).toBe(200);
  expect(withToken.headers()['content-security-policy']).toContain("script-src 'self'");
  // The token was printed once, in the start-up line, and never again.
  const lines = serve
    .output()
    .split('\n')
    .filter((line) => line.includes(serve.token));
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain('Dronacharya is running at');
});

test("the startup frame paints in the system's light or dark theme before any script runs", async ({ browser, serveApp }) => {
  const serve = await serveApp();
  for (const [colorScheme, background] of [
    ['light', 'rgb(255, 255, 255)'],
    ['dark', 'rgb(30, 31, 34)'],
  ] as const) {
    const context = await browser.newContext({ colorScheme });
    const page = await context.newPage();
    // No script: the frame as index.html and the stylesheet paint it, before the app boots.
    await page.route(/\/assets\/.*\.js$/, (route) => route.abort());
    await page.goto(serve.url);
    await expect(page.getByRole('status')).toHaveText('Starting…');
    await expect(page.locator('html')).not.toHaveAttribute('data-theme');
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(background);
    await context.close();
  }
});

test('the shell renders, first run completes, theme and layout persist across a restart', async ({ page, serveApp }) => {
  const dataDir = tempDataDir();
  let serve = await serveApp({ dataDir });
  await page.goto(serve.url);
  await expect(page).toHaveURL(/^[^?]*$/); // the token leaves the address bar
  await expect(page.getByRole('heading', { name: 'Welcome to Dronacharya' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/first-run.png' });
  await completeFirstRun(page);

  await expect(page.getByRole('banner')).toBeVisible();
  for (const name of ['Learn', 'Practice', 'Progress', 'Certificates', 'Settings']) {
    await expect(page.getByRole('navigation', { name: 'Activities' }).getByRole('button', { name })).toBeVisible();
  }
  for (const name of ['Tutor', 'Terminal', 'Output']) await expect(page.getByRole('tab', { name })).toBeVisible();
  await expect(page.getByRole('status', { name: 'Your progress' })).toBeVisible();

  const html = page.locator('html');
  const before = await html.getAttribute('data-theme');
  const after = before === 'dark' ? 'light' : 'dark';
  await page.getByRole('button', { name: /Switch to (light|dark) theme/ }).click();
  await expect(html).toHaveAttribute('data-theme', after);

  await page.getByRole('navigation', { name: 'Activities' }).getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  // Collapse the side panel with its shortcut, from the page (inside the terminal Ctrl+B is the
  // shell's, and a terminal tab takes the focus once its shell starts); then open the Terminal tab.
  const side = page.getByRole('complementary', { name: /side panel/ });
  const sideWidth = (await side.boundingBox())!.width;
  expect(sideWidth).toBeGreaterThan(50);
  await page.getByRole('heading', { name: 'Settings', level: 1 }).click();
  await page.keyboard.press('Control+b');
  await expect.poll(async () => (await side.boundingBox())?.width ?? 0).toBeLessThan(5);
  await page.getByRole('tab', { name: 'Terminal' }).click();
  await expect(page.getByRole('tab', { name: 'Terminal' })).toHaveAttribute('aria-selected', 'true');
  await page.waitForTimeout(300); // the layout is saved when the drag/collapse settles
  await page.screenshot({ path: 'test-results/screenshots/shell.png' });

  await serve.stop();
  serve = await serveApp({ dataDir });
  await page.goto(serve.url);
  await expect(page.getByRole('navigation', { name: 'Activities' })).toBeVisible();
  await expect(html).toHaveAttribute('data-theme', after);
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Terminal' })).toHaveAttribute('aria-selected', 'true');
  await expect.poll(async () => (await side.boundingBox())?.width ?? 0).toBeLessThan(5);
});

test('the command palette opens with Ctrl+Shift+P and runs a command', async ({ page, serveApp }) => {
  const serve = await serveApp();
  await page.goto(serve.url);
  await completeFirstRun(page);
  await page.keyboard.press('Control+Shift+P');
  const palette = page.getByRole('dialog');
  await expect(palette).toBeVisible();
  await expect(palette.getByRole('option', { name: /Toggle dark\/light theme/ })).toBeVisible();
  await expect(palette.getByRole('option', { name: /Go to Progress/ })).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/command-palette.png' });
  await page.keyboard.type('go to progress');
  await page.keyboard.press('Enter');
  await expect(palette).toBeHidden();
  await expect(page.getByRole('main', { name: 'Progress' })).toBeVisible();
});

test("each form field's border stands out 3:1 in both themes: the lesson search, Settings", async ({ page, serveApp }) => {
  const serve = await serveApp();
  await page.goto(serve.url);
  await completeFirstRun(page);
  const activities = page.getByRole('navigation', { name: 'Activities' });
  await activities.getByRole('button', { name: 'Learn' }).click();
  await expect(page.getByLabel('Search lessons')).toBeVisible();
  await expectFieldsStandOut(page, 'Learn');
  await activities.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  await expectFieldsStandOut(page, 'Settings');
});

test('a damaged database gets an explanation and a choice, and starting fresh keeps it aside', async ({ page, serveApp }) => {
  const dataDir = tempDataDir();
  fs.writeFileSync(path.join(dataDir, 'drona.db'), 'these bytes are not a database '.repeat(100));
  const serve = await serveApp({ dataDir });
  await page.goto(serve.url);
  await expect(page.getByRole('heading', { name: 'Your progress database is damaged' })).toBeVisible();
  await expect(page.getByText('Nothing has been changed or deleted.')).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/recovery.png' });
  await page.getByRole('button', { name: /Start fresh/ }).click();
  await expect(page.getByRole('heading', { name: 'Welcome to Dronacharya' })).toBeVisible();
  const keptAside = fs.readdirSync(dataDir).filter((name) => name.startsWith('drona.db.broken-'));
  expect(keptAside).toHaveLength(1);
  expect(fs.readFileSync(path.join(dataDir, keptAside[0]!), 'utf8')).toContain('these bytes are not a database');
});

test("the command palette's input is boxed and ringed 3:1 against the palette in both themes", async ({ page, serveApp }) => {
  const serve = await serveApp();
  await page.goto(serve.url);
  await completeFirstRun(page);
  for (const theme of THEMES) {
    await setTheme(page, theme);
    await page.keyboard.press('Control+Shift+P');
    const input = page.getByRole('dialog').getByRole('combobox', { name: 'Command' });
    await expect(input).toBeFocused();
    // A box, not a divider: every side has a border, and it stands out 3:1 from the palette.
    const sides = await input.evaluate((el) =>
      ['Top', 'Right', 'Bottom', 'Left'].map((side) => getComputedStyle(el).getPropertyValue(`border-${side.toLowerCase()}-width`)),
    );
    expect(sides, `palette input's border widths (${theme})`).toEqual(['1px', '1px', '1px', '1px']);
    const measured = (await fieldBorders(page)).filter((field) => field.field === 'Command');
    expect(measured, `palette input measured (${theme})`).toHaveLength(1);
    expect(measured[0]!.ratio, `palette input's border against the palette (${theme}): ${JSON.stringify(measured[0])}`).toBeGreaterThanOrEqual(3);
    // Focused (it opens with the focus), the app's focus ring is drawn around it, 3:1 against the palette too.
    const ring = await input.evaluate((el) => {
      const style = getComputedStyle(el);
      return {
        style: style.outlineStyle,
        width: style.outlineWidth,
        colour: style.outlineColor,
        panel: getComputedStyle(el.closest('.palette-content')!).backgroundColor,
      };
    });
    expect(ring.style, `palette input's focus ring (${theme})`).toBe('solid');
    expect(parseFloat(ring.width)).toBeGreaterThanOrEqual(2);
    expect(contrast(ring.colour, ring.panel), `palette input's focus ring against the palette (${theme})`).toBeGreaterThanOrEqual(3);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toBeHidden();
  }
});
