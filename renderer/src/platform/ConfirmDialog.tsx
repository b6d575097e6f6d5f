// The app's "are you sure?" (never the browser's confirm(), which Electron styles as the OS does
// and a keyboard user meets without warning): Cancel has the focus, so Enter or Escape change nothing.
import * as Dialog from '@radix-ui/react-dialog';
import type { ReactNode } from 'react';
import { SafeChoiceDialog } from './SafeChoiceDialog';

export function ConfirmDialog(props: {
  readonly title: ReactNode;
  readonly children: ReactNode;
  readonly confirmLabel: string;
  onConfirm(): void;
  onCancel(): void;
}) {
  return (
    <SafeChoiceDialog className="confirm-dialog" titleClassName="confirm-title" title={props.title} safeChoiceId="confirm-cancel" onDismiss={props.onCancel}>
      <Dialog.Description asChild>
        <div className="confirm-body">{props.children}</div>
      </Dialog.Description>
      <div className="confirm-actions">
        <button id="confirm-cancel" type="button" className="button" onClick={props.onCancel}>
          Cancel
        </button>
        <button type="button" className="button primary" onClick={props.onConfirm}>
          {props.confirmLabel}
        </button>
      </div>
    </SafeChoiceDialog>
  );
}
