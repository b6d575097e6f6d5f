// When each step of a worker's load happened (wall-clock ms, comparable across threads), sent
// with 'ready' so the driver (and bench:sandbox) can say where a cold start's time went.

export interface LoadPhase {
  readonly phase: string;
  /** performance.timeOrigin + performance.now(): the same clock in the driver and in its workers. */
  readonly at: number;
}

const marks: LoadPhase[] = [];

export const clockNow = () => performance.timeOrigin + performance.now();

/** Notes that `phase` ended now (in this worker). */
export function markPhase(phase: string): void {
  marks.push({ phase, at: clockNow() });
}

export function loadPhases(): LoadPhase[] {
  return [...marks];
}

/** "spawn 120 ms, js 300 ms, ...": each phase's time since the one before, from `startedAt`. */
export function describePhases(startedAt: number, phases: readonly LoadPhase[]): string {
  let last = startedAt;
  return phases
    .map(({ phase, at }) => {
      const text = `${phase} ${Math.round(at - last)} ms`;
      last = at;
      return text;
    })
    .join(', ');
}
