import type { ServicesAccess } from '../app/services';
import type { Handlers } from '../ipc/handlers';
import type { progressCalls } from '../../preload/contract/progress';
import { learningMetrics } from '../learner/metrics-service';
import { buildDashboard } from './dashboard';
import { weeklyDigest } from './weekly-digest';

// There is no call to record a learning event: main records one when a lesson, quiz or Check
// really succeeds (main/lesson/lesson-activity.ts), so a window cannot award itself XP.
export function progressHandlers(services: ServicesAccess, now: () => number = Date.now): Pick<Handlers, keyof typeof progressCalls> {
  const timezone = () => services().profile.get().timezone || Intl.DateTimeFormat().resolvedOptions().timeZone;
  return {
    'progress.snapshot': () => services().progress.snapshot(),
    'progress.dashboard': () => buildDashboard(services().store, services().progress, now()),
    'progress.pendingStreakReminder': () => services().streakReminders.pending(),
    'progress.dismissStreakReminder': () => {
      services().streakReminders.dismiss();
      return {};
    },
    'progress.metrics': () => learningMetrics(services().store, now(), timezone()),
    'progress.weeklyDigest': ({ weekStart }) =>
      weeklyDigest(services().store, { now: now(), timezone: timezone(), hud: services().progress.snapshot(), ...(weekStart ? { weekStart } : {}) }),
    'progress.pendingDigestNotice': () => services().weeklyDigest.pending(),
    'progress.dismissDigestNotice': () => {
      services().weeklyDigest.dismiss();
      return {};
    },
  };
}
