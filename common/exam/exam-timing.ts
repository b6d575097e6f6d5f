// The exam clock, kept by main. A section's time is what the learner has used of it while the
// app ran: each look at the attempt adds the time since the last one, except the first look after
// the app (re)started, which adds nothing, so a crash or restart resumes with the time that was
// left. Time out submits the section. Pure: the service passes `now`.

export interface SectionClock {
  /** Time used of the section so far. */
  readonly usedMs: number;
  /** When main last counted the time (epoch ms). */
  readonly seenAt: number;
}

/** `clock` moved to `now`; `resumed` when this is the first look since the app started. Time never runs backwards. */
export function tick(clock: SectionClock, now: number, resumed: boolean): SectionClock {
  if (resumed) return { usedMs: clock.usedMs, seenAt: now };
  return { usedMs: clock.usedMs + Math.max(0, now - clock.seenAt), seenAt: Math.max(now, clock.seenAt) };
}

export const sectionLimitMs = (minutes: number): number => Math.round(minutes * 60_000);

export const remainingMs = (clock: SectionClock, minutes: number): number => Math.max(0, sectionLimitMs(minutes) - clock.usedMs);

export const timedOut = (clock: SectionClock, minutes: number): boolean => remainingMs(clock, minutes) === 0;

/** When the learner may start another attempt after a failed one (epoch ms); null when they may now or have passed. */
export function retakeAvailableAt(lastFailedAt: number | null, cooldownHours: number, now: number): number | null {
  if (lastFailedAt === null) return null;
  const at = lastFailedAt + cooldownHours * 3_600_000;
  return at > now ? at : null;
}
