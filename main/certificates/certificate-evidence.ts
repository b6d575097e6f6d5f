// What this app holds as evidence towards a course's certificate tiers: completed lessons, passed
// Checks and the best quiz scores, from lesson progress and the activity log.
import { and, eq, inArray } from 'drizzle-orm';
import type { Evidence } from '../../common/rules/certificate-criteria';
import type { Store } from '../store/open-store';
import { activityEvents, lessonProgress } from '../store/schema';

export function certificateEvidence(store: Store, courseId: string): Evidence {
  const completedLessons = new Set(
    store.db
      .select({ lessonId: lessonProgress.lessonId })
      .from(lessonProgress)
      .where(and(eq(lessonProgress.courseId, courseId), eq(lessonProgress.status, 'completed')))
      .all()
      .map((r) => r.lessonId),
  );
  const passedChecks = new Set<string>();
  const quizScores = new Map<string, number>();
  const rows = store.db
    .select({ kind: activityEvents.kind, lessonId: activityEvents.lessonId, detail: activityEvents.detail })
    .from(activityEvents)
    .where(and(eq(activityEvents.courseId, courseId), inArray(activityEvents.kind, ['check-passed', 'challenge-completed', 'quiz-passed', 'lesson-completed'])))
    .all();
  for (const row of rows) {
    if (!row.lessonId) continue;
    if (row.kind === 'lesson-completed') completedLessons.add(row.lessonId);
    else if (row.kind === 'quiz-passed') {
      const score = Number((row.detail as { score?: unknown } | null)?.score ?? 0);
      quizScores.set(row.lessonId, Math.max(quizScores.get(row.lessonId) ?? 0, score));
    } else passedChecks.add(row.lessonId);
  }
  return { completedLessons, passedChecks, quizScores };
}
