import type { Handlers } from '../ipc/handlers';
import type { PythonLanguageService } from './python-language-service';

// Needs no store, so the composition root builds it beside the services, not from them.
export function languageHandlers(python: PythonLanguageService): Pick<Handlers, 'language.diagnosePython' | 'language.formatPython'> {
  return {
    'language.diagnosePython': ({ text }) => ({ diagnostics: python.diagnose(text) }),
    'language.formatPython': ({ text }) => python.format(text),
  };
}
