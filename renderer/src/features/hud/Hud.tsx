import { Flame, Star } from 'lucide-react';
import { useAppStore } from '../../app/app-store';

/** The top bar's HUD slot: level, XP and streak; hidden when game elements are off. */
export function Hud() {
  const mode = useAppStore((state) => state.profile?.gamificationMode ?? 'full');
  if (mode === 'off') return <div className="hud" aria-hidden="true" />;
  return (
    <div className="hud" role="status" aria-label="Your progress">
      <span className="hud-level" title="Level">
        <Star size={14} aria-hidden="true" /> Level 1
      </span>
      {mode !== 'minimal' && (
        <span className="hud-xp" title="Experience points">
          0 XP
        </span>
      )}
      <span className="hud-streak" title="Day streak">
        <Flame size={14} aria-hidden="true" /> 0
      </span>
    </div>
  );
}
