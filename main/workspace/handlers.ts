import type { Handlers } from '../ipc/handlers';
import type { ServicesAccess } from '../app/services';

type WorkspaceCalls =
  | 'workspace.open'
  | 'workspace.close'
  | 'workspace.write'
  | 'workspace.history'
  | 'workspace.snapshot'
  | 'workspace.restore'
  | 'workspace.reset'
  | 'workspace.createFile'
  | 'workspace.rename'
  | 'workspace.delete'
  | 'workspace.trash'
  | 'workspace.restoreTrash';

export function workspaceHandlers(services: ServicesAccess): Pick<Handlers, WorkspaceCalls> {
  const workspace = () => services().workspace;
  return {
    'workspace.open': async ({ courseId, lessonId }, ctx) => {
      // The learner will Run or Check this exercise next: its runtime warms from now.
      const language = services().courses.getExercise(courseId, lessonId)?.language;
      if (language) services().sandbox.warm(language);
      const opened = await workspace().open(courseId, lessonId);
      await workspace().view(ctx.sessionId, courseId, lessonId);
      return opened;
    },
    'workspace.close': async ({ courseId, lessonId }, ctx) => {
      await workspace().leave(ctx.sessionId, courseId, lessonId);
      return {};
    },
    'workspace.write': ({ courseId, lessonId, path, content, snapshot, reason }) => workspace().write(courseId, lessonId, path, content, snapshot, reason),
    'workspace.history': ({ courseId, lessonId, path }) => workspace().history(courseId, lessonId, path),
    'workspace.snapshot': ({ courseId, lessonId, id, current }) => workspace().snapshot(courseId, lessonId, id, current),
    'workspace.restore': ({ courseId, lessonId, id }) => workspace().restore(courseId, lessonId, id),
    'workspace.reset': ({ courseId, lessonId }) => workspace().reset(courseId, lessonId),
    'workspace.createFile': ({ courseId, lessonId, path }) => workspace().createFile(courseId, lessonId, path),
    'workspace.rename': ({ courseId, lessonId, from, to }) => workspace().rename(courseId, lessonId, from, to),
    'workspace.delete': ({ courseId, lessonId, path }) => workspace().delete(courseId, lessonId, path),
    'workspace.trash': ({ courseId, lessonId }) => workspace().trash(courseId, lessonId),
    'workspace.restoreTrash': ({ courseId, lessonId, id }) => workspace().restoreTrash(courseId, lessonId, id),
  };
}
