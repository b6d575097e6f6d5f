import type { Handlers } from '../ipc/handlers';
import type { ServicesAccess } from '../app/services';

export function settingsHandlers(services: ServicesAccess): Pick<Handlers, 'settings.get' | 'settings.update'> {
  return {
    'settings.get': () => services().settings.get(),
    'settings.update': (input) => {
      const updated = services().settings.update(input);
      // Turned on, or moved to a time already past tonight: remind now rather than at the next minute's check.
      if (input.streakReminder) services().streakReminders.check();
      return updated;
    },
  };
}
