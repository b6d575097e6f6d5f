// A challenge's clock against par time and its limit (par + the authored allowance).
import { Timer } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { challengeLimitSeconds } from '../../../../common/rules/lesson-steps';
import type { LessonContent } from '../../../../preload/contract/courses';

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
