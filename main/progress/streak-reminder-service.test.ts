// The streak reminder scheduler with the real store, progress, profile and settings services,
// driven by a fake clock whose timers fire as it advances; then once through the composition root.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { StreakReminder } from '../../preload/contract/progress';
import { readAppConfig } from '../app/app-config';
import { createApp, type DronaApp } from '../app/create-app';
import { silentLogger } from '../app/logger';
import { ProfileService } from '../profile/profile-service';
import { SettingsService } from '../settings/settings-service';
import { openStore, type Store } from '../store/open-store';
import { ProgressService } from './progress-service';
import { CHECK_EVERY_MS, StreakReminderService, type ReminderTimers } from './streak-reminder-service';
import { at } from '../../common/testing/wall-clock';
import type { Services } from '../app/services';

const ZONE = 'Europe/Berlin';
const MINUTE = 60_000;
const stores: Store[] = [];
let app: DronaApp | undefined;
afterEach(async () => {
  while (stores.length) stores.pop()!.close();
  await app?.close();
  app = undefined;
});

/** A clock that only moves when told to, firing due timers in time order on the way. */
function fakeClock(start: number) {
  let now = start;
  let pending: { at: number; fn: () => void }[] = [];
  const timers: ReminderTimers = {
    setTimeout: (fn, ms) => {
      const timer = { at: now + ms, fn };
      pending.push(timer);
      return timer;
    },
    clearTimeout: (handle) => {
      pending = pending.filter((timer) => timer !== handle);
    },
  };
  return {
    now: () => now,
    timers,
    pendingTimers: () => pending.length,
    advanceTo(wall: string) {
      const until = at(ZONE, wall);
      for (;;) {
        const next = pending.filter((timer) => timer.at <= until).sort((a, b) => a.at - b.at)[0];
        if (!next) break;
        pending = pending.filter((timer) => timer !== next);
        now = next.at;
        next.fn();
      }
      now = until;
    },
  };
}

function world(startWall: string, dataFile?: string) {
  const file = dataFile ?? path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'drona-reminder-')), 'drona.db');
  const store = openStore(file);
  stores.push(store);
  const clock = fakeClock(at(ZONE, startWall));
  const profile = new ProfileService(store, clock.now);
  const settings = new SettingsService(store, clock.now);
  const progress = new ProgressService(store, { now: clock.now });
  const announced: StreakReminder[] = [];
  const reminders = new StreakReminderService(store, {
    now: clock.now,
    timers: clock.timers,
    learner: () => profile.get(),
    settings: () => settings.get().streakReminder,
    streak: () => progress.state().streak,
    nextLesson: () => null,
    announce: (reminder) => announced.push(reminder),
  });
  const learnOn = (wall: string, lessonId = wall) =>
    progress.record({
      kind: 'lesson-completed',
      idempotencyKey: `lesson-completed:c:${lessonId}`,
      courseId: 'c',
      lessonId,
      occurredAt: at(ZONE, wall),
      timezone: ZONE,
    });
  return { file, store, clock, profile, settings, progress, reminders, announced, learnOn };
}

/** A learner in Berlin who learned at noon on 4–9 June 2026: a 6-day streak, nothing yet on the 10th. */
async function sixDayStreak(startWall = '2026-06-10T19:30', dataFile?: string) {
  const w = world(startWall, dataFile);
  if (!dataFile) {
    w.profile.completeFirstRun({ name: 'Asha', goal: '', experienceLevel: 'new', gamificationMode: 'full', timezone: ZONE });
    for (let day = 4; day <= 9; day++) await w.learnOn(`2026-06-0${day}T12:00`);
  }
  return w;
}

/** The six-day streak with its reminder scheduler started, and the clock moved on to `wall`. */
async function remindersRunningUntil(wall: string) {
  const w = await sixDayStreak();
  w.reminders.start();
  w.clock.advanceTo(wall);
  return w;
}

/** A lesson at noon on 7, 8 and 9 June 2026 in Berlin: a three-day streak through the real services. */
async function learnedOnSevenToNine(services: Services) {
  for (let day = 7; day <= 9; day++) {
    await services.progress.record({
      kind: 'lesson-completed',
      idempotencyKey: `lesson-completed:python-basics:d${day}`,
      courseId: 'python-basics',
      lessonId: 'hello-python',
      occurredAt: at(ZONE, `2026-06-0${day}T12:00`),
      timezone: ZONE,
    });
  }
}

describe('the streak reminder scheduler (real store, fake clock)', () => {
  it('reminds once at the reminder time with the streak and the minutes left, and not again that evening', async () => {
    const w = await remindersRunningUntil('2026-06-10T19:59');
    expect(w.announced).toEqual([]);
    w.clock.advanceTo('2026-06-10T20:00');
    expect(w.announced).toEqual([
      {
        date: '2026-06-10',
        streak: 6,
        freezes: 0,
        minutesLeft: 240,
        dayEndsAt: at(ZONE, '2026-06-11T00:00'),
        message: 'Your 6-day streak ends in 4 h. One lesson keeps it going.',
        lesson: null,
      },
    ]);
    w.clock.advanceTo('2026-06-10T23:59');
    expect(w.announced).toHaveLength(1);
    // A window opening now still gets today's unanswered reminder, with the time left now.
    expect(w.reminders.pending()).toMatchObject({ streak: 6, minutesLeft: 1, message: 'Your 6-day streak ends in 1 min. One lesson keeps it going.' });
    expect(w.announced).toHaveLength(1);
  });

  it('checks once a minute: a reminder time set while running fires within a minute', async () => {
    const w = await sixDayStreak('2026-06-10T20:30:10');
    w.settings.update({ streakReminder: { enabled: true, time: '21:00' } });
    w.reminders.start();
    w.clock.advanceTo('2026-06-10T20:59:59');
    expect(w.announced).toHaveLength(0);
    w.clock.advanceTo('2026-06-10T21:00:10');
    expect(w.announced).toHaveLength(1);
    expect(w.announced[0]!.minutesLeft).toBe(180);
    expect(w.clock.pendingTimers()).toBe(1);
    expect(CHECK_EVERY_MS).toBe(MINUTE);
  });

  it('a restart the same evening does not remind again; after "Not today" no window shows it again today', async () => {
    const first = await remindersRunningUntil('2026-06-10T20:05');
    expect(first.announced).toHaveLength(1);
    first.reminders.stop();
    first.store.close();
    stores.splice(stores.indexOf(first.store), 1);

    const restarted = await sixDayStreak('2026-06-10T21:10', first.file);
    restarted.reminders.start();
    restarted.clock.advanceTo('2026-06-10T23:00');
    expect(restarted.announced).toEqual([]);
    expect(restarted.reminders.pending()).toMatchObject({ date: '2026-06-10', streak: 6, minutesLeft: 60 });
    restarted.reminders.dismiss();
    expect(restarted.reminders.pending()).toBeNull();
    expect(restarted.announced).toEqual([]);
  });

  it('learning today ends it: no reminder after a lesson, and the next evening reminds again with the longer streak', async () => {
    const w = await remindersRunningUntil('2026-06-10T20:00');
    expect(w.announced).toHaveLength(1);
    w.reminders.dismiss();
    await w.learnOn('2026-06-10T20:30');
    w.clock.advanceTo('2026-06-11T19:59');
    expect(w.reminders.pending()).toBeNull();
    expect(w.announced).toHaveLength(1);
    w.clock.advanceTo('2026-06-11T20:00');
    expect(w.announced).toHaveLength(2);
    // The seventh day earned a freeze, so missing the 11th would not end the streak.
    expect(w.announced[1]).toMatchObject({
      date: '2026-06-11',
      streak: 7,
      freezes: 1,
      message: 'Your 7-day streak needs a lesson in the next 4 h, or a streak freeze will be used.',
    });
  });

  it('a lesson before the reminder time means no reminder that day', async () => {
    const w = await sixDayStreak('2026-06-10T08:00');
    w.reminders.start();
    await w.learnOn('2026-06-10T09:00');
    w.clock.advanceTo('2026-06-10T23:59');
    expect(w.announced).toEqual([]);
    expect(w.reminders.pending()).toBeNull();
  });

  it('gives none when switched off or in gamification mode "off"; turning it back on reminds at the next check', async () => {
    const w = await sixDayStreak();
    w.settings.update({ streakReminder: { enabled: false, time: '20:00' } });
    w.reminders.start();
    w.clock.advanceTo('2026-06-10T21:00');
    expect(w.announced).toEqual([]);
    expect(w.reminders.pending()).toBeNull();

    w.settings.update({ streakReminder: { enabled: true, time: '20:00' } });
    w.profile.update({ gamificationMode: 'off' });
    w.clock.advanceTo('2026-06-10T21:30');
    expect(w.announced).toEqual([]);
    expect(w.reminders.pending()).toBeNull();

    w.profile.update({ gamificationMode: 'minimal' });
    w.clock.advanceTo('2026-06-10T21:31');
    expect(w.announced).toHaveLength(1);
  });

  it('never reminds a learner without a streak', async () => {
    const w = world('2026-06-10T19:00');
    w.profile.completeFirstRun({ name: 'New', goal: '', experienceLevel: 'new', gamificationMode: 'full', timezone: ZONE });
    w.reminders.start();
    w.clock.advanceTo('2026-06-12T23:00');
    expect(w.announced).toEqual([]);
  });

  it('stop() cancels the pending check', async () => {
    const w = await sixDayStreak();
    w.reminders.start();
    w.reminders.stop();
    expect(w.clock.pendingTimers()).toBe(0);
    w.clock.advanceTo('2026-06-10T22:00');
    expect(w.announced).toEqual([]);
  });
});

describe('the streak reminder through the composition root', () => {
  it('answers windows, reminds as soon as the setting is turned on, and offers the next lesson', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'drona-reminder-app-'));
    const now = at(ZONE, '2026-06-10T21:00');
    app = createApp({ dataDir, mode: 'serve', version: '0.0.0-test', logger: silentLogger, now: () => now });
    const state = app.state();
    if (!('services' in state)) throw new Error('store did not open');
    const { services } = state;
    const received: unknown[] = [];
    app.events.subscribe((name, payload) => name === 'progress.streakReminder' && received.push(payload));
    services.profile.completeFirstRun({ name: 'Asha', goal: '', experienceLevel: 'new', gamificationMode: 'full', timezone: ZONE });
    services.settings.update({ streakReminder: { enabled: false, time: '20:00' } });
    await learnedOnSevenToNine(services);
    expect(await app.handlers['progress.pendingStreakReminder']({}, { sessionId: 's', events: app.events })).toBeNull();

    await app.handlers['settings.update']({ streakReminder: { enabled: true, time: '20:00' } }, { sessionId: 's', events: app.events });
    expect(received).toEqual([
      expect.objectContaining({ streak: 3, minutesLeft: 180, lesson: expect.objectContaining({ courseId: 'python-basics', lessonId: expect.any(String) }) }),
    ]);
    expect(await app.handlers['progress.pendingStreakReminder']({}, { sessionId: 's', events: app.events })).toMatchObject({ streak: 3 });
    await app.handlers['progress.dismissStreakReminder']({}, { sessionId: 's', events: app.events });
    expect(await app.handlers['progress.pendingStreakReminder']({}, { sessionId: 's', events: app.events })).toBeNull();
    expect(received).toHaveLength(1);
  });

  it('does not check from one-shot CLI commands (backgroundWork: false), only from the app', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'drona-reminder-cli-'));
    const now = at(ZONE, '2026-06-10T21:00');
    const open = (backgroundWork?: boolean) =>
      createApp({
        dataDir,
        mode: 'serve',
        version: '0.0.0-test',
        logger: silentLogger,
        now: () => now,
        ...(backgroundWork === undefined ? {} : { backgroundWork }),
      });
    /** The reminders a freshly opened app gives by itself (its first check runs on the next turn of the event loop). */
    const remindersOnOpening = async (backgroundWork?: boolean) => {
      app = open(backgroundWork);
      const received: unknown[] = [];
      app.events.subscribe((name, payload) => name === 'progress.streakReminder' && received.push(payload));
      await new Promise((resolve) => setTimeout(resolve, 50));
      await app.close();
      app = undefined;
      return received;
    };
    app = open(false);
    const state = app.state();
    if (!('services' in state)) throw new Error('store did not open');
    state.services.profile.completeFirstRun({ name: 'Asha', goal: '', experienceLevel: 'new', gamificationMode: 'full', timezone: ZONE });
    await learnedOnSevenToNine(state.services);
    await app.close();

    expect(await remindersOnOpening(false)).toEqual([]);
    expect(await remindersOnOpening()).toEqual([expect.objectContaining({ streak: 3 })]);
  });

  it('makes its first check only once start-up is done (the server listens), never before the first paint', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'drona-reminder-startup-'));
    const now = at(ZONE, '2026-06-10T21:00');
    const seed = createApp({ dataDir, mode: 'serve', version: '0.0.0-test', logger: silentLogger, now: () => now, backgroundWork: false });
    const state = seed.state();
    if (!('services' in state)) throw new Error('store did not open');
    state.services.profile.completeFirstRun({ name: 'Asha', goal: '', experienceLevel: 'new', gamificationMode: 'full', timezone: ZONE });
    await learnedOnSevenToNine(state.services);
    await seed.close();

    let listening = () => {};
    const startupDone = new Promise<void>((resolve) => (listening = resolve));
    // The sandbox's warm-up also waits for start-up; it is not this test's business.
    const env = readAppConfig({ DRONA_SANDBOX_PREWARM: '0' });
    app = createApp({ dataDir, mode: 'serve', version: '0.0.0-test', logger: silentLogger, now: () => now, startupDone, env });
    const received: unknown[] = [];
    app.events.subscribe((name, payload) => name === 'progress.streakReminder' && received.push(payload));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(received).toEqual([]);
    listening();
    await vi.waitFor(() => expect(received).toEqual([expect.objectContaining({ streak: 3 })]));
  });
});
