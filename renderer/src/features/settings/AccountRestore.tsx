// How far restoring this account's progress got: the events replayed so far, then the outcome.
// Kept by the Account section, so it stays in view when the sign-in form gives way to the account.
import { useEffect, useState } from 'react';
import type { RestoreProgress } from '../../../../preload/contract/account';
import { client } from '../../platform/client';

function restoreText(progress: RestoreProgress): string {
  const total = progress.restored + progress.known;
  return progress.done
    ? `Restored ${progress.restored} event(s) of your progress${progress.known ? ` (${progress.known} were already here)` : ''}.`
    : `Restoring your progress… ${total} event(s) so far.`;
}

export function AccountRestore() {
  const [restore, setRestore] = useState<RestoreProgress | null>(null);
  useEffect(() => client().on('account.restoreProgress', setRestore), []);
  return (
    <p role="status" aria-label="Restore progress" hidden={!restore}>
      {restore && !restore.done && <progress aria-label="Restoring" />} {restore && restoreText(restore)}
      {restore && restore.unknown > 0 && ` ${restore.unknown} event(s) from a newer app stay on the server.`}
    </p>
  );
}

/** Why the last account action failed, announced as it appears. */
export function AccountError({ error }: { error: string | null }) {
  return error ? (
    <p role="alert" className="account-error">
      {error}
    </p>
  ) : null;
}
