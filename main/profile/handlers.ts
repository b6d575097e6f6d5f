import type { Handlers } from '../ipc/handlers';
import type { ServicesAccess } from '../app/services';

type ProfileCalls = 'profile.get' | 'profile.completeFirstRun' | 'profile.update';

export function profileHandlers(services: ServicesAccess): Pick<Handlers, ProfileCalls> {
  return {
    'profile.get': () => services().profile.get(),
    'profile.completeFirstRun': (input) => services().profile.completeFirstRun(input),
    'profile.update': (input) => services().profile.update(input),
  };
}
