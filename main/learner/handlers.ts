// learner.* calls: the learner model as the window reads it.
import type { learnerCalls } from '../../preload/contract/learner';
import type { ServicesAccess } from '../app/services';
import type { Handlers } from '../ipc/handlers';
import { readSkillMap } from './skill-map';

export function learnerHandlers(services: ServicesAccess): Pick<Handlers, keyof typeof learnerCalls> {
  return {
    'learner.skillMap': () => readSkillMap(services().store, services().practice.endOfToday()),
  };
}
