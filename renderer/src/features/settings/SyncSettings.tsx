// Settings → Sync: the server address (empty unless a bootcamp build presets it), sign-in,
// leaderboard opt-in, and what the outbox is doing.
import { useEffect, useId, useRef, useState } from 'react';
import type { SyncStatus } from '../../../../preload/contract/sync';
import { useAction } from '../../platform/use-action';
import { client } from '../../platform/client';
import { LockNote } from '../organisation/OrganisationParts';
import { useLockedBy } from '../organisation/organisation-store';
import { useCall } from '../../platform/use-call';
import { useSettingsFocus } from './settings-focus';
import { onSubmitRun } from '../../platform/on-submit';

const stateText: Record<SyncStatus['state'], string> = {
  off: 'Sync is off: no server is set.',
  'signed-out': 'Not signed in.',
  idle: 'Up to date.',
  syncing: 'Syncing…',
  offline: 'Offline: progress is kept and sent when the server is reachable.',
  error: 'Sync has a problem.',
};

export function SyncSettingsSection() {
  const { data: status, error: statusError, setData: setStatus } = useCall('sync.status', {});
  // null until the learner edits it: the field shows the server's address.
  const [url, setUrl] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const { error, act } = useAction();
  const syncLockedBy = useLockedBy('sync');
  const ids = { url: useId(), name: useId(), email: useId(), optIn: useId() };
  useEffect(() => client().on('sync.changed', setStatus), [setStatus]);
  // Opened from "Set a sync server" (Leaderboard, Certificates): the address field takes the focus.
  const urlField = useRef<HTMLInputElement>(null);
  const focusField = useSettingsFocus((state) => state.field);
  useEffect(() => {
    if (focusField !== 'sync-server' || !urlField.current) return;
    urlField.current.scrollIntoView({ block: 'center' });
    urlField.current.focus();
    useSettingsFocus.getState().clear();
  }, [focusField, status]);
  const run = async (fn: () => Promise<SyncStatus>) => {
    const next = await act(fn);
    if (next) setStatus(next);
  };
  if (!status) return statusError ? <p className="form-error">{statusError}</p> : null;
  return (
    <section id="settings-sync" aria-labelledby="settings-sync-title">
      <h2 id="settings-sync-title">Sync</h2>
      <label htmlFor={ids.url}>Sync server address</label>
      <LockNote setting="sync" />
      <input
        ref={urlField}
        id={ids.url}
        disabled={syncLockedBy !== null}
        value={url ?? status.serverUrl}
        placeholder="https://sync.example.org"
        onChange={(e) => setUrl(e.target.value)}
        onBlur={() => url !== null && url !== status.serverUrl && void run(() => client().call('sync.configure', { serverUrl: url }))}
      />
      {status.serverUrl && !status.signedIn && (
        <form
          className="sync-sign-in"
          onSubmit={onSubmitRun(() => run(() => client().call('sync.signIn', { displayName: name, ...(email ? { email } : {}), optedIn: true })))}
        >
          <label htmlFor={ids.name}>Name on leaderboards</label>
          <input id={ids.name} value={name} onChange={(e) => setName(e.target.value)} required />
          <label htmlFor={ids.email}>Email (optional)</label>
          <input id={ids.email} type="email" value={email} onChange={(e) => setEmail(e.target.value)} />
          <button type="submit" className="button primary">
            Sign in
          </button>
        </form>
      )}
      {status.signedIn && (
        <>
          <p>
            Signed in as <strong>{status.displayName}</strong>.{' '}
            <button type="button" className="button" onClick={() => void run(async () => client().call('sync.signOut', {}))}>
              Sign out
            </button>
          </p>
          <label htmlFor={ids.optIn}>
            <input
              id={ids.optIn}
              type="checkbox"
              checked={status.optedIn}
              onChange={(e) => void run(() => client().call('sync.setOptIn', { optedIn: e.target.checked }))}
            />{' '}
            Show me on leaderboards
          </label>
        </>
      )}
      <p className="muted" role="status" aria-label="Sync status">
        {stateText[status.state]} {status.pending > 0 && `${status.pending} event(s) waiting.`}{' '}
        {status.lastSyncAt && `Last synced ${new Date(status.lastSyncAt).toLocaleString()}.`}
        {status.lastError && status.state !== 'idle' && ` ${status.lastError}`}
      </p>
      {status.refused > 0 && (
        <p className="muted" role="note" aria-label="Not counted by the server">
          The server did not count {status.refused} completion(s) for XP or leaderboards (for example, a lesson marked complete too soon after opening it). They
          stay in your progress here and on your other computers.
        </p>
      )}
      {status.signedIn && (
        <button type="button" className="button" onClick={() => void run(() => client().call('sync.syncNow', {}))}>
          Sync now
        </button>
      )}
      {error && (
        <p role="alert" className="sync-error">
          {error}
        </p>
      )}
    </section>
  );
}
