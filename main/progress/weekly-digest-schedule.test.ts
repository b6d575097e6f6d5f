import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../common/rules/streaks';
import { digestDecision, mondayOf } from './weekly-digest-schedule';

// Monday 7 December 2026.
const MONDAY = Date.UTC(2026, 11, 7);
const at = (day: number, hour: number) => MONDAY + day * 86_400_000 + hour * 3_600_000;
const always = () => true;

describe('weekly digest schedule', () => {
  it('is due from Monday 09:00 local about the week before, once', () => {
    expect(digestDecision({ now: at(0, 8), timezone: 'UTC', lastAnnounced: null, activeIn: always })).toMatchObject({ due: false, reason: 'too-early' });
    expect(digestDecision({ now: at(0, 9), timezone: 'UTC', lastAnnounced: null, activeIn: always })).toEqual({
      due: true,
      weekStart: '2026-11-30',
      reason: 'due',
    });
    expect(digestDecision({ now: at(3, 20), timezone: 'UTC', lastAnnounced: '2026-11-23', activeIn: always }).due).toBe(true);
    expect(digestDecision({ now: at(3, 20), timezone: 'UTC', lastAnnounced: '2026-11-30', activeIn: always }).reason).toBe('already-announced');
  });
  it('follows the learner timezone: 09:00 in Kolkata is 03:30 UTC', () => {
    expect(digestDecision({ now: at(0, 3.5), timezone: 'Asia/Kolkata', lastAnnounced: null, activeIn: always }).due).toBe(true);
    expect(digestDecision({ now: at(0, 3.4), timezone: 'Asia/Kolkata', lastAnnounced: null, activeIn: always }).due).toBe(false);
  });
  it('stays quiet about a week without activity', () => {
    expect(digestDecision({ now: at(1, 12), timezone: 'UTC', lastAnnounced: null, activeIn: () => false }).reason).toBe('quiet-week');
  });
  it('announces at most once per week whatever the checks, always about a Monday seven days before this week', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 60 * 24 * 4 }), { maxLength: 80 }), (steps) => {
        let now = MONDAY;
        let last: string | null = null;
        const announced: string[] = [];
        for (const step of [...steps].sort((a, b) => a - b)) {
          now = MONDAY + step * 15 * 60_000;
          const decision = digestDecision({ now, timezone: 'Europe/Berlin', lastAnnounced: last, activeIn: always });
          expect(dayNumber(mondayOf(decision.weekStart))).toBe(dayNumber(decision.weekStart));
          if (decision.due) announced.push((last = decision.weekStart));
        }
        expect(new Set(announced).size).toBe(announced.length);
      }),
    );
  });
  it('finds the Monday of any date', () => {
    expect(mondayOf('2026-12-13')).toBe('2026-12-07');
    expect(mondayOf('2026-12-07')).toBe('2026-12-07');
    expect(mondayOf('2027-01-01')).toBe('2026-12-28');
  });
});
