// A course's Silver exam as the Certificates view offers it: its sections and times, the pass
// mark, past attempts, the retake cooldown, and the button into exam mode.
import { useEffect, useState } from 'react';
import { messageOf } from '../../../../preload/contract';
import { useCall } from '../../platform/use-call';
import { startExam } from './exam-store';

/** `onServerPass`: main learns of the sync server's pass only when asked for this overview, after the view's tiers were read; it reloads them. */
export function ExamEntry({ courseId, title, onServerPass }: { courseId: string; title: string; onServerPass: () => void }) {
  const { data: overview } = useCall('exam.overview', { courseId });
  const [error, setError] = useState<string | null>(null);
  const serverPass = overview?.passed === true && overview.gradedBy === 'server';
  useEffect(() => {
    if (serverPass) onServerPass();
  }, [serverPass, onServerPass]);
  if (!overview?.available) return null;
  const minutes = overview.sections.reduce((sum, section) => sum + section.minutes, 0);
  const headingId = `exam-entry-${courseId}`;
  return (
    <section className="exam-entry" aria-labelledby={headingId}>
      <h4 id={headingId}>{overview.title}</h4>
      <p className="muted">
        {overview.sections.map((section) => `${section.title} (${section.minutes} min)`).join(', ')}: {minutes} minutes in all, timed per section. Pass mark{' '}
        {overview.passPercent}%. The exam fills the window; the tutor and Try it are off until you finish.{' '}
        {overview.gradedBy === 'server'
          ? 'You are signed in, so your sync server sets and grades the exam.'
          : 'This computer sets and grades the exam; sign in to a sync server for a server-graded one.'}
      </p>
      {overview.attempts.length > 0 && (
        <ul className="exam-attempts" aria-label={`Past attempts at the ${title} exam`}>
          {overview.attempts.map((attempt) => (
            <li key={attempt.attemptId}>
              {new Date(attempt.startedAt).toLocaleString()}: {attempt.status}
              {attempt.overall !== null ? ` (${attempt.overall}%)` : ''}
            </li>
          ))}
        </ul>
      )}
      {overview.passed ? (
        <p>You passed this exam.</p>
      ) : overview.retakeAt !== null ? (
        <p className="exam-retake">
          Next attempt opens on {new Date(overview.retakeAt).toLocaleString(undefined, { dateStyle: 'full', timeStyle: 'short' })}
          {overview.gradedBy === 'server' ? ' (your sync server sets the cooldown).' : '.'}
        </p>
      ) : (
        <button type="button" className="button primary" onClick={() => startExam(courseId).catch((caught: unknown) => setError(messageOf(caught)))}>
          {overview.activeAttemptId !== null ? 'Resume the Silver exam' : 'Start the Silver exam'}
        </button>
      )}
      {error && <p role="alert">{error}</p>}
    </section>
  );
}
