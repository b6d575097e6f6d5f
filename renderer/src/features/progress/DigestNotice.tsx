// Last week's digest is ready: a polite notice in the window (serve mode's only sign of it; the
// desktop app also shows an OS notification), and the "Show weekly digest" command.
import { CalendarDays } from 'lucide-react';
import { useEffect, useMemo } from 'react';
import { useRegisterCommands, type AppCommand } from '../palette/command-registry';
import { useInsightsStore } from './insights-store';

export function DigestNotice() {
  const notice = useInsightsStore((state) => state.notice);
  const { openDigest, dismissNotice, startNotice } = useInsightsStore.getState();
  useEffect(() => startNotice(), [startNotice]);
  const commands = useMemo<AppCommand[]>(
    () => [{ id: 'progress.weeklyDigest', title: 'Show weekly digest', category: 'Progress', run: () => void useInsightsStore.getState().openDigest() }],
    [],
  );
  useRegisterCommands(commands);
  if (!notice) return null;
  return (
    <div className="digest-notice" role="status" aria-label="Weekly digest">
      <CalendarDays size={18} aria-hidden="true" />
      <p>{notice.message}</p>
      <div className="digest-notice-actions">
        {/* Not .primary: the dark theme's accent is under 4.5:1 against white text (axe). */}
        <button className="button" onClick={() => void openDigest(notice.weekStart)}>
          Open digest
        </button>
        <button className="button" onClick={() => void dismissNotice()}>
          Dismiss
        </button>
      </div>
    </div>
  );
}
