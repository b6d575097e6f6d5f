import type { Handlers } from '../ipc/handlers';
import type { ServicesAccess } from '../app/services';

export function updateHandlers(services: ServicesAccess): Pick<Handlers, 'update.status' | 'update.check' | 'update.restart'> {
  return {
    'update.status': () => services().update.status(),
    'update.check': () => services().update.check(),
    'update.restart': ({ unsavedWork }) => services().update.restart(unsavedWork),
  };
}
