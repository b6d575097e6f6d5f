// Erasing everything: first the offer to keep a backup (the export zip, saved where the learner
// chooses), then a typed confirmation ("delete" or their name). Cancel has the focus first.
import * as Dialog from '@radix-ui/react-dialog';
import { Trash2 } from 'lucide-react';
import { useState } from 'react';
import { messageOf } from '../../../../../preload/contract';
import { DELETE_CONFIRMATION_WORD } from '../../../../../preload/contract/data';
import { useAppStore } from '../../../app/app-store';
import { client } from '../../../platform/client';
import { SafeChoiceDialog } from '../../../platform/SafeChoiceDialog';
import { downloadExport, type ExportStep } from './download-export';
import { ExportProgress } from './ExportProgress';
import { DialogError, TypedConfirmation } from './dialog-parts';

export function DeleteDataDialog({ onClose }: { onClose: () => void }) {
  const name = useAppStore((state) => state.profile?.name ?? '');
  const [stage, setStage] = useState<'backup' | 'confirm'>('backup');
  const [step, setStep] = useState<ExportStep | null>(null);
  const [backup, setBackup] = useState<string | null>(null);
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const matches = typed.trim().toLowerCase() === DELETE_CONFIRMATION_WORD || (!!name.trim() && typed.trim().toLowerCase() === name.trim().toLowerCase());

  const keepBackup = async () => {
    setError(null);
    try {
      setBackup(await downloadExport(setStep));
      setStage('confirm');
    } catch (reason) {
      setError(`The backup did not finish, so nothing was erased: ${messageOf(reason)}`);
    } finally {
      setStep(null);
    }
  };
  const erase = async () => {
    setBusy(true);
    setError(null);
    try {
      await client().call('data.delete', { confirmation: typed });
      // The data.erased event reloads every window into the first run.
    } catch (reason) {
      setError(messageOf(reason));
      setBusy(false);
    }
  };

  return (
    <SafeChoiceDialog
      className="data-dialog"
      titleClassName="data-dialog-title"
      safeChoiceId="data-delete-cancel"
      onDismiss={() => !busy && !step && onClose()}
      title={
        <>
          <Trash2 size={18} aria-hidden="true" /> Delete everything?
        </>
      }
    >
      <Dialog.Description asChild>
        <div className="data-dialog-body">
          <p>
            This erases your progress, XP and streak, your code in every lesson, reviews, journal, tutor conversations, certificates and saved keys from this
            computer. Dronacharya then starts as new. It cannot be undone.
          </p>
          {stage === 'backup' ? (
            <p>Keep a backup first? It is the same zip as Export, saved where you choose.</p>
          ) : (
            <p>{backup ? `Your backup ${backup} was saved.` : 'No backup will be kept.'}</p>
          )}
        </div>
      </Dialog.Description>
      {step && <ExportProgress step={step} />}
      {stage === 'confirm' && (
        <TypedConfirmation
          label={
            <>
              Type “{DELETE_CONFIRMATION_WORD}”{name ? ` or your name (${name})` : ''} to confirm
            </>
          }
          value={typed}
          onChange={setTyped}
        />
      )}
      <DialogError error={error} />
      <div className="data-actions">
        <button id="data-delete-cancel" type="button" className="button" disabled={busy || !!step} onClick={onClose}>
          Cancel
        </button>
        {stage === 'backup' ? (
          <>
            <button type="button" className="button" disabled={!!step} onClick={() => setStage('confirm')}>
              Continue without a backup
            </button>
            <button type="button" className="button primary" disabled={!!step} onClick={() => void keepBackup()}>
              Save a backup…
            </button>
          </>
        ) : (
          <button type="button" className="button data-danger" disabled={!matches || busy} onClick={() => void erase()}>
            {busy ? 'Erasing…' : 'Delete everything'}
          </button>
        )}
      </div>
    </SafeChoiceDialog>
  );
}
