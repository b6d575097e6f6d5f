// The instructor dashboard's figures, as pure functions of what a cohort shares: lessons done in
// an assigned course, hints revealed, active time, first and last activity, and the due date.

export const dayMs = 86_400_000;
/** A learner who has not worked on an unfinished assigned course for this long is at risk. */
export const idleDaysAtRisk = 7;
/** A struggle index at or above this puts the learner at risk. */
export const struggleAtRisk = 70;

export interface CourseActivity {
  /** Lessons in the registered outline, or null when the course is not registered here. */
  readonly total: number | null;
  readonly done: number;
  readonly hints: number;
  readonly activeSeconds: number;
  readonly firstAt: number | null;
  readonly lastAt: number | null;
  readonly dueAt: number | null;
}

export const isComplete = (a: CourseActivity) => a.total !== null && a.done >= a.total;

/** Whole percent of the outline done (0 when its size is unknown). */
export function progressPercent(a: Pick<CourseActivity, 'done' | 'total'>): number {
  if (a.total === null || a.total === 0) return 0;
  return Math.min(100, Math.floor((a.done / a.total) * 100));
}

/**
 * When the course will be finished at the pace so far (lessons per day since the first one, at
 * least a day counted): the last activity if it is finished, null when nothing is done to go by.
 */
export function predictedCompletion(a: CourseActivity, now: number): number | null {
  if (a.total === null || a.firstAt === null) return null;
  if (isComplete(a)) return a.lastAt;
  if (a.done === 0) return null;
  const perDay = a.done / Math.max(1, (now - a.firstAt) / dayMs);
  return Math.round(now + ((a.total - a.done) / perDay) * dayMs);
}

/** The middle value (the mean of the two middle ones for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((x, y) => x - y);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * 0–100: half from hints per lesson done (two or more per lesson counts in full), half from
 * active time per lesson beyond the cohort's median (three times the median or more counts in
 * full). A learner with nothing done yet scores from hints alone.
 */
export function struggleIndex(a: Pick<CourseActivity, 'done' | 'hints' | 'activeSeconds'>, cohortSecondsPerLesson: number | null): number {
  const lessons = Math.max(1, a.done);
  const hintPart = Math.min(1, a.hints / lessons / 2);
  const slowPart =
    a.done === 0 || cohortSecondsPerLesson === null || cohortSecondsPerLesson <= 0
      ? 0
      : Math.min(1, Math.max(0, a.activeSeconds / a.done / cohortSecondsPerLesson - 1) / 2);
  return Math.round(50 * hintPart + 50 * slowPart);
}

export type Risk = 'behind-due-date' | 'overdue' | 'not-started' | 'idle' | 'struggling' | null;

/** Why the learner may not finish the course on time, the most pressing reason first; null when on track. */
export function riskOf(a: CourseActivity, struggle: number, now: number): Risk {
  if (isComplete(a)) return null;
  if (a.dueAt !== null && now > a.dueAt) return 'overdue';
  const predicted = predictedCompletion(a, now);
  // With nothing done, a course due within a week is already behind.
  if (a.dueAt !== null && (predicted === null ? a.dueAt - now < idleDaysAtRisk * dayMs : predicted > a.dueAt)) return 'behind-due-date';
  if (a.lastAt === null) return a.dueAt === null ? null : 'not-started';
  if (now - a.lastAt > idleDaysAtRisk * dayMs) return 'idle';
  if (struggle >= struggleAtRisk) return 'struggling';
  return null;
}

export const riskLabels: Record<Exclude<Risk, null>, string> = {
  'behind-due-date': 'Behind the due date',
  overdue: 'Overdue',
  'not-started': 'Not started',
  idle: `Idle over ${idleDaysAtRisk} days`,
  struggling: 'Struggling',
};

/** One CSV field (RFC 4180), with formula-looking text defused so spreadsheets show it as text. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvRow = (values: readonly (string | number | null)[]) => `${values.map(csvField).join(',')}\r\n`;
