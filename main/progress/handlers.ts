import type { ServicesAccess } from '../app/services';
import type { Handlers } from '../ipc/handlers';
import { buildDashboard } from './dashboard';

type ProgressCalls = 'progress.snapshot' | 'progress.dashboard' | 'progress.pendingStreakReminder' | 'progress.dismissStreakReminder';

// There is no call to record a learning event: main records one when a lesson, quiz or Check
// really succeeds (main/lesson/lesson-activity.ts), so a window cannot award itself XP.
export function progressHandlers(services: ServicesAccess, now: () => number = Date.now): Pick<Handlers, ProgressCalls> {
  return {
    'progress.snapshot': () => services().progress.snapshot(),
    'progress.dashboard': () => buildDashboard(services().store, services().progress, now()),
    'progress.pendingStreakReminder': () => services().streakReminders.pending(),
    'progress.dismissStreakReminder': () => {
      services().streakReminders.dismiss();
      return {};
    },
  };
}
