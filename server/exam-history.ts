// A learner's past Silver exam attempts at a course, with the server's word on when the next one
// opens (the app's exam start screen shows it): the same rule startAttempt enforces, so the screen
// and the server never disagree.
import type { Database } from './db/database';
import { requireCourse } from './course-registry';
import type { ExamAttemptHistory } from '../common/sync-api/exam-api';
import { advance, attemptsOf, bankOf } from './exam-attempts';
import { standing, type AttemptRow } from './exam-view';

const epoch = (value: number | string | null): number | null => (value === null ? null : Number(value));

export async function listAttempts(db: Database, learnerId: string, courseId: string, now: number): Promise<ExamAttemptHistory> {
  const course = await requireCourse(db, courseId);
  const bank = bankOf(course);
  return db.transaction(async (q) => {
    let attempts = await attemptsOf(q, learnerId, courseId);
    const open = standing(attempts, course.digest, bank.retakeCooldownHours, now).open;
    // An attempt whose time ran out while nobody looked is closed first, so its verdict and cooldown show.
    if (open) {
      const advanced = await advance(q, open, bank, now);
      attempts = attempts.map((row): AttemptRow => (row.id === advanced.id ? advanced : row));
    }
    const state = standing(attempts, course.digest, bank.retakeCooldownHours, now);
    return {
      courseId,
      attempts: attempts.map((row) => ({
        attemptId: row.id,
        status: row.status,
        firstAttempt: row.first_attempt,
        overall: row.overall === null ? null : Math.round(Number(row.overall) * 10) / 10,
        startedAt: Number(row.started_at),
        finishedAt: epoch(row.finished_at),
      })),
      activeAttemptId: state.open?.id ?? null,
      passed: state.passed,
      pendingReview: state.pendingReview,
      retakeAt: state.passed || state.pendingReview || state.open ? null : state.retakeAt,
      retakeCooldownHours: bank.retakeCooldownHours,
    };
  });
}
