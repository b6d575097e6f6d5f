// Before joining a cohort: who it belongs to, and exactly what its instructors will see of you
// (the one declared list); nothing else is shared. Cancel has the focus first.
import { useId, useState } from 'react';
import * as Dialog from '@radix-ui/react-dialog';
import { Users } from 'lucide-react';
import { cohortSharedData, type InvitePreview } from '../../../../preload/contract/account';
import { SafeChoiceDialog } from '../../platform/SafeChoiceDialog';
import { DialogError } from './data/dialog-parts';

export function AccountConsentDialog(props: {
  preview: InvitePreview;
  busy: boolean;
  error: string | null;
  onJoin: (consent: { version: number; shares: string[] }, onBoard: boolean) => void;
  onCancel: () => void;
}) {
  const { preview } = props;
  const where = preview.cohortName ? `${preview.cohortName} (${preview.orgName})` : preview.orgName;
  const [onBoard, setOnBoard] = useState(false);
  const boardId = useId();
  return (
    <SafeChoiceDialog
      className="data-dialog account-consent"
      titleClassName="data-dialog-title"
      safeChoiceId="cohort-consent-cancel"
      onDismiss={() => !props.busy && props.onCancel()}
      title={
        <>
          <Users size={18} aria-hidden="true" /> Join {where}?
        </>
      }
    >
      <Dialog.Description asChild>
        <div className="data-dialog-body">
          <p>
            You join as {preview.role === 'learner' ? 'a learner' : 'an instructor'}. Its instructors and the organisation's owners will see, for the courses
            assigned to you:
          </p>
          <ul aria-label="What the cohort will see">
            {cohortSharedData.map((item) => (
              <li key={item.id}>
                <strong>{item.title}</strong>: {item.detail}
              </li>
            ))}
          </ul>
          <p>Nothing else is shared: not your code, tutor conversations, journal or other courses. You can leave the cohort at any time.</p>
        </div>
      </Dialog.Description>
      {preview.role === 'learner' && preview.cohortName && (
        <p>
          <input id={boardId} type="checkbox" checked={onBoard} disabled={props.busy} onChange={(e) => setOnBoard(e.target.checked)} />{' '}
          <label htmlFor={boardId}>Show my name and XP on this cohort's leaderboard and league (you can change this later)</label>
        </p>
      )}
      <DialogError error={props.error} />
      <div className="data-actions">
        <button id="cohort-consent-cancel" type="button" className="button" disabled={props.busy} onClick={props.onCancel}>
          Cancel
        </button>
        <button
          type="button"
          className="button primary"
          disabled={props.busy}
          onClick={() => props.onJoin({ version: preview.consentVersion, shares: cohortSharedData.map((item) => item.id) }, onBoard)}
        >
          {props.busy ? 'Joining…' : 'Agree and join'}
        </button>
      </div>
    </SafeChoiceDialog>
  );
}
