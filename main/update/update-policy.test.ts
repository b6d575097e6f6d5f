import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { updateChannels } from '../../preload/contract/update';
import { channelOf, decideUpdate, mayRestart, nextCheckIn, rolloutPosition, withinRollout, type Activity } from './update-policy';

const idle: Activity = { examRunning: false, unsavedWork: false };
const activities: Activity[] = [
  idle,
  { examRunning: true, unsavedWork: false },
  { examRunning: false, unsavedWork: true },
  { examRunning: true, unsavedWork: true },
];

describe('channels', () => {
  it('puts releases in stable, beta and rc pre-releases in beta, other pre-releases nowhere', () => {
    expect(channelOf('1.2.0')).toBe('stable');
    expect(channelOf('1.2.0-beta.3')).toBe('beta');
    expect(channelOf('1.2.0-rc.1')).toBe('beta');
    expect(channelOf('1.2.0-alpha.1')).toBeNull();
    expect(channelOf('1.2.0-nightly')).toBeNull();
    expect(channelOf('one')).toBeNull();
  });
});

describe('decideUpdate, every combination', () => {
  const current = ['1.2.0', '1.3.0-beta.1'];
  const offered = ['1.1.0', '1.2.0', '1.2.1', '1.3.0-beta.1', '1.3.0-beta.2', '1.3.0-alpha.1', '1.3.0', 'garbage'];
  it.each(current)('from %s', (running) => {
    const table: string[] = [];
    for (const version of offered)
      for (const channel of updateChannels)
        for (const activity of activities) {
          const decision = decideUpdate({ current: running, release: { version }, channel, installId: 'a', activity });
          table.push(
            `${version} ${channel} exam=${activity.examRunning} unsaved=${activity.unsavedWork}: ${'reason' in decision ? decision.reason : decision.action}`,
          );
        }
    expect(table).toMatchSnapshot();
  });

  it('never downloads a version that is not newer, whatever the channel', () => {
    fc.assert(
      fc.property(fc.nat(5), fc.nat(5), fc.nat(5), fc.nat(5), fc.constantFrom(...updateChannels), (a, b, c, d, channel) => {
        const decision = decideUpdate({ current: `1.${a}.${b}`, release: { version: `1.${c}.${d}` }, channel, installId: 'x', activity: idle });
        expect(decision.action === 'download').toBe(c > a || (c === a && d > b));
      }),
    );
  });

  it('waits during an exam and downloads with unsaved work (only the restart waits for it)', () => {
    const input = { current: '1.0.0', release: { version: '1.0.1' }, channel: 'stable' as const, installId: 'x' };
    expect(decideUpdate({ ...input, activity: { examRunning: true, unsavedWork: false } })).toEqual({ action: 'wait', reason: 'exam' });
    expect(decideUpdate({ ...input, activity: { examRunning: false, unsavedWork: true } })).toEqual({ action: 'download', version: '1.0.1' });
  });
});

describe('staged rollout', () => {
  it('offers 0 % to no one and 100 % (or no percentage) to everyone', () => {
    fc.assert(
      fc.property(fc.uuid(), (id) => {
        expect(withinRollout(id, { version: '2.0.0', stagingPercentage: 0 })).toBe(false);
        expect(withinRollout(id, { version: '2.0.0', stagingPercentage: 100 })).toBe(true);
        expect(withinRollout(id, { version: '2.0.0' })).toBe(true);
        expect(withinRollout(id, { version: '2.0.0', stagingPercentage: -5 })).toBe(false);
      }),
    );
  });

  it('keeps an install in as the percentage grows, and gives the same answer every time', () => {
    fc.assert(
      fc.property(fc.uuid(), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), (id, p, q) => {
        const [low, high] = p <= q ? [p, q] : [q, p];
        if (withinRollout(id, { version: '3.1.0', stagingPercentage: low }))
          expect(withinRollout(id, { version: '3.1.0', stagingPercentage: high })).toBe(true);
        expect(rolloutPosition(id, '3.1.0')).toBe(rolloutPosition(id, '3.1.0'));
      }),
    );
  });

  it('takes about the asked share of installs, and different installs first for each version', () => {
    const ids = Array.from({ length: 10_000 }, (_, i) => `install-${i}`);
    const share = (version: string, percentage: number) =>
      ids.filter((id) => withinRollout(id, { version, stagingPercentage: percentage })).length / ids.length;
    expect(share('1.5.0', 10)).toBeGreaterThan(0.09);
    expect(share('1.5.0', 10)).toBeLessThan(0.11);
    expect(share('1.5.0', 50)).toBeGreaterThan(0.48);
    expect(share('1.5.0', 50)).toBeLessThan(0.52);
    const firstOf = (version: string) => new Set(ids.filter((id) => rolloutPosition(id, version) < 10));
    const a = firstOf('1.5.0');
    const overlap = [...firstOf('1.6.0')].filter((id) => a.has(id)).length / a.size;
    expect(overlap).toBeLessThan(0.15);
  });

  it('skips an install outside the rollout', () => {
    const id = Array.from({ length: 100 }, (_, i) => `i${i}`).find((candidate) => rolloutPosition(candidate, '1.0.1') >= 50)!;
    expect(decideUpdate({ current: '1.0.0', release: { version: '1.0.1', stagingPercentage: 50 }, channel: 'stable', installId: id, activity: idle })).toEqual({
      action: 'skip',
      reason: 'not-in-rollout',
    });
  });
});

describe('restart and schedule', () => {
  it('restarts only when no exam runs and nothing is unsaved', () => {
    expect(activities.map(mayRestart)).toEqual([
      { ok: true },
      { ok: false, reason: 'exam' },
      { ok: false, reason: 'unsaved-work' },
      { ok: false, reason: 'exam' },
    ]);
  });

  it('checks at start, then every interval, and at once when the clock went back', () => {
    const hour = 3_600_000;
    expect(nextCheckIn(10 * hour, null, 4 * hour)).toBe(0);
    expect(nextCheckIn(10 * hour, 9 * hour, 4 * hour)).toBe(3 * hour);
    expect(nextCheckIn(10 * hour, 5 * hour, 4 * hour)).toBe(0);
    expect(nextCheckIn(10 * hour, 11 * hour, 4 * hour)).toBe(0);
  });
});
