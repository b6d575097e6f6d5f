// "Mark complete" on a lesson meant to be read: it completes the lesson either way, but counts
// as fast (under par, toward the speed achievements) only when the lesson was open long enough
// to be read: its words at a brisk 400 a minute, and never under 15 seconds. Pure.
export const READING_WORDS_PER_MINUTE = 400;
export const MIN_READING_SECONDS = 15;

export function minReadingSeconds(markdown: string): number {
  const words = markdown.split(/\s+/).filter(Boolean).length;
  return Math.max(MIN_READING_SECONDS, Math.ceil((words * 60) / READING_WORDS_PER_MINUTE));
}

/** Whether the time main measured in the lesson (undefined: never opened since start-up) is enough to have read it. */
export function wasRead(spentSeconds: number | undefined, markdown: string): boolean {
  return spentSeconds !== undefined && spentSeconds >= minReadingSeconds(markdown);
}
