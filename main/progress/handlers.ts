import type { ServicesAccess } from '../app/services';
import type { Handlers } from '../ipc/handlers';
import { buildDashboard } from './dashboard';

type ProgressCalls = 'progress.snapshot' | 'progress.dashboard' | 'progress.record' | 'progress.pendingStreakReminder' | 'progress.dismissStreakReminder';

export function progressHandlers(services: ServicesAccess, now: () => number = Date.now): Pick<Handlers, ProgressCalls> {
  return {
    'progress.snapshot': () => services().progress.snapshot(),
    'progress.dashboard': () => buildDashboard(services().store, services().progress, now()),
    'progress.record': (event) => services().progress.record(event),
    'progress.pendingStreakReminder': () => services().streakReminders.pending(),
    'progress.dismissStreakReminder': () => {
      services().streakReminders.dismiss();
      return {};
    },
  };
}
