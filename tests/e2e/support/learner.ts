import { expect, test, type Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { repoRoot, startServe, type ServeOptions, type ServeProcess } from './serve';

/** Completes the first-run flow (today's questions, then the path with its defaults) so a test starts in the shell. */
export async function completeFirstRun(page: Page, name = 'Asha'): Promise<void> {
  await page.getByLabel('What should we call you?').fill(name);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Start learning' }).click();
  await expect(page.getByRole('navigation', { name: 'Activities' })).toBeVisible();
}

/** Opens the app at `url` and completes the first run, so a test starts as a new learner in the shell. */
export async function openAsNewLearner(page: Page, url: string, name = 'Asha'): Promise<void> {
  await page.goto(url);
  await completeFirstRun(page, name);
}

/** Opens a lesson as a learner finds it: typing into the lesson search and picking the hit. */
export async function openLessonBySearch(page: Page, query: string, title: string): Promise<void> {
  const learn = page.getByRole('navigation', { name: 'Activities' }).getByRole('button', { name: 'Learn' });
  if ((await learn.getAttribute('aria-current')) !== 'page') await learn.click();
  await page.getByLabel('Search lessons').fill(query);
  const results = page.getByRole('list', { name: 'Lesson search results' });
  await results
    .getByRole('button', { name: new RegExp(title) })
    .first()
    .click();
  await expect(page.locator('h1.lesson-title')).toHaveText(title);
}

/** From the catalog: start Python Basics, then "Next lesson" until the lesson is open. */
export async function openCourseLesson(page: Page, title: RegExp) {
  await page.getByRole('navigation', { name: 'Activities' }).getByRole('button', { name: 'Learn' }).click();
  await page
    .getByRole('article', { name: 'Python Basics' })
    .getByRole('button', { name: /Start|Continue/ })
    .click();
  const heading = page.locator('.lesson-title');
  await expect(heading).toBeVisible();
  for (let step = 0; step < 10 && !title.test((await heading.textContent()) ?? ''); step++) {
    const before = await heading.textContent();
    await page.getByRole('button', { name: 'Next lesson' }).click();
    await expect(heading).not.toHaveText(before ?? '');
  }
  await expect(heading).toHaveText(title);
}

/** Right option indexes of every Python Basics quiz question, by prompt and code (how the placement quiz shows them). */
function placementAnswers(): Map<string, number[]> {
  const answers = new Map<string, number[]>();
  const lessons = path.join(repoRoot, 'courses', 'python-basics', 'lessons');
  for (const folder of fs.readdirSync(lessons)) {
    for (const file of fs.readdirSync(path.join(lessons, folder))) {
      const front = YAML.parse(/^---\n([\s\S]*?)\n---/.exec(fs.readFileSync(path.join(lessons, folder, file), 'utf8'))![1]!) as {
        quiz?: { questions: { prompt: string; code?: string; options: { correct?: boolean }[] }[] };
      };
      for (const question of front.quiz?.questions ?? [])
        answers.set(
          `${question.prompt.trim()}\n${(question.code ?? '').trim()}`,
          question.options.flatMap((option, i) => (option.correct ? [i] : [])),
        );
    }
  }
  return answers;
}

/**
 * Answers the first run's placement quiz as a learner who knows exactly `known` (concept titles):
 * right on those, wrong on the rest, until the summary shows. Says which concepts were asked.
 */
export async function answerPlacement(page: Page, known: ReadonlySet<string>, onQuestion?: (index: number) => Promise<void>): Promise<string[]> {
  const answers = placementAnswers();
  const quiz = page.getByRole('region', { name: 'Placement quiz' });
  const asked: string[] = [];
  for (let i = 0; i < 13; i++) {
    const status = page.getByRole('status');
    await expect(quiz.or(status)).toBeVisible();
    if (await status.isVisible()) break;
    const about = /about (.+)$/.exec((await quiz.locator('p.muted').first().textContent()) ?? '')![1]!;
    asked.push(about);
    await onQuestion?.(i);
    const prompt = ((await quiz.locator('legend').textContent()) ?? '').trim();
    const code = (await quiz.locator('pre.quiz-code').count()) ? ((await quiz.locator('pre.quiz-code').textContent()) ?? '').trim() : '';
    const right = answers.get(`${prompt}\n${code}`)!;
    expect(right, `the answer to "${prompt}"`).toBeDefined();
    const options = quiz.locator('.choice input');
    const picks = known.has(about) ? right : [[...Array(await options.count()).keys()].find((index) => !right.includes(index))!];
    for (const index of picks) await options.nth(index).check();
    await quiz.getByRole('button', { name: 'Next question' }).click();
    await expect(quiz.getByText(new RegExp(`^Question ${i + 2} `)).or(page.getByRole('status'))).toBeVisible();
  }
  return asked;
}

/** The activity bar's button for `name` (Learn, Practice, Progress, ...). */
export const activity = (page: Page, name: string) => page.getByRole('navigation', { name: 'Activities' }).getByRole('button', { name });

/** Replaces the editor's whole text by pasting, as a learner would. */
export async function replaceEditorText(page: Page, text: string): Promise<void> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate((value) => navigator.clipboard.writeText(value), text);
  await page.locator('.monaco-editor').first().click();
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Control+v');
}

/**
 * A new learner per test: returns `start(page, options)`, which serves a fresh data folder, opens
 * it and completes the first run; the app is stopped after each test (registered here).
 */
export function learnerPerTest(): (page: Page, options?: ServeOptions) => Promise<ServeProcess> {
  let serve: ServeProcess | undefined;
  test.afterEach(async () => {
    await serve?.stop();
    serve = undefined;
  });
  return async (page, options = {}) => {
    serve = await startServe(options);
    await page.goto(serve.url);
    await completeFirstRun(page);
    return serve;
  };
}

/** learnerPerTest's learner, who then opens the lesson titled `title` found by searching for `query`. */
export function lessonPerTest(): (page: Page, query: string, title: string) => Promise<void> {
  const startLearner = learnerPerTest();
  return async (page, query, title) => {
    await startLearner(page);
    await openLessonBySearch(page, query, title);
  };
}
