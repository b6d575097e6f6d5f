import { Flame } from 'lucide-react';
import { useAppStore } from '../../app/app-store';
import { openRecommended } from '../progress/dashboard-store';
import { useStreakReminderStore } from './streak-reminder-store';

/** "Your 6-day streak ends in 3 h 12 min…": polite (a status, never steals focus), dismissible, below the HUD. */
export function StreakReminderBanner({ animate }: { animate: boolean }) {
  const reminder = useStreakReminderStore((state) => state.reminder);
  const answer = useStreakReminderStore((state) => state.answer);
  if (!reminder) return null;
  const continueLearning = () => {
    if (reminder.lesson) openRecommended(reminder.lesson.courseId, reminder.lesson.lessonId);
    else void useAppStore.getState().updateLayout({ activity: 'learn' });
    void answer();
  };
  return (
    <div className={`streak-reminder${animate ? ' animate' : ''}`} role="status" aria-label="Streak reminder">
      <Flame size={18} aria-hidden="true" className="streak-reminder-flame" />
      <p className="streak-reminder-message">{reminder.message}</p>
      <div className="streak-reminder-actions">
        <button
          className="button primary"
          onClick={continueLearning}
          title={reminder.lesson ? `Open ${reminder.lesson.title} (${reminder.lesson.courseTitle})` : 'Open the course catalog'}
        >
          Continue learning
        </button>
        <button className="button" onClick={() => void answer()}>
          Not today
        </button>
      </div>
    </div>
  );
}
