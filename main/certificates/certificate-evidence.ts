// What this app holds as evidence towards a course's certificate tiers: completed lessons, passed
// Checks and the best quiz scores, from lesson progress and the activity log, folded by the same
// rule the server uses on the events it ingested; and the Silver exam as main graded it (never a
// score the window sent), which is what lets this app self-issue Silver offline, or the pass the
// sync server graded, once this app has seen it; and the Gold
// project's review as main judged it by the rubric rule.
import { and, desc, eq, inArray, ne } from 'drizzle-orm';
import { evidenceFromEvents, type Evidence, type ExamEvidence } from '../../common/rules/certificate-criteria';
import type { Store } from '../store/open-store';
import { activityEvents, examAttempts, lessonProgress } from '../store/schema';
import { projectReviewEvidence } from '../project/project-store';
import { serverExamEvidence } from '../exam/server-exam-evidence';

/** The learner's best finished exam for the course: a passed one first, else the highest score; null when none finished. */
export function examEvidence(store: Store, courseId: string): ExamEvidence | null {
  const finished = store.db
    .select({ status: examAttempts.status, overall: examAttempts.overall })
    .from(examAttempts)
    .where(and(eq(examAttempts.courseId, courseId), ne(examAttempts.status, 'in-progress')))
    .orderBy(desc(examAttempts.overall))
    .all();
  const best = finished.find((row) => row.status === 'passed') ?? finished[0];
  return best ? { score: best.overall ?? 0, passed: best.status === 'passed' } : null;
}

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
  // A pass the sync server graded counts like one main graded; the server checks its own record when it issues.
  const local = examEvidence(store, courseId);
  const exam = local?.passed ? local : (serverExamEvidence(store, courseId) ?? local);
  return { ...evidence, completedLessons, exam, review: projectReviewEvidence(store, courseId) };
}
