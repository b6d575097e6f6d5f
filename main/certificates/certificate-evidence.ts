// What this app holds as evidence towards a course's certificate tiers: completed lessons, passed
// Checks and the best quiz scores, from lesson progress and the activity log, folded by the same
// rule the server uses on the events it ingested.
import { and, eq, inArray } from 'drizzle-orm';
import { evidenceFromEvents, type Evidence } from '../../common/rules/certificate-criteria';
import type { Store } from '../store/open-store';
import { activityEvents, lessonProgress } from '../store/schema';

export function certificateEvidence(store: Store, courseId: string): Evidence {
  const events = store.db
    .select({ kind: activityEvents.kind, lessonId: activityEvents.lessonId, detail: activityEvents.detail })
    .from(activityEvents)
    .where(and(eq(activityEvents.courseId, courseId), inArray(activityEvents.kind, ['check-passed', 'challenge-completed', 'quiz-passed', 'lesson-completed'])))
    .all()
    .map((row) => ({ kind: row.kind, lessonId: row.lessonId, score: (row.detail as { score?: unknown } | null)?.score }));
  const evidence = evidenceFromEvents(events);
  const completedLessons = new Set(evidence.completedLessons);
  for (const row of store.db
    .select({ lessonId: lessonProgress.lessonId })
    .from(lessonProgress)
    .where(and(eq(lessonProgress.courseId, courseId), eq(lessonProgress.status, 'completed')))
    .all())
    completedLessons.add(row.lessonId);
  return { ...evidence, completedLessons };
}
