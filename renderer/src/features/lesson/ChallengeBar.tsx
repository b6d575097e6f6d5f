// A challenge's clock against par time and its limit (par + the authored allowance), and hints revealed one at a time (each reveal recorded).
import { Lightbulb, Timer } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { challengeLimitSeconds } from '../../../../common/rules/lesson-steps';
import type { LessonStanding } from '../../../../preload/contract/lesson';
import { useAppStore } from '../../app/app-store';
import { client } from '../../platform/client';
import { CodeSpanText } from './CodeSpanText';
import type { LessonContent } from '../../../../preload/contract/courses';
import { messageOf } from '../../../../preload/contract';

const clock = (seconds: number) => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;

export function useElapsedSeconds(startedAt: number, running: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [running]);
  return Math.max(0, Math.floor((now - startedAt) / 1000));
}

export function Hints({ lesson, standing, onStanding }: { lesson: LessonContent; standing: LessonStanding; onStanding(standing: LessonStanding): void }) {
  const total = standing.exercise?.hintCount ?? 0;
  const shown = standing.revealedHints;
  if (total === 0) return null;
  const reveal = async () => {
    try {
      onStanding(await client().call('lesson.revealHint', { courseId: lesson.courseId, lessonId: lesson.lessonId }));
    } catch (error) {
      useAppStore.getState().appendOutput({ level: 'error', source: 'hints', message: messageOf(error) });
    }
  };
  return (
    <section className="hints" aria-label="Hints">
      <ol className="hint-list">
        {shown.map((hint, index) => (
          <li key={index}>
            <CodeSpanText text={hint} />
          </li>
        ))}
      </ol>
      {shown.length < total && (
        <button className="button" onClick={() => void reveal()}>
          <Lightbulb size={14} aria-hidden="true" /> {shown.length === 0 ? 'Show a hint' : 'Show the next hint'} ({shown.length}/{total})
        </button>
      )}
    </section>
  );
}

/** The clock against par; with an authored allowance, the limit too: reaching it submits the attempt (onLimit, once). */
export function ChallengeTimer({ lesson, elapsed, onLimit }: { lesson: LessonContent; elapsed: number; onLimit(): void }) {
  const par = lesson.parTimeMinutes * 60;
  const limit = lesson.challenge ? challengeLimitSeconds(lesson.parTimeMinutes, lesson.challenge.allowanceMinutes) : null;
  const expired = limit !== null && elapsed >= limit;
  const submitted = useRef(false);
  useEffect(() => {
    if (!expired || submitted.current) return;
    submitted.current = true;
    onLimit();
  }, [expired, onLimit]);
  const over = elapsed > par;
  return (
    <div
      className={`challenge-timer${over ? ' over' : ''}`}
      role="timer"
      aria-label={`Time ${clock(elapsed)} of par ${clock(par)}${limit === null ? '' : `, limit ${clock(limit)}`}`}
    >
      <Timer size={14} aria-hidden="true" /> {clock(elapsed)} / par {clock(par)}
      {limit !== null && (expired ? <span role="status"> · time's up: your attempt was submitted</span> : <span> · limit {clock(limit)}</span>)}
    </div>
  );
}
