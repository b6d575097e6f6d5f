import { expect, it } from 'vitest';
import { describePhases, loadPhases, markPhase } from './load-phases';

it('says how long each phase took after the one before it', () => {
  const phases = [
    { phase: 'worker JS loaded', at: 1120 },
    { phase: 'wasm instantiated', at: 1300.4 },
    { phase: 'snapshot restored', at: 1500 },
  ];
  expect(describePhases(1000, phases)).toBe('worker JS loaded 120 ms, wasm instantiated 180 ms, snapshot restored 200 ms');
  expect(describePhases(1000, [])).toBe('');
});

it('marks phases in order on a clock that does not go back', () => {
  markPhase('first');
  markPhase('second');
  const [first, second] = loadPhases().slice(-2);
  expect([first?.phase, second?.phase]).toEqual(['first', 'second']);
  expect(second!.at).toBeGreaterThanOrEqual(first!.at);
});
