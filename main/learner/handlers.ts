import type { ServicesAccess } from '../app/services';
import type { Handlers } from '../ipc/handlers';

type PracticeCalls = 'practice.due' | 'practice.answer';

export function practiceHandlers(services: ServicesAccess): Pick<Handlers, PracticeCalls> {
  return {
    'practice.due': () => services().practice.due(),
    'practice.answer': (input) => services().practice.answer(input.cardId, input.selected, input.responseMs),
  };
}
