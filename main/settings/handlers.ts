import type { Handlers } from '../ipc/handlers';
import type { ServicesAccess } from '../app/services';

export function settingsHandlers(services: ServicesAccess): Pick<Handlers, 'settings.get' | 'settings.update'> {
  return {
    'settings.get': () => services().settings.get(),
    'settings.update': (input) => services().settings.update(input),
  };
}
