// Last week's digest as an OS notification (the desktop app; serve mode shows the notice in the
// window only). Electron glue only: when it is due is main/progress/weekly-digest-schedule.ts.
import { Notification, type BrowserWindow } from 'electron';
import type { DigestNotice } from '../../preload/contract/progress-metrics';
import { bringToFront } from './streak-reminder-notification';

/** Held so the notification is not garbage-collected before its click arrives. */
let shown: Notification | null = null;

export function notifyWeeklyDigest(window: BrowserWindow, notice: DigestNotice): void {
  if (window.isDestroyed() || !Notification.isSupported()) return;
  shown?.close();
  shown = new Notification({ title: 'Your week in review', body: notice.message });
  // The window shows the same notice with an "Open digest" button; the click brings it forward.
  shown.on('click', () => bringToFront(window));
  shown.on('close', () => (shown = null));
  shown.show();
}
