/**
 * Delay before retry number `attempt` (0-based): exponential from `baseMs`, capped at `capMs`,
 * with "equal jitter" (half fixed, half random) so many offline apps coming back together do
 * not hit the server in step.
 */
export function backoffDelay(attempt: number, random: () => number, baseMs = 2_000, capMs = 15 * 60_000): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.min(attempt, 30));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
