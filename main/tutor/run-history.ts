// The tutor's view of the learner's runs, read from code_executions (written by the sandbox).
import { and, desc, eq } from 'drizzle-orm';
import type { Store } from '../store/open-store';
import { codeExecutions } from '../store/schema';
import { contextRunOf, type TutorRunHistory } from './last-run';

export function storeRunHistory(store: Store): TutorRunHistory {
  const columns = { kind: codeExecutions.kind, outcome: codeExecutions.outcome, result: codeExecutions.result };
  return {
    lastRun(courseId, lessonId) {
      const row = store.db
        .select(columns)
        .from(codeExecutions)
        .where(and(eq(codeExecutions.courseId, courseId), eq(codeExecutions.lessonId, lessonId)))
        .orderBy(desc(codeExecutions.id))
        .get();
      return row ? contextRunOf(row) : null;
    },
    recentChecks(courseId, lessonId, limit) {
      return store.db
        .select(columns)
        .from(codeExecutions)
        .where(and(eq(codeExecutions.courseId, courseId), eq(codeExecutions.lessonId, lessonId), eq(codeExecutions.kind, 'check')))
        .orderBy(desc(codeExecutions.id))
        .limit(limit)
        .all()
        .map(contextRunOf);
    },
  };
}
