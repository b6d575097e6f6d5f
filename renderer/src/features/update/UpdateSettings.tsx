// Settings → Updates: the channel (stable, or beta with release candidates), "Check now" and
// where the updater stands. Serve mode says why there is nothing to update.
import { useId, useState } from 'react';
import { messageOf } from '../../../../preload/contract';
import type { UpdateChannel, UpdateStatus } from '../../../../preload/contract/update';
import { useAppStore } from '../../app/app-store';
import { client } from '../../platform/client';
import { restartToUpdate, useUpdateStatus } from './use-update-status';

function describe(status: UpdateStatus | null): string {
  switch (status?.state) {
    case undefined:
      return '…';
    case 'unsupported':
      return status.reason;
    case 'idle':
      return status.checkedAt ? `Up to date (checked ${new Date(status.checkedAt).toLocaleString()}).` : 'Not checked yet.';
    case 'checking':
      return 'Checking for updates…';
    case 'downloading':
      return `Downloading ${status.version}: ${Math.round(status.percent)} %.`;
    case 'waiting':
      return `Version ${status.version} downloads after the exam.`;
    case 'ready':
      return `Version ${status.version} is ready.`;
    case 'error':
      return `The last check failed: ${status.message}`;
  }
}

export function UpdateSettingsSection() {
  const { settings, updateSettings } = useAppStore();
  const status = useUpdateStatus();
  const [error, setError] = useState<string | null>(null);
  const ids = { channel: useId(), note: useId() };
  if (!settings) return null;
  const unsupported = status?.state === 'unsupported';
  return (
    <section id="settings-updates" aria-labelledby="settings-updates-title">
      <h2 id="settings-updates-title">Updates</h2>
      <label htmlFor={ids.channel}>Channel</label>
      <span>
        <select
          id={ids.channel}
          value={settings.updates.channel}
          aria-describedby={ids.note}
          onChange={(e) => void updateSettings({ updates: { channel: e.target.value as UpdateChannel } })}
        >
          <option value="stable">Stable</option>
          <option value="beta">Beta (earlier, less tested)</option>
        </select>{' '}
        <span id={ids.note} className="muted">
          Leaving beta keeps the version you have until stable catches up.
        </span>
      </span>
      <span>Now</span>
      <span>
        <span className="muted" data-testid="update-settings-status">
          {describe(status)}
        </span>{' '}
        {!unsupported && status?.state !== 'ready' && (
          <button
            type="button"
            className="button"
            disabled={status?.state === 'checking' || status?.state === 'downloading'}
            onClick={() => {
              setError(null);
              client()
                .call('update.check', {})
                .catch((e: unknown) => setError(messageOf(e)));
            }}
          >
            Check now
          </button>
        )}
        {status?.state === 'ready' && (
          <button type="button" className="button" onClick={() => void restartToUpdate()}>
            Restart to update
          </button>
        )}
        {error && (
          <span role="alert" className="sync-error">
            {error}
          </span>
        )}
      </span>
    </section>
  );
}
