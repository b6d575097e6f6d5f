// A challenge's clock against par time.
import { Timer } from 'lucide-react';
import { useEffect, useState } from 'react';
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

export function ChallengeTimer({ lesson, elapsed }: { lesson: LessonContent; elapsed: number }) {
  const par = lesson.parTimeMinutes * 60;
  const over = elapsed > par;
  return (
    <div className={`challenge-timer${over ? ' over' : ''}`} role="timer" aria-label={`Time ${clock(elapsed)} of par ${clock(par)}`}>
      <Timer size={14} aria-hidden="true" /> {clock(elapsed)} / par {clock(par)}
    </div>
  );
}
