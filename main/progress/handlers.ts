import type { ServicesAccess } from '../app/services';
import type { Handlers } from '../ipc/handlers';
import type { progressCalls } from '../../preload/contract/progress';
import { buildDashboard } from './dashboard';

// There is no call to record a learning event: main records one when a lesson, quiz or Check
// really succeeds (main/lesson/lesson-activity.ts), so a window cannot award itself XP.
export function progressHandlers(services: ServicesAccess, now: () => number = Date.now): Pick<Handlers, keyof typeof progressCalls> {
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
