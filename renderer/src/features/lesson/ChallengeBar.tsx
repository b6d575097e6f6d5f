// A challenge's clock against par time and its limit (par + the authored allowance).
import { Timer } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { challengeLimitSeconds } from '../../../../common/rules/lesson-steps';
import type { LessonContent } from '../../../../preload/contract/courses';

const clock = (seconds: number) => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;

/** Seconds on the clock: main's figure when it last said (`fromSeconds`), ticking on from then while running. */
export function useElapsedSeconds(fromSeconds: number, running: boolean): number {
  const [elapsed, setElapsed] = useState(fromSeconds);
  useEffect(() => {
    const at = Date.now();
    const tick = () => setElapsed(fromSeconds + Math.floor((Date.now() - at) / 1000));
    const first = setTimeout(tick, 0);
    const timer = running ? setInterval(tick, 1000) : undefined;
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [fromSeconds, running]);
  return elapsed;
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
