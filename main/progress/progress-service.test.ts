import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { DronaError } from '../../preload/contract';
import type { LearningEvent } from '../../preload/contract/progress';
import { EventBus } from '../ipc/event-bus';
import { openStore, type Store } from '../store/open-store';
import { buildDashboard } from './dashboard';
import { levelFor } from './levels';
import { ProgressService } from './progress-service';

const run = promisify(execFile);
const stores: Store[] = [];
afterEach(() => {
  while (stores.length) stores.pop()!.close();
});

function open(file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'drona-progress-')), 'drona.db')): Store {
  const store = openStore(file);
  stores.push(store);
  return store;
}
const NOW = Date.UTC(2026, 5, 10, 12);
function service(store = open(), events?: EventBus, now = NOW) {
  return new ProgressService(store, { now: () => now, ...(events ? { events } : {}) });
}
const count = (store: Store, table: string) => (store.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const ledgerSum = (store: Store) => (store.sqlite.prepare('SELECT coalesce(sum(amount), 0) AS n FROM xp_ledger').get() as { n: number }).n;

const lesson = (i: number, extra: Partial<LearningEvent> = {}): LearningEvent => ({
  kind: 'lesson-completed',
  idempotencyKey: `lesson-completed:c:l${i}`,
  courseId: 'c',
  lessonId: `l${i}`,
  occurredAt: Date.UTC(2026, 5, 1, 12) + i * 60_000,
  timezone: 'UTC',
  ...extra,
});

function seedCourse(store: Store, par: number | null = 600) {
  store.sqlite.exec(`
    INSERT INTO domains (id, title) VALUES ('programming', 'Programming');
    INSERT INTO tracks (id, domain_id, title) VALUES ('python', 'programming', 'Python');
    INSERT INTO courses (id, track_id, title, version, difficulty, languages, prerequisites, authors, install_path, installed_at, updated_at)
      VALUES ('c', 'python', 'Course C', '1.0.0', 'beginner', '[]', '[]', '[]', '/x', 0, 0);
    INSERT INTO modules (course_id, module_id, title, position) VALUES ('c', 'm1', 'Module 1', 0), ('c', 'm2', 'Module 2', 1);`);
  const insert = store.sqlite.prepare(
    'INSERT INTO lessons (course_id, lesson_id, module_id, title, type, xp, par_time_seconds, position, path) VALUES (?, ?, ?, ?, ?, 50, ?, ?, ?)',
  );
  insert.run('c', 'l0', 'm1', 'Lesson 0', 'concept', par, 0, 'a.md');
  insert.run('c', 'l1', 'm1', 'Lesson 1', 'practice', par, 1, 'b.md');
  insert.run('c', 'l2', 'm2', 'Lesson 2', 'concept', par, 2, 'c.md');
}

describe('ProgressService.record', () => {
  it('writes the activity, the XP, lesson progress, achievements and the outbox row for one event', async () => {
    const store = open();
    const progress = service(store);
    const result = await progress.record(lesson(0, { firstAttempt: true, elapsedSeconds: 120 }));
    expect(result).toEqual({
      awarded: [{ activity: 'lesson-completed', amount: 62, bonusPercent: 25, baseXp: 50, bonuses: ['first-attempt'] }],
      achievements: [{ id: 'first-steps', title: 'First Steps' }],
      levelBefore: 1,
      levelAfter: 1,
      totalXp: 62,
      duplicate: false,
    });
    expect(store.sqlite.prepare('SELECT kind, local_date AS localDate, timezone FROM activity_events').all()).toEqual([
      { kind: 'lesson-completed', localDate: '2026-06-01', timezone: 'UTC' },
    ]);
    expect(store.sqlite.prepare('SELECT status, active_seconds AS s FROM lesson_progress').get()).toEqual({ status: 'completed', s: 120 });
    expect(store.sqlite.prepare('SELECT id, event_key AS k FROM achievements').all()).toEqual([{ id: 'first-steps', k: 'lesson-completed:c:l0' }]);
    const outbox = store.sqlite.prepare('SELECT kind, idempotency_key AS k, payload FROM sync_outbox').get() as { kind: string; k: string; payload: string };
    expect(outbox.kind).toBe('lesson-completed');
    expect(outbox.k).toBe('lesson-completed:c:l0');
    expect(JSON.parse(outbox.payload)).toMatchObject({ event: { lessonId: 'l0' }, awarded: [{ amount: 62 }], achievements: ['first-steps'] });
  });

  it('a repeated key awards nothing and changes nothing', async () => {
    const store = open();
    const progress = service(store);
    await progress.record(lesson(0));
    const again = await progress.record(lesson(0, { firstAttempt: true, occurredAt: NOW }));
    expect(again).toMatchObject({ duplicate: true, awarded: [], achievements: [], totalXp: 50 });
    for (const table of ['activity_events', 'xp_ledger', 'sync_outbox', 'achievements']) expect(count(store, table)).toBe(1);
  });

  it('the second lesson on a streak day gets the streak bonus', async () => {
    const progress = service();
    await progress.record(lesson(0));
    expect((await progress.record(lesson(1))).awarded[0]).toEqual({
      activity: 'lesson-completed',
      amount: 55,
      bonusPercent: 10,
      baseXp: 50,
      bonuses: ['streak'],
    });
  });

  it('overlapping async calls in one process award exactly once', async () => {
    const store = open();
    const progress = service(store);
    const results = await Promise.all(Array.from({ length: 25 }, () => progress.record(lesson(7, { firstAttempt: true }))));
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
    expect(count(store, 'xp_ledger')).toBe(1);
    expect(ledgerSum(store)).toBe(62);
  });

  it('two processes and this one recording the same events on one file award each once', async () => {
    const store = open();
    const progress = service(store);
    const child = (from: number, to: number) =>
      run(process.execPath, [
        '--import',
        'tsx',
        path.join(import.meta.dirname, 'test-fixtures', 'record-in-child.ts'),
        'record',
        store.file,
        String(from),
        String(to),
      ]);
    const own = (async () => {
      for (let i = 0; i < 40; i++) await progress.record(lesson(i, { firstAttempt: i % 2 === 0 }));
    })();
    await Promise.all([child(0, 40), child(10, 40), own]);
    expect(count(store, 'xp_ledger')).toBe(40);
    expect(count(store, 'activity_events')).toBe(40);
    expect(count(store, 'sync_outbox')).toBe(40);
    // This process's figures follow the other processes' writes (data_version).
    expect(progress.snapshot().totalXp).toBe(ledgerSum(store));
    expect((store.sqlite.prepare("SELECT count(*) AS n FROM achievements WHERE id = 'first-steps'").get() as { n: number }).n).toBe(1);
  });

  it('a failure between the award and the achievements rolls back everything; the retry awards once', async () => {
    const store = open();
    const progress = service(store);
    store.sqlite.exec("CREATE TEMP TRIGGER fail_achievement BEFORE INSERT ON achievements BEGIN SELECT RAISE(ABORT, 'disk gone'); END");
    await expect(progress.record(lesson(0))).rejects.toThrow('disk gone');
    for (const table of ['activity_events', 'xp_ledger', 'sync_outbox', 'achievements', 'lesson_progress']) expect(count(store, table)).toBe(0);
    expect(progress.snapshot().totalXp).toBe(0);
    store.sqlite.exec('DROP TRIGGER temp.fail_achievement');
    expect(await progress.record(lesson(0))).toMatchObject({ totalXp: 50, achievements: [{ id: 'first-steps' }] });
    expect(count(store, 'xp_ledger')).toBe(1);
  });

  it('a process killed inside the transaction leaves nothing behind; recording again works', async () => {
    const store = open();
    const child = run(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'test-fixtures', 'record-in-child.ts'), 'crash', store.file]);
    await expect(child).rejects.toMatchObject({ code: 3 });
    for (const table of ['activity_events', 'xp_ledger', 'sync_outbox', 'achievements']) expect(count(store, table)).toBe(0);
    const result = await service(store).record(lesson(0));
    expect(result).toMatchObject({ duplicate: false, totalXp: 50, achievements: [{ id: 'first-steps' }] });
  });

  it('completes modules and the course from the installed outline, under par when the active time is', async () => {
    const store = open();
    seedCourse(store);
    const progress = service(store);
    await progress.record(lesson(0, { elapsedSeconds: 100 }));
    const second = await progress.record(lesson(1, { elapsedSeconds: 100, firstAttempt: true }));
    expect(second.awarded.map((a) => [a.activity, a.amount])).toEqual([
      ['lesson-completed', 67],
      ['module-completed', 375],
    ]);
    expect(second.achievements.map((a) => a.id)).toEqual(expect.arrayContaining(['module-maker', 'speed-demon']));
    const last = await progress.record(lesson(2, { elapsedSeconds: 9999 }));
    expect(last.awarded.map((a) => [a.activity, a.amount])).toEqual([
      ['lesson-completed', 55],
      ['module-completed', 300],
    ]);
    expect(last.achievements.map((a) => a.id)).toContain('completionist');
    expect(
      store.sqlite
        .prepare('SELECT kind FROM sync_outbox ORDER BY id')
        .all()
        .map((r) => (r as { kind: string }).kind),
    ).toEqual(['lesson-completed', 'lesson-completed', 'module-completed', 'lesson-completed', 'module-completed', 'course-completed']);
    const dashboard = await buildDashboard(store, progress, NOW);
    expect(dashboard.courses[0]).toMatchObject({ id: 'c', percent: 100, completed: 3, total: 3, activeSeconds: 10199 });
    expect(dashboard.tracks[0]).toMatchObject({ id: 'python', percent: 100 });
    expect(dashboard.recommended).toBeNull();
  });

  it('a module with a lesson marked complete unread is never finished under par', async () => {
    const store = open();
    seedCourse(store);
    const progress = service(store);
    // Mark complete two seconds after opening: the lesson counts, but it was not read.
    await progress.record(lesson(0, { lessonType: 'concept', underPar: false, read: false, elapsedSeconds: 2 }));
    const second = await progress.record(lesson(1, { elapsedSeconds: 100, firstAttempt: true }));
    expect(second.awarded.map((a) => [a.activity, a.amount, a.bonuses])).toEqual([
      ['lesson-completed', 67, ['first-attempt', 'streak']],
      ['module-completed', 300, []],
    ]);
    expect(second.achievements.map((a) => a.id)).toContain('module-maker');
    expect(second.achievements.map((a) => a.id)).not.toContain('speed-demon');
  });

  it('rejects an unknown timezone and a malformed event with a message', async () => {
    const progress = service();
    await expect(progress.record(lesson(0, { timezone: 'Mars/Olympus' }))).rejects.toThrow(/not a timezone/);
    await expect(progress.record({ kind: 'lesson-completed' })).rejects.toBeInstanceOf(DronaError);
  });

  it('emits the HUD snapshot and the awards for toasts', async () => {
    const bus = new EventBus();
    const seen: [string, unknown][] = [];
    bus.subscribe((name, payload) => seen.push([name, payload]));
    const progress = service(open(), bus);
    await progress.record(lesson(0));
    await progress.record(lesson(0));
    expect(seen.map(([name]) => name)).toEqual(['progress.changed', 'progress.awarded']);
    expect(seen[1]![1]).toMatchObject({
      kind: 'lesson-completed',
      courseId: 'c',
      lessonId: 'l0',
      awarded: [{ amount: 50 }],
      achievements: [{ id: 'first-steps' }],
    });
  });

  it('course bundles add achievements (ids prefixed with the course); invalid ones are skipped', async () => {
    const store = open();
    const warnings: string[] = [];
    const progress = new ProgressService(store, {
      now: () => NOW,
      warn: (message) => warnings.push(message),
      courseAchievements: async () => [
        {
          id: 'two-in-c',
          title: 'Two in C',
          description: 'Two lessons of course C.',
          category: 'Mastery',
          condition: { stat: 'lessonsCompleted', atLeast: 2, courseId: 'c' },
        },
        { id: 'Bad Id', title: 'x', description: 'x', category: 'Mastery', condition: { stat: 'level', atLeast: 1 } },
      ],
    });
    await progress.record(lesson(0));
    expect((await progress.record(lesson(1))).achievements).toContainEqual({ id: 'c/two-in-c', title: 'Two in C' });
    expect(warnings).toHaveLength(1);
  });

  it('the snapshot reads the streak in the learner timezone, and the dashboard hides hidden achievements', async () => {
    const store = open();
    store.sqlite
      .prepare("INSERT INTO profile (id, name, experience_level, gamification_mode, timezone, created_at) VALUES (1, 'A', 'new', 'full', 'Asia/Kolkata', 0)")
      .run();
    const progress = service(store, undefined, Date.UTC(2026, 5, 2, 20)); // 01:30 on 3 June in Kolkata
    await progress.record(lesson(0, { occurredAt: Date.UTC(2026, 5, 1, 20), timezone: 'Asia/Kolkata' })); // 2 June, Kolkata
    expect(progress.snapshot()).toMatchObject({ totalXp: 50, level: 1, levelStartXp: 0, streak: { current: 1, todayDone: false } });
    const dashboard = await buildDashboard(store, progress, Date.UTC(2026, 5, 2, 20));
    expect(dashboard.today).toBe('2026-06-03');
    expect(dashboard.achievements.find((a) => a.id === 'gold-certificate')).toMatchObject({ state: 'hidden', title: 'Hidden achievement' });
    expect(dashboard.achievements.find((a) => a.id === 'ten-lessons')).toMatchObject({ state: 'in-progress', progressLabel: '1 / 10' });
    expect(dashboard.week).toMatchObject({ lessons: 1, xp: 50, bestDay: { date: '2026-06-02', xp: 50 } });
    expect(dashboard.xpByDay).toEqual([{ date: '2026-06-02', xp: 50, cumulative: 50 }]);
    expect(dashboard.velocity).toHaveLength(8);
    expect(dashboard.velocity.at(-1)).toMatchObject({ weekStart: '2026-06-01', lessons: 1 });
    // The XP line covers the last year; older XP is the line's starting point.
    await progress.record(lesson(1, { occurredAt: Date.UTC(2025, 0, 1, 12) }));
    expect(ledgerSum(store)).toBeGreaterThan(50);
    expect((await buildDashboard(store, progress, Date.UTC(2026, 5, 2, 20))).xpByDay).toEqual([{ date: '2026-06-02', xp: 50, cumulative: ledgerSum(store) }]);
  });
});

describe('ProgressService properties', () => {
  const kinds = ['lesson-completed', 'quiz-passed', 'challenge-completed', 'check-passed', 'hint-revealed', 'certificate-earned', 'module-completed'] as const;
  const eventArb = fc
    .record({
      kind: fc.constantFrom(...kinds),
      key: fc.integer({ min: 0, max: 30 }),
      minutes: fc.integer({ min: 0, max: 60 * 24 * 20 }),
      zone: fc.constantFrom('UTC', 'Asia/Tokyo', 'America/Los_Angeles'),
      firstAttempt: fc.boolean(),
      hintsUsed: fc.integer({ min: 0, max: 3 }),
      score: fc.integer({ min: 60, max: 100 }),
      tier: fc.constantFrom('bronze', 'silver', 'gold'),
    })
    .map(({ kind, key, minutes, zone, ...facts }): LearningEvent => ({
      kind,
      idempotencyKey: `${kind}:${key}`,
      courseId: 'c',
      lessonId: `l${key}`,
      occurredAt: Date.UTC(2026, 0, 1) + minutes * 60_000,
      timezone: zone,
      ...facts,
    }));

  const state = (store: Store, progress: ProgressService) => ({
    ledger: store.sqlite.prepare('SELECT idempotency_key, activity, amount FROM xp_ledger ORDER BY idempotency_key').all(),
    achievements: store.sqlite.prepare('SELECT id FROM achievements ORDER BY id').all(),
    outbox: count(store, 'sync_outbox'),
    snapshot: progress.snapshot(),
  });

  it('total XP equals the ledger sum, level follows it, and replaying the sequence twice changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(eventArb, { maxLength: 25 }), async (events) => {
        const store = open();
        const progress = service(store);
        for (const event of events) {
          const result = await progress.record(event);
          expect(result.totalXp).toBe(ledgerSum(store));
          expect(result.levelAfter).toBe(levelFor(result.totalXp));
        }
        const once = state(store, progress);
        for (const event of events) expect((await progress.record(event)).duplicate).toBe(true);
        expect(state(store, progress)).toEqual(once);
        // A fresh service over the same file derives the same figures from the tables.
        const fresh = service(store);
        expect(fresh.snapshot()).toEqual(once.snapshot);
        expect(fresh.state().tally.global).toEqual(progress.state().tally.global);
        expect([...fresh.state().tally.byCourse]).toEqual([...progress.state().tally.byCourse]);
        expect(fresh.state().streak).toEqual(progress.state().streak);
        store.close();
        stores.splice(stores.indexOf(store), 1);
      }),
      { numRuns: 30 },
    );
  });
});
