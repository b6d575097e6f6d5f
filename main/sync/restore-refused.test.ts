// A lesson completed at once ("Mark complete" right after opening) is too fast for the server's
// plausibility rules: it earns no server XP, but it is still the learner's progress. The server
// keeps it as refused, a second computer restores it, and both computers say it was not counted.
import { expect, it } from 'vitest';
import { z } from 'zod';
import type { Store } from '../store/open-store';
import { syncedComputers } from './testing/synced-computers';

// The default rules: a lesson completion claims at least 20 s of active time.
const { computer } = syncedComputers('drona-restore-refused-');

const completedLessons = (store: Store) =>
  (store.sqlite.prepare('select lesson_id as id from lesson_progress where completed_at is not null order by id').all() as { id: string }[]).map((r) => r.id);

it('restores a completion the server refused for XP, and says on both computers that it was not counted', async () => {
  const a = computer('a');
  await a.sync.signIn({ displayName: 'Asha', optedIn: true });
  const now = Date.now();
  // One lesson done properly, one marked complete the instant it opened.
  await a.progress.record({
    kind: 'lesson-completed',
    idempotencyKey: 'slow',
    courseId: 'python',
    lessonId: 'l1',
    occurredAt: now - 600_000,
    timezone: 'UTC',
    elapsedSeconds: 300,
  });
  await a.progress.record({
    kind: 'lesson-completed',
    idempotencyKey: 'instant',
    courseId: 'python',
    lessonId: 'l2',
    occurredAt: now,
    timezone: 'UTC',
    elapsedSeconds: 0,
  });
  const status = await a.sync.syncNow();
  expect(status.pending).toBe(0);
  expect(status.refused).toBe(1);
  const me = await a.sync.authorized('GET', '/v1/me', undefined, z.object({ totalXp: z.number() }));
  expect(me.totalXp).toBeGreaterThan(0);
  expect(me.totalXp).toBeLessThan(a.progress.snapshot().totalXp);

  const { code } = await a.sync.linkCode();
  const b = computer('b');
  const linked = await b.sync.signInToAccount({ code }, 'Laptop');
  expect(linked.restore).toEqual({ restored: 2, known: 0, unknown: 0 });
  expect(completedLessons(b.store)).toEqual(completedLessons(a.store));
  expect(completedLessons(b.store)).toEqual(['l1', 'l2']);
  expect(b.progress.snapshot().totalXp).toBe(a.progress.snapshot().totalXp);
  // B sends nothing back, and tells its learner the same as A does.
  expect(linked.status.pending).toBe(0);
  expect(linked.status.refused).toBe(1);
  await b.sync.syncNow();
  expect((await b.sync.authorized('GET', '/v1/me', undefined, z.object({ totalXp: z.number() }))).totalXp).toBe(me.totalXp);
  // A resend of the refused event is refused again with its reason, never counted.
  const again = await a.sync.authorized(
    'POST',
    '/v1/events',
    {
      events: [
        {
          idempotencyKey: 'instant',
          kind: 'lesson-completed',
          courseId: 'python',
          lessonId: 'l2',
          occurredAt: now,
          timezone: 'UTC',
          activeSeconds: 0,
          facts: {},
        },
      ],
    },
    z.object({ results: z.array(z.object({ status: z.string(), code: z.string().optional() })) }),
  );
  expect(again.results).toEqual([expect.objectContaining({ status: 'rejected', code: 'too_fast' })]);
});
