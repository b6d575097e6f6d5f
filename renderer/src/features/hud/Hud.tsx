import { Dumbbell, Flame, Snowflake, Star } from 'lucide-react';
import { useEffect, useRef } from 'react';
import { useAppStore } from '../../app/app-store';
import { usePracticeDueCount } from '../practice/PracticeView';
import { usePracticeStore } from '../practice/practice-store';
import { quietedByOpenLesson, useProgressStore, type Toast } from './progress-store';
import { playChime } from './chime';
import { StreakReminderBanner } from './StreakReminderBanner';
import { useStreakReminderStore } from './streak-reminder-store';
import { useReducedMotion } from './use-reduced-motion';
import { useLearnStore } from '../learn/learn-store';
import { useViewFocus } from '../shell/view-focus';
import './hud.css';

/** What each gamification mode shows (issue #7). "off" shows nothing; progress is still tracked. */
export function hudFeatures(mode: 'full' | 'moderate' | 'minimal' | 'off', reducedMotion: boolean) {
  return {
    visible: mode !== 'off',
    xp: mode === 'full' || mode === 'moderate',
    toastKinds: new Set<Toast['kind']>(
      mode === 'full' || mode === 'moderate' ? ['xp', 'level', 'achievement'] : mode === 'minimal' ? ['level', 'achievement'] : [],
    ),
    animate: mode === 'full' && !reducedMotion,
    sound: mode === 'full',
  };
}

/** The top bar's HUD: level, XP bar to the next level, streak flame with freezes; the streak reminder and the toasts. */
export function Hud() {
  const mode = useAppStore((state) => state.profile?.gamificationMode ?? 'full');
  const snapshot = useProgressStore((state) => state.snapshot);
  const reducedMotion = useReducedMotion();
  const features = hudFeatures(mode, reducedMotion);

  useEffect(() => useProgressStore.getState().start(), []);
  useEffect(() => useStreakReminderStore.getState().start(), []);

  if (!features.visible || !snapshot) return <div className="hud" aria-hidden="true" data-mode={mode} />;
  const { level, totalXp, levelStartXp, nextLevelXp, streak } = snapshot;
  const into = totalXp - levelStartXp;
  const span = nextLevelXp === null ? 0 : nextLevelXp - levelStartXp;
  const toNext = nextLevelXp === null ? 'Top level reached' : `${nextLevelXp - totalXp} XP to level ${level + 1}`;
  return (
    <>
      <div className={`hud${features.animate ? ' hud-animated' : ''}`} role="status" aria-label="Your progress" data-mode={mode}>
        <span className="hud-level" title="Level">
          <Star size={14} aria-hidden="true" /> Level {level}
        </span>
        {features.xp && (
          <span className="hud-xp" title={`${totalXp} XP · ${toNext}`}>
            <span
              className="hud-xp-bar"
              role="progressbar"
              aria-label={nextLevelXp === null ? 'Experience: top level' : `Experience toward level ${level + 1}`}
              aria-valuemin={0}
              aria-valuemax={span || 1}
              aria-valuenow={span ? into : 1}
              aria-valuetext={toNext}
            >
              <span className="hud-xp-fill" style={{ width: `${span ? Math.min(100, (into / span) * 100) : 100}%` }} />
            </span>
            <span className="hud-xp-total">{totalXp.toLocaleString()} XP</span>
          </span>
        )}
        <span
          className={`hud-streak${streak.todayDone ? ' done' : ''}`}
          title={streak.todayDone ? 'Day streak: today counted' : 'Day streak: learn today to keep it'}
        >
          <Flame size={14} aria-hidden="true" /> <span aria-label={`${streak.current} day streak`}>{streak.current}</span>
          {streak.freezes > 0 && (
            <span
              className="hud-freezes"
              title={`${streak.freezes} streak freeze${streak.freezes === 1 ? '' : 's'} held`}
              aria-label={`${streak.freezes} streak freezes`}
            >
              <Snowflake size={12} aria-hidden="true" />
              {streak.freezes}
            </span>
          )}
        </span>
      </div>
      <DueReviews />
      <StreakReminderBanner animate={features.animate} />
      <HudToasts kinds={features.toastKinds} animate={features.animate} sound={features.sound} />
    </>
  );
}

function HudToasts({ kinds, animate, sound }: { kinds: ReadonlySet<Toast['kind']>; animate: boolean; sound: boolean }) {
  // An open lesson shows its own completion (CompletionBar): the corner stays quiet for that lesson only.
  const lessonOpen = useViewFocus((state) => state.lesson);
  const openLesson = useLearnStore((state) => state.open);
  const shownLesson = lessonOpen ? openLesson : null;
  const toasts = useProgressStore((state) => state.toasts).filter((toast) => kinds.has(toast.kind) && !quietedByOpenLesson(toast, shownLesson));
  const dismiss = useProgressStore((state) => state.dismiss);
  const played = useRef(0);
  const newest = toasts.at(-1)?.id ?? 0;
  useEffect(() => {
    if (sound && newest > played.current) playChime();
    played.current = Math.max(played.current, newest);
  }, [newest, sound]);
  return (
    <div className={`hud-toasts${animate ? ' animate' : ''}`} aria-live="polite">
      {toasts.map((toast) => (
        <div key={toast.id} className={`hud-toast hud-toast-${toast.kind}`} role="status">
          <span>{toast.text}</span>
          <button className="icon-button" aria-label={`Dismiss: ${toast.text}`} onClick={() => dismiss(toast.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}

/** Cards due today, a click away from the review session. */
function DueReviews() {
  const due = usePracticeDueCount();
  if (!due) return null;
  return (
    <button className="hud-reviews" onClick={() => usePracticeStore.getState().open()} title="Open Practice">
      <Dumbbell size={14} aria-hidden="true" /> {due} to review
    </button>
  );
}
