import type { ServicesAccess } from '../app/services';
import type { Handlers } from '../ipc/handlers';
import type { examCalls } from '../../preload/contract/exam';
import { DronaError } from '../../preload/contract/errors';

// An attempt the sync server runs has the server's uuid; this app's own attempts are numbered.
export function examHandlers(services: ServicesAccess): Pick<Handlers, keyof typeof examCalls> {
  const local = () => services().exam;
  const server = () => services().serverExam;
  return {
    'exam.overview': ({ courseId }) => server().overview(local().overview(courseId), courseId),
    'exam.active': () => local().active() ?? server().active(),
    'exam.start': async ({ courseId }) => (await server().start(courseId)) ?? local().start(courseId),
    'exam.current': ({ attemptId }) => (typeof attemptId === 'string' ? server().current(attemptId) : local().current(attemptId)),
    'exam.answer': ({ attemptId, itemId, answer }) =>
      typeof attemptId === 'string' ? server().answer(attemptId, itemId, answer) : local().answer(attemptId, itemId, answer),
    'exam.next': ({ attemptId }) => (typeof attemptId === 'string' ? server().next(attemptId) : local().next(attemptId)),
    'exam.check': ({ attemptId, itemId, runId, files }, ctx) => {
      if (typeof attemptId === 'string')
        throw new DronaError('invalid_input', 'In an exam your sync server grades, a person runs your challenges; your files go with the section.');
      return local().check(attemptId, itemId, runId, files, ctx.sessionId);
    },
    'exam.interview': ({ attemptId, text }) => {
      if (typeof attemptId === 'string') throw new DronaError('invalid_input', 'Your sync server keeps your written design answer for a person to review.');
      return local().interview(attemptId, text);
    },
    'exam.submitSection': ({ attemptId }) => (typeof attemptId === 'string' ? server().submitSection(attemptId) : local().submitSection(attemptId)),
  };
}
