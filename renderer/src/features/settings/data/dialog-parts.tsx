// Pieces of the dialogs that delete or share data (everything on this computer, the account, a
// cohort's consent): the typed confirmation of an irreversible step, and the dialog's error.
import { useId, type ReactNode } from 'react';

export function TypedConfirmation({ label, value, onChange }: { label: ReactNode; value: string; onChange: (typed: string) => void }) {
  const id = useId();
  return (
    <div className="data-confirm">
      <label htmlFor={id}>{label}</label>
      <input id={id} value={value} autoComplete="off" spellCheck={false} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}

export function DialogError({ error }: { error: string | null | undefined }) {
  return error ? (
    <p className="data-error" role="alert">
      {error}
    </p>
  ) : null;
}
