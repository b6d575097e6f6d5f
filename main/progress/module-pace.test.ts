import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { moduleUnderPar, type ModuleTimes } from './module-pace';

const times = fc.record({ active: fc.nat(10_000), par: fc.nat(10_000), unknownPar: fc.nat(3), unread: fc.nat(3) });

describe('moduleUnderPar', () => {
  it('is fast exactly when every lesson was read, has a par, and the time spent fits in it', () => {
    expect(moduleUnderPar({ active: 100, par: 600, unknownPar: 0, unread: 0 })).toBe(true);
    expect(moduleUnderPar({ active: 600, par: 600, unknownPar: 0, unread: 0 })).toBe(true);
    expect(moduleUnderPar({ active: 601, par: 600, unknownPar: 0, unread: 0 })).toBe(false);
    // A reading lesson marked complete after two seconds: the time fits, but it was not read.
    expect(moduleUnderPar({ active: 102, par: 600, unknownPar: 0, unread: 1 })).toBe(false);
    expect(moduleUnderPar({ active: 100, par: 600, unknownPar: 1, unread: 0 })).toBe(false);
    expect(moduleUnderPar({ active: 0, par: 600, unknownPar: 0, unread: 0 })).toBe(false);
    expect(moduleUnderPar({ active: 0, par: 0, unknownPar: 0, unread: 0 })).toBe(false);
  });

  it('a lesson marked complete unread always costs the module its speed, whatever the times', () => {
    fc.assert(
      fc.property(times, (module) => {
        expect(moduleUnderPar({ ...module, unread: module.unread + 1 })).toBe(false);
      }),
    );
  });

  it('once some time is recorded, more time never makes a slow module fast', () => {
    fc.assert(
      fc.property(times, fc.nat(1000), (module: ModuleTimes, extra) => {
        if (module.active > 0 && !moduleUnderPar(module)) expect(moduleUnderPar({ ...module, active: module.active + extra })).toBe(false);
      }),
    );
  });
});
