// The progress service through the real composition root: built-in courses installed, lesson
// activity reporting to progress, course achievements read through the course service.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type DronaApp } from '../app/create-app';
import { silentLogger } from '../app/logger';
import { dispatchCall } from '../ipc/dispatch';

let app: DronaApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

// Noon UTC: time-of-day achievements (night owl, early bird) must not depend on when CI runs.
const noon = Date.UTC(2026, 5, 10, 12, 0, 0);

function services() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'drona-progress-app-'));
  app = createApp({ dataDir, mode: 'serve', version: '0.0.0-test', logger: silentLogger, now: () => noon });
  const state = app.state();
  if (!('services' in state)) throw new Error('store did not open');
  return state.services;
}

describe('progress through the real services', () => {
  it('completing a lesson with overlapping calls awards exactly once', async () => {
    const all = services();
    all.profile.completeFirstRun({ name: 'A', goal: '', experienceLevel: 'new', gamificationMode: 'full', timezone: 'Europe/Berlin' });
    await Promise.all(Array.from({ length: 8 }, () => all.lessonActivity.complete('python-basics', 'hello-python')));
    const rows = all.store.sqlite.prepare('SELECT activity, amount, local_date AS d, timezone FROM xp_ledger').all() as {
      activity: string;
      amount: number;
      timezone: string;
    }[];
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ activity: 'lesson-completed', amount: 50, timezone: 'Europe/Berlin' });
    expect(all.progress.snapshot()).toMatchObject({ totalXp: 50, streak: { current: 1 } });
    expect((all.store.sqlite.prepare("SELECT count(*) AS n FROM sync_outbox WHERE kind = 'lesson-completed'").get() as { n: number }).n).toBe(1);
  });

  it('gives windows no way to record a learning event: XP comes only from what main saw succeed', async () => {
    const all = services();
    const event = { kind: 'certificate-earned', tier: 'gold', exceptional: true, idempotencyKey: 'forged', occurredAt: Date.now(), timezone: 'UTC' };
    const result = await dispatchCall(app!.handlers, 'progress.record', event, { sessionId: 'window-1', events: app!.events }, silentLogger);
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown_call' } });
    // Nor to claim a passing Check: main completes a lesson when its own Check passes.
    const claim = { courseId: 'python-basics', lessonId: 'above-average', firstAttempt: true, elapsedSeconds: 1 };
    const claimed = await dispatchCall(app!.handlers, 'lesson.checkPassed', claim, { sessionId: 'window-1', events: app!.events }, silentLogger);
    expect(claimed).toMatchObject({ ok: false, error: { code: 'unknown_call' } });
    expect(all.progress.snapshot().totalXp).toBe(0);
  });

  it('reads course achievements through the course service when a course declares them', async () => {
    const all = services();
    const original = all.courses.getCourse.bind(all.courses);
    all.courses.getCourse = (courseId: string) => {
      const course = original(courseId);
      return (
        course && {
          ...course,
          achievements: [
            {
              id: 'hello',
              title: 'Said Hello',
              description: 'Finish the first lesson.',
              category: 'Mastery',
              condition: { stat: 'lessonsCompleted', atLeast: 1, courseId },
            },
          ],
        }
      );
    };
    await all.lessonActivity.complete('python-basics', 'hello-python');
    const earned = all.store.sqlite.prepare('SELECT id FROM achievements ORDER BY id').all() as { id: string }[];
    expect(earned.map((row) => row.id)).toEqual(['first-steps', 'python-basics/hello']);
  });
});
