// "Assigned" in Learn: the courses the learner's cohorts assigned, with due dates, progress, and a
// notice when a deadline nears (main's reminder rule decides when). Nothing when none is assigned.
import { AlarmClock } from 'lucide-react';
import { useCall } from '../../platform/use-call';
import { useLearnStore } from './learn-store';
import './assigned.css';

const dueText = (dueAt: number | null) =>
  dueAt === null ? 'No due date' : `Due ${new Date(dueAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}`;

export function Assigned() {
  const revision = useLearnStore((state) => state.revision);
  const { data } = useCall('cohorts.assigned', {}, [revision]);
  if (!data || data.assignments.length === 0) return null;
  const reminders = data.assignments.filter((a) => a.reminder);
  return (
    <section className="assigned" aria-labelledby="assigned-title">
      <h2 id="assigned-title" className="learn-module-title">
        Assigned
      </h2>
      {reminders.length > 0 && (
        <div role="status" aria-label="Deadline reminders" className="assigned-reminders">
          {reminders.map((a) => (
            <p key={`${a.cohortId}:${a.courseId}`} className="assigned-reminder" data-level={a.reminder!.level}>
              <AlarmClock size={14} aria-hidden="true" /> {a.reminder!.text}
            </p>
          ))}
        </div>
      )}
      <ul className="assigned-list">
        {data.assignments.map((a) => (
          <li key={`${a.cohortId}:${a.courseId}`}>
            <span>
              {a.courseTitle ? (
                <button type="button" className="button" onClick={() => useLearnStore.getState().openCourse(a.courseId)}>
                  {a.courseTitle}
                </button>
              ) : (
                <strong>{a.courseId}</strong>
              )}
              <span className="muted"> · {a.cohortName}</span>
            </span>
            <span className="muted">
              {dueText(a.dueAt)} · {a.courseTitle ? `${a.lessonsDone} of ${a.lessonsTotal} lessons` : 'not installed on this computer'}
            </span>
          </li>
        ))}
      </ul>
      {data.offline && <p className="muted">Offline: this is the list as last seen.</p>}
    </section>
  );
}
