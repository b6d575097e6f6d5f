// When Learn reminds the learner of an assigned course's deadline. Pure: the deadline, how much
// is left and the time in, a reminder (or none) out.

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
/** A pace most learners keep on a study day: the reminder comes early enough to finish at it. */
export const LESSONS_PER_DAY = 3;
/** Reminders start no later than three days before a deadline... */
export const MIN_WINDOW_MS = 3 * DAY_MS;
/** ...and no earlier than two weeks before, however much is left. */
export const MAX_WINDOW_MS = 14 * DAY_MS;

export type ReminderLevel = 'overdue' | 'due-today' | 'due-soon';

export interface AssignmentProgress {
  /** The deadline (ms since the epoch), or none. */
  readonly dueAt: number | null;
  /** Lessons of the course not yet completed; 0 when it is done. */
  readonly lessonsLeft: number;
}

export interface Reminder {
  readonly level: ReminderLevel;
  /** Until the deadline (negative once it passed). */
  readonly dueInMs: number;
}

/** How long before the deadline reminders start for `lessonsLeft` lessons to go. */
export function reminderWindowMs(lessonsLeft: number): number {
  const daysNeeded = Math.ceil(Math.max(0, lessonsLeft) / LESSONS_PER_DAY);
  return Math.min(MAX_WINDOW_MS, Math.max(MIN_WINDOW_MS, daysNeeded * DAY_MS));
}

/**
 * The reminder for one assignment at `now`: none when it has no deadline or is done; overdue
 * once the deadline passed; due today within its last 24 hours; due soon within the window the
 * lessons left need at LESSONS_PER_DAY.
 */
export function assignmentReminder(assignment: AssignmentProgress, now: number): Reminder | null {
  if (assignment.dueAt === null || assignment.lessonsLeft <= 0) return null;
  const dueInMs = assignment.dueAt - now;
  if (dueInMs <= 0) return { level: 'overdue', dueInMs };
  if (dueInMs <= DAY_MS) return { level: 'due-today', dueInMs };
  if (dueInMs <= reminderWindowMs(assignment.lessonsLeft)) return { level: 'due-soon', dueInMs };
  return null;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The notice in the learner's words. */
export function reminderText(reminder: Reminder, courseTitle: string, lessonsLeft: number): string {
  const left = plural(lessonsLeft, 'lesson');
  if (reminder.level === 'overdue') return `${courseTitle} was due ${whenText(-reminder.dueInMs)} ago; ${left} to go.`;
  return `${courseTitle} is due in ${whenText(reminder.dueInMs)}; ${left} to go.`;
}

function whenText(ms: number): string {
  if (ms < HOUR_MS) return plural(Math.max(1, Math.round(ms / 60_000)), 'minute');
  if (ms < DAY_MS) return plural(Math.round(ms / HOUR_MS), 'hour');
  return plural(Math.round(ms / DAY_MS), 'day');
}
