// A challenge's clock lives in main: it starts at the first opening, a reopening (a reload, a
// restart) carries on from there, and it reports the limit as reached at par + allowance.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../store/open-store';
import { LessonActivity } from './lesson-activity';
import type { LessonFacts } from './lesson-sources';

const lessons: Record<string, LessonFacts> = {
  timed: { type: 'challenge', parTimeMinutes: 2, challenge: { allowanceMinutes: 1 } },
  untimed: { type: 'challenge', parTimeMinutes: 2 },
  add: { type: 'practice', parTimeMinutes: 2 },
};

let store: Store | undefined;
afterEach(() => store?.close());

function activityAt(clock: { now: number }, file: string) {
  store = openStore(file);
  return new LessonActivity(
    store,
    { getLesson: async (_c, id) => lessons[id] ?? null, getExercise: async () => null, record: async () => undefined, checksBefore: () => 0 },
    () => clock.now,
  );
}

describe('challenge clock', () => {
  it('starts at the first opening and survives a restart, expiring at par + allowance', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'drona-clock-')), 'drona.db');
    const clock = { now: 1_800_000_000_000 };
    let activity = activityAt(clock, file);
    expect((await activity.standing('py', 'timed')).challenge).toBeNull();
    expect((await activity.open('py', 'timed')).challenge).toEqual({ limitSeconds: 180, elapsedSeconds: 0, expired: false });
    clock.now += 100_000;
    store!.close();
    activity = activityAt(clock, file);
    expect((await activity.open('py', 'timed')).challenge).toEqual({ limitSeconds: 180, elapsedSeconds: 100, expired: false });
    clock.now += 80_000;
    expect((await activity.standing('py', 'timed')).challenge).toEqual({ limitSeconds: 180, elapsedSeconds: 180, expired: true });
  });

  it('keeps no clock for a challenge without an allowance or another lesson type', async () => {
    const activity = activityAt({ now: 1 }, path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'drona-clock-')), 'drona.db'));
    expect((await activity.open('py', 'untimed')).challenge).toBeNull();
    expect((await activity.open('py', 'add')).challenge).toBeNull();
  });
});
