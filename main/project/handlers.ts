import type { ServicesAccess } from '../app/services';
import type { Handlers } from '../ipc/handlers';
import type { projectCalls } from '../../preload/contract/project';

export function projectHandlers(services: ServicesAccess): Pick<Handlers, keyof typeof projectCalls> {
  return {
    'project.overview': ({ courseId }) => services().project.overview(courseId),
    'project.choose': (choice) => services().project.choose(choice),
    'project.milestone': ({ projectId, index, done }) => services().project.milestone(projectId, index, done),
    'project.submit': (input, ctx) =>
      services().project.submit(input, ctx.sessionId, (stage, detail) =>
        ctx.events.emit('project.progress', { projectId: input.projectId, stage, detail }, ctx.sessionId),
      ),
    'project.draftReview': ({ submissionId }) => services().project.draftReview(submissionId),
    'project.recordReview': ({ submissionId, reviewerName, scores }) => services().project.recordReview(submissionId, reviewerName, scores),
    'project.sendForReview': ({ submissionId }) => services().projectReview.send(submissionId),
    'project.serverReview': ({ submissionId }) => services().projectReview.status(submissionId),
  };
}
