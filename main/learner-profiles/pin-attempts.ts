// Wrong PINs at the picker: after a few in a row, that profile waits, longer each time, so a
// 4-digit PIN cannot be guessed by trying them all. Pure apart from the clock it is given.
export const FREE_ATTEMPTS = 5;
const BASE_WAIT_MS = 30_000;
const MAX_WAIT_MS = 15 * 60_000;

/** The wait after `failures` wrong PINs in a row: none for the first few, then 30 s doubling up to 15 min. */
export function pinWaitMs(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(MAX_WAIT_MS, BASE_WAIT_MS * 2 ** (failures - FREE_ATTEMPTS));
}

export function pinAttempts(now: () => number) {
  const state = new Map<string, { failures: number; lastAt: number }>();
  return {
    waitMs(id: string): number {
      const entry = state.get(id);
      return entry ? Math.max(0, entry.lastAt + pinWaitMs(entry.failures) - now()) : 0;
    },
    failed(id: string): void {
      state.set(id, { failures: (state.get(id)?.failures ?? 0) + 1, lastAt: now() });
    },
    succeeded(id: string): void {
      state.delete(id);
    },
  };
}
