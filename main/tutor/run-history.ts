// The tutor's view of the learner's runs, through the sandbox's run history (the one owner of
// code_executions).
import type { RunHistory } from '../sandbox/run-history';
import { contextRunOf, type TutorRunHistory } from './last-run';

export function tutorRunHistory(history: Pick<RunHistory, 'recent'>): TutorRunHistory {
  return {
    lastRun(courseId, lessonId) {
      const last = history.recent({ courseId, lessonId }, 1)[0];
      return last ? contextRunOf(last) : null;
    },
  };
}
