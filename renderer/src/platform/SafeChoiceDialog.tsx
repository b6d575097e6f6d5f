// A modal question whose safe answer has the focus when it opens, so Enter or Escape changes
// nothing: the process-consent and delete-everything dialogs are built on it.
import * as Dialog from '@radix-ui/react-dialog';
import type { ReactNode } from 'react';

export function SafeChoiceDialog(props: {
  readonly className: string;
  readonly titleClassName: string;
  readonly title: ReactNode;
  /** The id of the button that changes nothing (Cancel, Don't run). */
  readonly safeChoiceId: string;
  /** Escape or a click outside: the dialog's owner decides whether it may close now. */
  readonly onDismiss: () => void;
  readonly children: ReactNode;
}) {
  return (
    <Dialog.Root open onOpenChange={(open) => !open && props.onDismiss()}>
      <Dialog.Portal>
        <Dialog.Overlay className="palette-overlay" />
        <Dialog.Content
          className={props.className}
          onOpenAutoFocus={(event) => {
            event.preventDefault();
            document.getElementById(props.safeChoiceId)?.focus();
          }}
        >
          <Dialog.Title className={props.titleClassName}>{props.title}</Dialog.Title>
          {props.children}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
