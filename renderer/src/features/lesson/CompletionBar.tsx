// The moment a lesson is finished: what it earned and why, and one primary way on (Continue,
// Enter or Ctrl+Enter), at the foot of the lesson where nothing covers it. What it shows follows
// the learner's gamification mode; it moves only when motion is welcome.
import { ArrowRight, CheckCircle2 } from 'lucide-react';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { AwardedEvent } from '../../../../preload/contract/progress';
import { useAppStore } from '../../app/app-store';
import { client } from '../../platform/client';
import { hudFeatures } from '../hud/Hud';
import { useProgressStore } from '../hud/progress-store';
import { useReducedMotion } from '../hud/use-reduced-motion';
import { completionKinds, completionSummary, hintsPart, streakChange } from './completion';

export interface LessonAwards {
  /** The completion awards that arrived while this lesson was open. */
  readonly awards: readonly AwardedEvent[];
  /** The streak as the lesson opened (null: not known yet), so the completion can name its change. */
  readonly streakBefore: number | null;
}

export function useLessonAwards(): LessonAwards {
  const [awards, setAwards] = useState<AwardedEvent[]>([]);
  const [streakBefore] = useState(() => useProgressStore.getState().snapshot?.streak.current ?? null);
  useEffect(() => client().on('progress.awarded', (event) => completionKinds.has(event.kind) && setAwards((list) => [...list, event])), []);
  return { awards, streakBefore };
}

export interface CompletionBarProps extends LessonAwards {
  readonly lessonType: string;
  /** Hints revealed in this lesson: the breakdown says what they cost. */
  readonly hintsUsed: number;
  /** A challenge's authored cost per hint after the first, when it sets one. */
  readonly hintXpCost?: number | undefined;
  readonly next: { readonly title: string } | null;
  /** Continue takes the focus, unless the lesson shows its own result first (a quiz's score and explanations). */
  readonly takeFocus: boolean;
  onContinue(): void;
}

export function CompletionBar({ awards, streakBefore, lessonType, hintsUsed, hintXpCost, next, takeFocus, onContinue }: CompletionBarProps) {
  const mode = useAppStore((state) => state.profile?.gamificationMode ?? 'full');
  const features = hudFeatures(mode, useReducedMotion());
  const summary = completionSummary(awards);
  const hints = hintsPart(lessonType, hintsUsed, hintXpCost);
  const streak = streakChange(
    streakBefore,
    useProgressStore((state) => state.snapshot?.streak.current ?? null),
  );
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (takeFocus) button.current?.focus();
  }, [takeFocus]);
  const onKeyDown = (event: KeyboardEvent) => {
    // Ctrl+Enter is Run elsewhere; here, with the lesson done, it is the way on.
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      event.stopPropagation();
      onContinue();
    }
  };
  return (
    <section className={`completion-bar${features.animate ? ' animate' : ''}`} aria-label="Lesson complete">
      <CheckCircle2 className="completion-icon" size={22} aria-hidden="true" />
      <div className="completion-text">
        <h2 className="completion-title">Lesson complete{features.xp && summary.xp > 0 ? <span className="completion-xp"> +{summary.xp} XP</span> : null}</h2>
        {features.xp && summary.parts.length > 0 && <p className="completion-parts">{summary.parts.join(' · ')}</p>}
        {features.xp && hints && <p className="completion-parts">{hints}</p>}
        {features.visible && streak && <p className="completion-level">{streak}</p>}
        {features.visible && summary.levelReached !== null && <p className="completion-level">Level up: you reached level {summary.levelReached}.</p>}
        {features.visible && summary.achievements.length > 0 && <p className="completion-level">Achievement unlocked: {summary.achievements.join(', ')}.</p>}
      </div>
      {next ? (
        <button ref={button} className="button primary completion-continue" onClick={onContinue} onKeyDown={onKeyDown} aria-keyshortcuts="Enter Control+Enter">
          Continue: {next.title} <ArrowRight size={16} aria-hidden="true" />
        </button>
      ) : (
        <p className="completion-level">That was the course’s last lesson.</p>
      )}
    </section>
  );
}
