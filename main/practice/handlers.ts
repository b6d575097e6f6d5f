import type { ServicesAccess } from '../app/services';
import type { Handlers } from '../ipc/handlers';
import type { practiceCalls } from '../../preload/contract/practice';

export function practiceHandlers(services: ServicesAccess): Pick<Handlers, keyof typeof practiceCalls> {
  return {
    'practice.due': () => services().practice.due(),
    'practice.answer': (input) => services().practice.answer(input.cardId, input.selected, input.responseMs),
  };
}
