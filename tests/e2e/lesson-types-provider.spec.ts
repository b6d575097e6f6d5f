// Each lesson type's tutor with a provider, walked as a learner in serve mode against the local
// Ollama test server (the real NDJSON chat protocol, its scripted model), where no other spec
// walks it: a concept intro's "Explain with an analogy", a code-along's scaffolded tutor, a
// challenge where only the Assessor answers, a project milestone reviewed by the Project Guide,
// and a reflection's one question back from the Mentor. (Guided discovery and sandbox practice
// with a provider are in tutor-judged.spec; every type without one is in lesson-modes,
// lesson-steps and lesson-project.) axe clean on each view.
import { expect, test, type Page } from '@playwright/test';
import { startOllamaTestServer, type OllamaTestServer } from '../../main/tutor/testing/ollama-test-server';
import { contractCall } from './support/contract-call';
import { learnerPerTest, openLessonBySearch } from './support/learner';
import { expectAxeClean } from './support/look';

const startLearner = learnerPerTest();
let ollama: OllamaTestServer | undefined;
test.afterEach(async () => {
  await ollama?.close();
  ollama = undefined;
});

/** A learner with the tutor pointed at the Ollama test server (as Settings → Tutor does), in the lesson. */
async function openWithProvider(page: Page, query: string, title: string): Promise<OllamaTestServer> {
  await startLearner(page);
  const server = await startOllamaTestServer();
  await contractCall(page, 'tutor.configure', { provider: 'ollama', ollamaHost: server.url, ollamaModel: 'llama3.2:1b' });
  if (title === 'Looking back') {
    // Every course ends in a "Looking back": the hit that names Python Basics.
    await page.getByLabel('Search lessons').fill(query);
    await page
      .getByRole('list', { name: 'Lesson search results' })
      .getByRole('button', { name: /^Looking back Python Basics/ })
      .click();
    await expect(page.locator('h1.lesson-title')).toHaveText(title);
  } else await openLessonBySearch(page, query, title);
  return server;
}

/** The system prompt of the last chat the app sent the model. */
const lastSystemPrompt = (server: OllamaTestServer) => JSON.stringify(server.chatRequests.at(-1));

async function openTutor(page: Page) {
  await page.getByRole('tab', { name: 'Tutor' }).click();
  return page.getByRole('region', { name: 'Tutor' });
}

async function ask(page: Page, question: string) {
  const panel = await openTutor(page);
  await panel.getByLabel('Ask the tutor').fill(question);
  await panel.getByRole('button', { name: 'Send' }).click();
  await expect(panel.getByRole('article', { name: 'Tutor reply in progress' })).toHaveCount(0, { timeout: 30_000 });
  return panel;
}

test('a concept intro: "Explain with an analogy" asks the model for one analogy', async ({ page }) => {
  test.setTimeout(120_000);
  ollama = await openWithProvider(page, 'Numbers, strings', 'Numbers, strings and variables');
  const panel = await openTutor(page);
  await panel.getByRole('group', { name: 'Quick actions' }).getByRole('button', { name: 'Explain with an analogy' }).click();
  await expect(panel.getByRole('article', { name: 'Tutor' }).last()).toContainText('Good question', { timeout: 30_000 });
  expect(lastSystemPrompt(ollama)).toContain('everyday analogy');
  await page.mouse.move(0, 0);
  await expectAxeClean(page, 'concept intro, analogy', '.tutor');
});

test('a code-along: the tutor answers in scaffolded mode', async ({ page }) => {
  test.setTimeout(120_000);
  ollama = await openWithProvider(page, 'FizzBuzz', 'Code-along: FizzBuzz');
  const panel = await ask(page, 'How do I start step 1?');
  await expect(panel.getByRole('article', { name: 'Tutor' }).last()).toContainText('Good question');
  expect(lastSystemPrompt(ollama)).toContain('Mode: scaffolded');
  await page.mouse.move(0, 0);
  await expectAxeClean(page, 'code-along, tutor reply', '.tutor');
});

test('a challenge: only the Assessor answers, with no quick actions', async ({ page }) => {
  test.setTimeout(120_000);
  ollama = await openWithProvider(page, 'Collatz', 'Challenge: the Collatz sequence');
  const panel = await openTutor(page);
  await expect(panel).toContainText('In a challenge only the Assessor answers');
  await expect(panel.getByRole('group', { name: 'Quick actions' })).toHaveCount(0);
  await ask(page, 'Is my loop right?');
  await expect(panel.getByRole('article', { name: 'Assessor' }).last()).toContainText('what would happen if the loop ran one extra time');
  expect(lastSystemPrompt(ollama)).toContain('Role: Assessor');
  await page.mouse.move(0, 0);
  await expectAxeClean(page, 'challenge, Assessor reply', '.tutor');
});

test('a project: the Project Guide reviews a milestone submission, after its acceptance checks', async ({ page }) => {
  test.setTimeout(150_000);
  ollama = await openWithProvider(page, 'frequency report', 'Project: word-frequency report');
  const milestone = page.getByRole('region', { name: 'Project milestones' }).locator('ol.code-along-steps > li').first();
  await milestone.getByRole('button', { name: 'Submit milestone' }).click();
  const review = milestone.getByRole('status', { name: 'Review of Count the words' });
  await expect(review).toContainText('Which milestone will you start with?', { timeout: 30_000 });
  expect(lastSystemPrompt(ollama)).toContain('Role: Project Guide');
  await expectAxeClean(page, 'project, Project Guide review', '.lesson-canvas');
});

test('a reflection: the Mentor asks one question back, kept with the journal', async ({ page }) => {
  test.setTimeout(120_000);
  ollama = await openWithProvider(page, 'Looking back', 'Looking back');
  const reflection = page.getByRole('region', { name: 'Reflection' });
  await reflection.getByRole('textbox', { name: /Which exercise took you the longest/ }).fill('Collatz took longest; next I will plan the loop first.');
  await reflection.getByRole('button', { name: 'Save to journal' }).click();
  const question = reflection.getByRole('status').filter({ hasText: 'One question back' });
  await expect(question).toContainText('What is one small step you could finish in the next ten minutes?', { timeout: 30_000 });
  await expect(question).not.toContainText('smallest first step'); // not the authored, offline follow-up
  expect(lastSystemPrompt(ollama)).toContain('Role: Mentor');
  await expect(reflection.getByRole('list', { name: 'Your journal' }).getByRole('listitem')).toHaveCount(1);
  await expectAxeClean(page, 'reflection, Mentor question', '.lesson-canvas');
});
