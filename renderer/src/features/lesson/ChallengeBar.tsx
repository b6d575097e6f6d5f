// A challenge's clock against par time, and hints revealed one at a time (each reveal recorded).
import { Lightbulb, Timer } from 'lucide-react';
import { useEffect, useState } from 'react';
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

export function ChallengeTimer({ lesson, elapsed }: { lesson: LessonContent; elapsed: number }) {
  const par = lesson.parTimeMinutes * 60;
  const over = elapsed > par;
  return (
    <div className={`challenge-timer${over ? ' over' : ''}`} role="timer" aria-label={`Time ${clock(elapsed)} of par ${clock(par)}`}>
      <Timer size={14} aria-hidden="true" /> {clock(elapsed)} / par {clock(par)}
    </div>
  );
}
