// sandbox.* calls: each forwards to the sandbox's services (runs, status, consents).
import type { sandboxCalls } from '../../preload/contract/sandbox';
import type { ServicesAccess } from '../app/services';
import type { Handlers } from '../ipc/handlers';

export function sandboxHandlers(services: ServicesAccess): Pick<Handlers, keyof typeof sandboxCalls> {
  return {
    'sandbox.run': (input, ctx) => services().runs.run(input, ctx.sessionId),
    'sandbox.check': (input, ctx) => services().runs.check(input, ctx.sessionId),
    'sandbox.lastCheck': ({ courseId, lessonId }) => services().runHistory.lastCheck(courseId, lessonId),
    'sandbox.stop': ({ runId }) => services().runs.stop(runId),
    'sandbox.input': ({ runId, text, end }) => services().runs.input(runId, text, end ?? false),
    'sandbox.status': () => services().sandbox.refreshedStatus(),
    'sandbox.buildImage': ({ language }) => services().runs.startImageBuild(language),
    'sandbox.allowCourse': ({ courseId }) => services().processConsents.grant(courseId),
    'sandbox.disallowCourse': ({ courseId }) => services().processConsents.revoke(courseId),
    'sandbox.allowedCourses': () => services().processConsents.list(),
  };
}
