import type { ServicesAccess } from '../app/services';
import type { Handlers } from '../ipc/handlers';
import type { examCalls } from '../../preload/contract/exam';

export function examHandlers(services: ServicesAccess): Pick<Handlers, keyof typeof examCalls> {
  return {
    'exam.overview': ({ courseId }) => services().exam.overview(courseId),
    'exam.active': () => services().exam.active(),
    'exam.start': ({ courseId }) => services().exam.start(courseId),
    'exam.current': ({ attemptId }) => services().exam.current(attemptId),
    'exam.answer': ({ attemptId, itemId, answer }) => services().exam.answer(attemptId, itemId, answer),
    'exam.next': ({ attemptId }) => services().exam.next(attemptId),
    'exam.check': ({ attemptId, itemId, runId, files }, ctx) => services().exam.check(attemptId, itemId, runId, files, ctx.sessionId),
    'exam.interview': ({ attemptId, text }) => services().exam.interview(attemptId, text),
    'exam.submitSection': ({ attemptId }) => services().exam.submitSection(attemptId),
  };
}
