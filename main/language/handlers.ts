import type { ServicesAccess } from '../app/services';
import type { Handlers } from '../ipc/handlers';

export function languageHandlers(services: ServicesAccess): Pick<Handlers, 'language.diagnosePython' | 'language.formatPython'> {
  return {
    'language.diagnosePython': ({ text }) => ({ diagnostics: services().language.diagnose(text) }),
    'language.formatPython': ({ text }) => services().language.format(text),
  };
}
