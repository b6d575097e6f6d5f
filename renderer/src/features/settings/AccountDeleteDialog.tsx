// Deleting the account on the server: what goes and what stays, then a typed confirmation.
// Cancel has the focus first.
import * as Dialog from '@radix-ui/react-dialog';
import { Trash2 } from 'lucide-react';
import { useState } from 'react';
import { DELETE_ACCOUNT_CONFIRMATION } from '../../../../preload/contract/account';
import type { SyncStatus } from '../../../../preload/contract/sync';
import { client } from '../../platform/client';
import { SafeChoiceDialog } from '../../platform/SafeChoiceDialog';
import { useAction } from '../../platform/use-action';
import { DialogError, TypedConfirmation } from './data/dialog-parts';

export function AccountDeleteDialog({ onClose, onDeleted }: { onClose: () => void; onDeleted: (status: SyncStatus) => void }) {
  const [typed, setTyped] = useState('');
  const { busy, error, act } = useAction();
  const matches = typed.trim().toLowerCase() === DELETE_ACCOUNT_CONFIRMATION;
  const remove = async () => {
    const status = await act(() => client().call('account.delete', { confirmation: DELETE_ACCOUNT_CONFIRMATION }));
    if (status) onDeleted(status);
  };
  return (
    <SafeChoiceDialog
      className="data-dialog"
      titleClassName="data-dialog-title"
      safeChoiceId="account-delete-cancel"
      onDismiss={() => !busy && onClose()}
      title={
        <>
          <Trash2 size={18} aria-hidden="true" /> Delete your account?
        </>
      }
    >
      <Dialog.Description asChild>
        <div className="data-dialog-body">
          <p>
            This deletes everything the sync server holds about you: your account, its computers, your progress there, leaderboard places, certificates issued
            by the server and your cohorts. Other computers are signed out. It cannot be undone.
          </p>
          <p>This computer keeps its own progress and signs out. Export the account first if you want a copy.</p>
        </div>
      </Dialog.Description>
      <TypedConfirmation label={<>Type “{DELETE_ACCOUNT_CONFIRMATION}” to confirm</>} value={typed} onChange={setTyped} />
      <DialogError error={error} />
      <div className="data-actions">
        <button id="account-delete-cancel" type="button" className="button" disabled={busy} onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="button data-danger" disabled={!matches || busy} onClick={() => void remove()}>
          {busy ? 'Deleting…' : 'Delete account'}
        </button>
      </div>
    </SafeChoiceDialog>
  );
}
