// Asked once per course (and again after it changes) before its code runs directly on this
// computer: the risk in plain words, the course named, "Don't run" focused first.
import * as Dialog from '@radix-ui/react-dialog';
import { ShieldAlert } from 'lucide-react';
import { useState } from 'react';
import { SafeChoiceDialog } from '../../platform/SafeChoiceDialog';
import { useConsentStore } from './consent-store';
import { messageOf } from '../../../../preload/contract';

export function ProcessConsentDialog() {
  const pending = useConsentStore((state) => state.pending);
  const [error, setError] = useState<string | null>(null);
  if (!pending) return null;
  const decline = () => {
    setError(null);
    useConsentStore.getState().decline();
  };
  const confirm = async () => {
    try {
      setError(null);
      await useConsentStore.getState().confirm();
    } catch (reason) {
      setError(messageOf(reason));
    }
  };
  return (
    <SafeChoiceDialog
      className="consent-dialog"
      titleClassName="consent-title"
      safeChoiceId="consent-decline"
      onDismiss={decline}
      title={
        <>
          <ShieldAlert size={18} aria-hidden="true" /> Run {pending.courseTitle}’s code directly on this computer?
        </>
      }
    >
      <Dialog.Description asChild>
        <div className="consent-body">
          <p>
            No isolated sandbox is available, so Run, Check and Try it would run the code of <strong>{pending.courseTitle}</strong> (version {pending.version})
            as an ordinary program, as you.
          </p>
          <ul>
            <li>It can read, change and delete your files, including your Dronacharya data.</li>
            <li>It can reach the network and the internet.</li>
            <li>Only time, memory and file-size limits apply.</li>
          </ul>
          <p>
            Allow this only if you trust whoever wrote this course. You will be asked again if the course changes. Starting Docker keeps every run isolated
            instead.
          </p>
        </div>
      </Dialog.Description>
      {error && (
        <p className="consent-error" role="alert">
          {error}
        </p>
      )}
      <div className="consent-actions">
        <button id="consent-decline" type="button" className="button" onClick={decline}>
          Don’t run
        </button>
        <button type="button" className="button primary" onClick={() => void confirm()}>
          Run on this computer
        </button>
      </div>
    </SafeChoiceDialog>
  );
}
