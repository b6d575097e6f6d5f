// Two computers, one account, against the real hosted API on loopback: the second signs in (by a
// link code or by password), restores the first's progress through its own progress service, and
// both keep syncing without counting anything twice.
import { expect, it } from 'vitest';
import { z } from 'zod';
import { toLearningEvent } from './restore';
import { syncedComputers, type SyncedComputer as Computer } from './testing/synced-computers';

const { computer } = syncedComputers('drona-restore-');

const profileXp = z.object({ totalXp: z.number() });
const totalXp = (c: Computer) => c.progress.snapshot().totalXp;
const keys = (c: Computer) => (c.store.sqlite.prepare('select idempotency_key as k from activity_events order by k').all() as { k: string }[]).map((r) => r.k);
const pending = (c: Computer) => c.store.sqlite.prepare('select count(*) as n from sync_outbox where sent_at is null').get() as { n: number };
const lesson = (key: string, lessonId: string, minutesAgo: number) => ({
  kind: 'lesson-completed' as const,
  idempotencyKey: key,
  courseId: 'python',
  lessonId,
  occurredAt: Date.now() - minutesAgo * 60_000,
  timezone: 'UTC',
  elapsedSeconds: 120,
});

it('maps a stored event back to the app event it came from, dropping what recording recomputes', () => {
  const stored = { id: 1, idempotencyKey: 'k', kind: 'quiz-passed', courseId: 'c', lessonId: null, occurredAt: 5, activeSeconds: 3, xp: 10, refused: null };
  expect(toLearningEvent({ ...stored, facts: { score: 90, localDate: '2026-01-01' } }, 'Asia/Kolkata')).toEqual({
    kind: 'quiz-passed',
    idempotencyKey: 'k',
    courseId: 'c',
    occurredAt: 5,
    timezone: 'Asia/Kolkata',
    score: 90,
  });
  expect(toLearningEvent({ ...stored, kind: 'from-a-newer-app', facts: {} }, 'UTC')).toBeNull();
});

it('restores a linked computer and a password-signed-in one, and both keep syncing without double counting', async () => {
  const first = computer('first');
  await first.sync.signIn({ displayName: 'Asha', optedIn: true });
  for (let i = 0; i < 4; i++) await first.progress.record(lesson(`first-${i}`, `l${i}`, 120 - i * 10));
  await first.sync.syncNow();
  expect(pending(first).n).toBe(0);
  const xp = totalXp(first);
  expect(xp).toBeGreaterThan(0);

  const { code } = await first.sync.linkCode();
  const second = computer('second');
  const linked = await second.sync.signInToAccount({ code }, 'Desktop');
  expect(linked.restore).toEqual({ restored: 4, known: 0, unknown: 0 });
  expect(second.sync.account().learnerId).toBe(first.sync.account().learnerId);
  expect(keys(second)).toEqual(keys(first));
  expect(totalXp(second)).toBe(xp);
  // Nothing restored goes back to the server.
  expect(pending(second).n).toBe(0);

  // The second computer learns on; the first restores only what is new.
  await second.progress.record(lesson('second-0', 'l9', 30));
  await second.sync.syncNow();
  expect(await first.sync.restore()).toEqual({ restored: 1, known: 4, unknown: 0 });
  expect(totalXp(first)).toBe(totalXp(second));
  await first.sync.syncNow();
  const me = await first.sync.authorized('GET', '/v1/me', undefined, profileXp);
  const serverXp = me.totalXp;
  // A third computer by password; restoring twice changes nothing the second time.
  await first.sync.authorized(
    'POST',
    '/v1/account/credentials',
    { email: 'asha@example.test', password: 'correct horse battery' },
    z.object({ email: z.string() }),
  );
  const third = computer('third');
  expect((await third.sync.signInToAccount({ email: 'asha@example.test', password: 'correct horse battery' })).restore).toMatchObject({ restored: 5 });
  expect(await third.sync.restore()).toEqual({ restored: 0, known: 5, unknown: 0 });
  expect(totalXp(third)).toBe(totalXp(first));
  await third.sync.syncNow();
  expect((await third.sync.authorized('GET', '/v1/me', undefined, profileXp)).totalXp).toBe(serverXp);
  await expect(third.sync.signInToAccount({ code: 'AAAA-BBBB' })).rejects.toMatchObject({ code: 'signed_in' });
});
