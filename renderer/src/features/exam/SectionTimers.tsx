// The sections with the time left in each, counted down between main's answers; main's clock is
// the one that counts, so the window asks it again every few seconds and when the time is up.
import { useEffect, useState } from 'react';
import type { ExamView } from '../../../../preload/contract/exam';
import { useExamMode } from './exam-store';

const REFRESH_MS = 15_000;

export const clockText = (ms: number) => {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
};

export function SectionTimers({ view }: { view: ExamView }) {
  const receivedAt = useExamMode((state) => state.receivedAt);
  // How long ago the view came, measured for the view it was measured for (a new view starts at 0).
  const [elapsed, setElapsed] = useState({ since: 0, ms: 0 });
  const refresh = useExamMode((state) => state.refresh);
  const running = view.status === 'in-progress';
  useEffect(() => {
    if (!running) return;
    const tick = setInterval(() => {
      const since = useExamMode.getState().receivedAt;
      setElapsed({ since, ms: Date.now() - since });
    }, 1000);
    const ask = setInterval(() => void refresh(), REFRESH_MS);
    return () => {
      clearInterval(tick);
      clearInterval(ask);
    };
  }, [running, refresh]);
  const current = view.sections[view.sectionIndex];
  const left = current ? current.remainingMs - (elapsed.since === receivedAt ? elapsed.ms : 0) : 0;
  const expired = running && current !== undefined && left <= 0;
  useEffect(() => {
    // Main submits a section whose time ran out when it is next asked.
    if (expired) void refresh();
  }, [expired, refresh]);

  return (
    <ol className="exam-timers" aria-label="Sections and time left">
      {view.sections.map((section, index) => {
        const state = section.submitted ? 'submitted' : index === view.sectionIndex ? 'current' : 'waiting';
        return (
          <li key={section.kind} className={`exam-timer ${state}`} aria-current={state === 'current' ? 'step' : undefined}>
            <span className="exam-timer-title">{section.title}</span>{' '}
            {state === 'current' ? (
              <span role="timer" aria-label={`Time left in ${section.title}`} className={left < 60_000 ? 'exam-time low' : 'exam-time'}>
                {clockText(left)}
              </span>
            ) : state === 'submitted' ? (
              <span className="muted">{section.timedOut ? 'time ran out' : 'submitted'}</span>
            ) : (
              <span className="muted">{section.minutes} min</span>
            )}
          </li>
        );
      })}
    </ol>
  );
}
