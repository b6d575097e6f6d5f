// The streak reminder as an OS notification, for when the window is not in front (the banner
// waits inside the window either way). Electron glue only: the rule and the schedule are main/progress.
import { Notification, type BrowserWindow } from 'electron';
import type { StreakReminder } from '../../preload/contract/progress';

/** Held so the notification is not garbage-collected before its click arrives. */
let shown: Notification | null = null;

export function notifyStreakReminder(window: BrowserWindow, reminder: StreakReminder): void {
  if (window.isDestroyed() || window.isFocused() || !Notification.isSupported()) return;
  shown?.close();
  shown = new Notification({ title: 'Keep your streak going', body: reminder.message });
  shown.on('click', () => bringToFront(window));
  shown.on('close', () => (shown = null));
  shown.show();
}

/** What clicking one of the app's notifications does: the window comes forward. */
export function bringToFront(window: BrowserWindow): void {
  if (window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
