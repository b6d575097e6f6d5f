// A form's submit button for a useAction action, with the action's failure shown beneath it:
// the one shape of "busy label while it runs, alert when it failed".
import type { ReactNode } from 'react';

export function ActionSubmit({ busy, error, busyLabel, children }: { busy: boolean; error: string | null; busyLabel: string; children: ReactNode }) {
  return (
    <>
      <button type="submit" className="button primary" disabled={busy}>
        {busy ? busyLabel : children}
      </button>
      {error && <p role="alert">{error}</p>}
    </>
  );
}
