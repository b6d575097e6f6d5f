import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { activeSecondsOfTick, IDLE_AFTER_SECONDS, TICK_SECONDS } from './active-time';

const now = 1_000_000_000;

describe('activeSecondsOfTick', () => {
  it('counts a tick when the window is visible, focused and used recently', () => {
    expect(activeSecondsOfTick({ visible: true, focused: true, lastInputAt: now - 5_000 }, now)).toBe(TICK_SECONDS);
    expect(activeSecondsOfTick({ visible: true, focused: true, lastInputAt: now - IDLE_AFTER_SECONDS * 1000 }, now)).toBe(TICK_SECONDS);
  });

  it('counts nothing when idle past the limit, hidden or unfocused', () => {
    expect(activeSecondsOfTick({ visible: true, focused: true, lastInputAt: now - IDLE_AFTER_SECONDS * 1000 - 1 }, now)).toBe(0);
    expect(activeSecondsOfTick({ visible: false, focused: true, lastInputAt: now }, now)).toBe(0);
    expect(activeSecondsOfTick({ visible: true, focused: false, lastInputAt: now }, now)).toBe(0);
  });

  it('never counts more than a tick, whatever the presence', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.boolean(), fc.integer({ min: 0, max: 10_000_000 }), (visible, focused, ago) => {
        const seconds = activeSecondsOfTick({ visible, focused, lastInputAt: now - ago }, now);
        expect([0, TICK_SECONDS]).toContain(seconds);
      }),
    );
  });
});
