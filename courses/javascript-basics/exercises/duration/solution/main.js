/**
 * Formats a number of minutes as "2h 05m" (or "45m" under an hour).
 * Throws a RangeError for negative or non-integer input.
 */
export function formatDuration(minutes) {
  if (!Number.isInteger(minutes) || minutes < 0) {
    throw new RangeError(`minutes must be a whole number >= 0, got ${minutes}`);
  }
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest}m`;
  return `${hours}h ${String(rest).padStart(2, '0')}m`;
}

console.log(formatDuration(125));
