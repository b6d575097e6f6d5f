import type { ServicesAccess } from '../app/services';
import type { Handlers } from '../ipc/handlers';
import type { pathCalls } from '../../preload/contract/path';

export function pathHandlers(services: ServicesAccess): Pick<Handlers, keyof typeof pathCalls> {
  return {
    'path.preferences': () => services().path.preferences(),
    'path.updatePreferences': (input) => services().path.updatePreferences(input),
    'path.course': (input) => services().path.course(input.courseId),
    'path.nextUp': (input) => services().path.nextUp(input.courseId),
    'path.startPlacement': (input) => services().placement.start(input.courseId),
    'path.answerPlacement': (input) => services().placement.answer(input.placementId, input.selected, input.responseMs),
    'path.finishPlacement': (input) => services().placement.finish(input.placementId),
  };
}
