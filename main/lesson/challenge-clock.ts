// A challenge's clock, kept in main so a reload or a restart carries on where it was: the start
// is written once, when the learner first opens the challenge (a settings row, main's alone),
// and the limit is par plus the author's allowance (the step engine's rule).
import { challengeClock, challengeLimitSeconds } from '../../common/rules/lesson-steps';
import type { Store } from '../store/open-store';
import { settings } from '../store/schema';
import { mainSetting } from './reflection-question';

const clockKey = (courseId: string, lessonId: string) => `challenge-clock:${courseId}/${lessonId}`;

export interface ChallengeFacts {
  readonly type: string;
  readonly parTimeMinutes?: number;
  readonly challenge?: { readonly allowanceMinutes: number } | null;
}

function startedAt(store: Store, courseId: string, lessonId: string): number | null {
  const value = mainSetting(store, clockKey(courseId, lessonId));
  return typeof value === 'number' ? value : null;
}

/** Starts the clock the first time a timed challenge opens; later opens keep the first start. */
export function startChallengeClock(store: Store, courseId: string, lessonId: string, lesson: ChallengeFacts, now: number): void {
  if (lesson.type !== 'challenge' || !lesson.challenge) return;
  store.db
    .insert(settings)
    .values({ key: clockKey(courseId, lessonId), value: now, updatedAt: now })
    .onConflictDoNothing()
    .run();
}

/** The clock as main sees it now, or null for a lesson without a limit (or not opened yet). */
export function challengeStanding(
  store: Store,
  courseId: string,
  lessonId: string,
  lesson: ChallengeFacts | null,
  now: number,
): { limitSeconds: number; elapsedSeconds: number; expired: boolean } | null {
  if (lesson?.type !== 'challenge' || !lesson.challenge) return null;
  const start = startedAt(store, courseId, lessonId);
  if (start === null) return null;
  const limitSeconds = challengeLimitSeconds(lesson.parTimeMinutes ?? 0, lesson.challenge.allowanceMinutes);
  const clock = challengeClock(start, now, limitSeconds);
  return { limitSeconds, elapsedSeconds: clock.elapsed, expired: clock.expired };
}
