import type { ServicesAccess } from '../app/services';
import type { Handlers } from '../ipc/handlers';

/** Every call the contract names tutor.*. */
type TutorCall = Extract<keyof Handlers, `tutor.${string}`>;

export function tutorHandlers(services: ServicesAccess): Pick<Handlers, TutorCall> {
  const tutor = () => services().tutor;
  return {
    'tutor.status': () => tutor().config.status(),
    'tutor.configure': (input) => tutor().config.configure(input),
    'tutor.setKey': (input) => tutor().config.setKey(input.key),
    'tutor.clearKey': () => tutor().config.clearKey(),
    'tutor.session': (input) => tutor().sessions.session(input.courseId, input.lessonId),
    'tutor.clearSession': (input) => tutor().sessions.clear(input.courseId, input.lessonId),
    'tutor.ask': (input, ctx) => tutor().asking.ask(input, ctx.sessionId),
    'tutor.stop': (input) => ({ stopped: tutor().asking.stop(input.requestId) }),
    'tutor.models': async () => ({ models: await tutor().models.list() }),
    'tutor.pullModel': async (input, ctx) => {
      await tutor().models.pull(input.model, ctx.sessionId);
      return { model: input.model };
    },
    'tutor.deleteModel': async (input) => {
      await tutor().models.remove(input.model);
      return { model: input.model };
    },
    'tutor.nudge': async (input) => ({ offer: await tutor().initiative.nudge(input.courseId, input.lessonId) }),
    'tutor.rate': (input) => tutor().sessions.rate(input.messageId, input.helpful, input.reason),
  };
}
