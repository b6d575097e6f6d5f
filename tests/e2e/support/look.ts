// What the issue #21 specs check on every view: the theme a learner picked, axe on the whole
// shell, and a screenshot kept as a CI artifact (written under test-results and attached to the report).
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, type TestInfo } from '@playwright/test';

export const THEMES = ['dark', 'light'] as const;

/** Where each issue #21 spec starts: a new learner (see learnerPerTest) at 1280×720 in `theme`. */
export async function startLearnerIn(page: Page, theme: 'dark' | 'light', startLearner: (page: Page) => Promise<unknown>): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 720 });
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
 */
export async function expectAxeClean(page: Page, view: string, scope = '.app-shell'): Promise<void> {
  const result = await new AxeBuilder({ page }).include(scope).analyze();
  const serious = result.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  expect(serious, `${view}: ${serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.html).join(' | ')}`).join('\n')}`).toEqual([]);
}

export async function attachShot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = `test-results/screenshots/${name}.png`;
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}
