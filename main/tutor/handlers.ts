import type { ServicesAccess } from '../app/services';
import type { Handlers } from '../ipc/handlers';

type TutorCall =
  | 'tutor.status'
  | 'tutor.configure'
  | 'tutor.setKey'
  | 'tutor.clearKey'
  | 'tutor.session'
  | 'tutor.clearSession'
  | 'tutor.ask'
  | 'tutor.stop'
  | 'tutor.models'
  | 'tutor.pullModel'
  | 'tutor.deleteModel'
  | 'tutor.nudge';

export function tutorHandlers(services: ServicesAccess): Pick<Handlers, TutorCall> {
  return {
    'tutor.status': () => services().tutor.status(),
    'tutor.configure': (input) => services().tutor.configure(input),
    'tutor.setKey': (input) => services().tutor.setKey(input.key),
    'tutor.clearKey': () => services().tutor.clearKey(),
    'tutor.session': (input) => services().tutor.session(input.courseId, input.lessonId),
    'tutor.clearSession': (input) => services().tutor.clearSession(input.courseId, input.lessonId),
    'tutor.ask': (input, ctx) => services().tutor.ask(input, ctx.sessionId),
    'tutor.stop': (input) => ({ stopped: services().tutor.stop(input.requestId) }),
    'tutor.models': async () => ({ models: await services().tutor.models() }),
    'tutor.pullModel': async (input, ctx) => {
      await services().tutor.pull(input.model, ctx.sessionId);
      return { model: input.model };
    },
    'tutor.deleteModel': async (input) => {
      await services().tutor.deleteModel(input.model);
      return { model: input.model };
    },
    'tutor.nudge': (input) => services().tutor.nudge(input.courseId, input.lessonId, input.idleSeconds),
  };
}
