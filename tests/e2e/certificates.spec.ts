// Certificates with no sync server, as a learner meets them in serve mode: with every lesson of
// Python Basics done offline (quizzes at 80%), the learner self-issues Bronze, sees it marked
// self-issued, verifies its signature, prints it, saves its credential file and checks that file
// offline (pasted, then opened); an altered copy is refused. Axe is clean on the view.
import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs';
import path from 'node:path';
import { contractCall } from './support/contract-call';
import { expect, test } from './support/fixtures';
import { openAsNewLearner } from './support/learner';
import { lessonCompleted, quizPassed, seedProgress } from './support/seed-progress';

test('offline, a learner self-issues Bronze, sees it, verifies it and checks its credential file', async ({ page, serveApp, workDir }) => {
  test.setTimeout(180_000);
  const dataDir = path.join(workDir, 'data');
  let serve = await serveApp({ dataDir });
  await openAsNewLearner(page, serve.url);
  const course = await contractCall<{ modules: { lessons: { id: string; type: string }[] }[] }>(page, 'courses.get', { courseId: 'python-basics' });
  const lessons = course.modules.flatMap((m) => m.lessons);
  await page.goto('about:blank');
  await serve.stop();
  // Windows cannot record learning events: the course done offline is seeded while the app is closed.
  const start = Date.now() - lessons.length * 60_000;
  await seedProgress(
    dataDir,
    lessons.map((lesson, i) =>
      lesson.type === 'quiz' ? quizPassed(lesson.id, start + i * 60_000, 80) : lessonCompleted(lesson.id, start + i * 60_000, { lessonType: lesson.type }),
    ),
  );
  serve = await serveApp({ dataDir });
  await page.goto(serve.url);

  await page.getByRole('navigation', { name: 'Activities' }).getByRole('button', { name: 'Certificates' }).click();
  await page.getByRole('button', { name: 'Self-issue Bronze' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Bronze certificate self-issued for Python Basics.' })).toBeVisible();
  const card = page.getByRole('article', { name: 'Python Basics Bronze certificate (self-issued)' });
  await expect(card.locator('.certificate-badge')).toHaveText('Self-issued');
  await expect(card).toContainText("issued by Asha's Dronacharya app (self-issued)");
  await card.getByText('Evidence and criteria').click();
  await expect(card).toContainText(`Completed ${lessons.length} of ${lessons.length} lessons.`);
  await expect(card.getByRole('link', { name: 'Add to LinkedIn profile' })).toHaveAttribute(
    'href',
    /linkedin\.com\/profile\/add\?startTask=CERTIFICATION_NAME/,
  );
  await expect(card.getByRole('link', { name: 'Open verification page' })).toHaveCount(0);

  await card.getByRole('button', { name: 'Verify signature' }).click();
  await expect(card.getByRole('status')).toContainText('Self-issued. The Ed25519 signature holds');

  const [pdf] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: 'Export PDF' }).click()]);
  expect(pdf.suggestedFilename()).toBe('certificate-python-basics-bronze-self-issued.pdf');
  const [saved] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: 'Save credential file' }).click()]);
  expect(saved.suggestedFilename()).toBe('credential-python-basics-bronze-self-issued.json');
  const file = path.join(workDir, saved.suggestedFilename());
  await saved.saveAs(file);
  const json = fs.readFileSync(file, 'utf8');

  // Checked offline: pasted.
  const check = page.getByRole('region', { name: 'Check a credential' });
  await check.getByLabel('Credential (JSON file contents or VC-JWT)').fill(json);
  await check.getByRole('button', { name: 'Check credential' }).click();
  await expect(check.locator('#credential-status')).toHaveText('Self-issued.');
  await expect(check).toContainText('Python Basics: Bronze (self-issued)');
  await expect(check).toContainText('(self-issued: no server checked the evidence)');
  // The pointer off the button it clicked: a hovered primary button is the shell's hover colour.
  await page.mouse.move(0, 0);
  await page.screenshot({ path: 'test-results/screenshots/certificates-self-issued.png' });
  const axe = await new AxeBuilder({ page }).include('.certificates').analyze();
  const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([]);

  // An altered copy (another name put in), opened as a file: refused.
  const envelope = JSON.parse(json) as { id: string };
  const [prefix, jwt] = [envelope.id.slice(0, envelope.id.indexOf(',') + 1), envelope.id.slice(envelope.id.indexOf(',') + 1)];
  const [header, payload, signature] = jwt.split('.');
  const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as { vc: { credentialSubject: { name: string } } };
  claims.vc.credentialSubject.name = 'Mallory';
  const altered = path.join(workDir, 'altered.json');
  fs.writeFileSync(
    altered,
    JSON.stringify({ ...envelope, id: `${prefix}${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}` }),
  );
  await check.locator('input[type=file]').setInputFiles(altered);
  await expect(check.locator('#credential-status')).toHaveText('Signature does not hold.');
  await expect(check).toContainText('Mallory');
});
