// What the issue #21 specs check on every view: the theme a learner picked, axe on the whole
// shell, and a screenshot kept as a CI artifact (written under test-results and attached to the report).
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, type TestInfo } from '@playwright/test';
import { pageLook, type ButtonBorder, type FieldBorder } from './page-look';

type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;

export const THEMES = ['dark', 'light'] as const;

/** The window sizes issue #21 names: a large laptop, the common one, a small one. */
export const SIZES = [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
  { width: 1024, height: 640 },
] as const;
export type Size = (typeof SIZES)[number];

/** Where each issue #21 spec starts: a new learner (see learnerPerTest) at `size` (1280×720 unless told) in `theme`. */
export async function startLearnerIn(
  page: Page,
  theme: 'dark' | 'light',
  startLearner: (page: Page) => Promise<unknown>,
  size: Size = SIZES[1],
): Promise<void> {
  await page.setViewportSize(size);
  await startLearner(page);
  await setTheme(page, theme);
}

export async function setTheme(page: Page, theme: 'dark' | 'light'): Promise<void> {
  const html = page.locator('html');
  if ((await html.getAttribute('data-theme')) !== theme) await page.getByRole('button', { name: /Switch to (light|dark) theme/ }).click();
  await expect(html).toHaveAttribute('data-theme', theme);
}

/**
 * axe on what the learner sees: no serious or critical violation. With a modal dialog open, pass
 * its selector: the shell behind the backdrop is inert and dimmed (and was checked before it opened).
 * Returns axe's result, for a spec that also asks what it checked.
 */
export async function expectAxeClean(page: Page, view: string, scope: string | readonly string[] = '.app-shell'): Promise<AxeResults> {
  const builder = new AxeBuilder({ page });
  for (const selector of typeof scope === 'string' ? [scope] : scope) builder.include(selector);
  const result = await builder.analyze();
  const serious = result.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  expect(serious, `${view}: ${serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.html).join(' | ')}`).join('\n')}`).toEqual([]);
  return result;
}

/** expectAxeClean with the pointer off the content first, as a learner reading would have it: no button keeps its hover colours. */
export async function expectAxeCleanAtRest(page: Page, view: string, scope: string | readonly string[] = '.app-shell'): Promise<AxeResults> {
  await page.mouse.move(0, 0);
  return expectAxeClean(page, view, scope);
}

/**
 * The view as it is now, in both themes: axe on it, every visible form field's and outline
 * button's border measured against what is behind it (3:1, WCAG 1.4.11, which axe does not check:
 * see support/page-look.ts) and a screenshot of each (named `<name>-<width>x<height>-<theme>`).
 * Both themes are measured before the verdict, which lists every field and button under 3:1. It
 * ends in the light theme. Clicks the theme button, so call it where the focus may move.
 */
export async function lookInBothThemes(page: Page, testInfo: TestInfo, name: string, scope = '.app-shell'): Promise<void> {
  const { width, height } = page.viewportSize()!;
  const under: ({ theme: string } & (FieldBorder | ButtonBorder))[] = [];
  for (const theme of THEMES) {
    await setTheme(page, theme);
    await expectAxeClean(page, `${name} ${width}x${height} (${theme})`, scope);
    const { fields, buttons } = await page.evaluate(pageLook);
    under.push(...[...fields, ...buttons].filter((control) => control.ratio < 3).map((control) => ({ theme, ...control })));
    await attachShot(page, testInfo, `${name}-${width}x${height}-${theme}`);
  }
  expect(under, `${name} ${width}x${height}: form fields and outline buttons whose border is under 3:1`).toEqual([]);
}

export async function attachShot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = `test-results/screenshots/${name}.png`;
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

/** Each visible form field's border against the background behind it, as a contrast ratio: see pageLook (support/page-look.ts), which the Firefox dashboard spec runs too. */
export async function fieldBorders(page: Page): Promise<FieldBorder[]> {
  return (await page.evaluate(pageLook)).fields;
}

/**
 * In both themes (ending in the light one): form fields show and each one's border stands out 3:1
 * from what is behind it. Both themes are measured before the verdict, which lists every field under 3:1.
 */
export async function expectFieldsStandOut(page: Page, view: string): Promise<void> {
  const under: { theme: string; field: string; border: string; behind: string; ratio: number }[] = [];
  for (const theme of THEMES) {
    await setTheme(page, theme);
    const fields = await fieldBorders(page);
    expect(fields.length, `${view} (${theme}): form fields measured`).toBeGreaterThan(0);
    under.push(...fields.filter((field) => field.ratio < 3).map((field) => ({ theme, ...field })));
  }
  expect(under, `${view}: form fields whose border is under 3:1`).toEqual([]);
}

/** The WCAG contrast ratio of two CSS rgb()/rgba() colours (alpha ignored), for colours read out of the page. */
export function contrast(x: string, y: string): number {
  const luminance = (css: string): number => {
    const [r, g, b] = (css.match(/[\d.]+/g) ?? [])
      .slice(0, 3)
      .map(Number)
      .map((c) => c / 255)
      .map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const [a, b] = [luminance(x), luminance(y)];
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}
