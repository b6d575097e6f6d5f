// Settings → Account: signing this computer in to an account (AccountSignIn), and once signed in
// its password, a code to add another computer, the account's sessions, and its data exported or
// deleted (AccountDeleteDialog). Errors say what happened in the server's words (offline, wrong
// password, too many tries).
import { useEffect, useId, useState } from 'react';
import type { SyncStatus } from '../../../../preload/contract/sync';
import { client } from '../../platform/client';
import { useAction } from '../../platform/use-action';
import { useCall } from '../../platform/use-call';
import { AccountDeleteDialog } from './AccountDeleteDialog';
import { AccountError, AccountRestore } from './AccountRestore';
import { AccountSignIn } from './AccountSignIn';
import { offerDownload } from '../../platform/download';
import './account.css';
import './data/data.css';
import { onSubmitRun } from '../../platform/on-submit';

const when = (at: number) => new Date(at).toLocaleString();

function LinkCode() {
  const [code, setCode] = useState<{ code: string; expiresAt: number } | null>(null);
  const { busy, error, act } = useAction();
  return (
    <div className="account-block">
      <div className="account-actions">
        <button type="button" className="button" disabled={busy} onClick={() => void act(async () => setCode(await client().call('sync.linkCode', {})))}>
          Add another computer…
        </button>
        {code && (
          <span role="status" aria-label="Link code">
            Type <strong className="account-code">{code.code}</strong> on the other computer (Account → Use a code) before{' '}
            {new Date(code.expiresAt).toLocaleTimeString()}.
          </span>
        )}
      </div>
      <AccountError error={error} />
    </div>
  );
}

function Sessions() {
  const { data, error: loadError, setData } = useCall('account.sessions', {});
  const { error, act } = useAction();
  return (
    <div className="account-block">
      <h3 className="muted">Computers signed in</h3>
      {loadError && <p className="account-error">{loadError}</p>}
      <ul className="account-list" aria-label="Computers signed in">
        {data?.sessions.map((s) => (
          <li key={s.id}>
            <span>
              <strong>{s.deviceName}</strong> {s.current && <span className="muted">(this computer)</span>}
              <br />
              <span className="muted">Last used {when(s.lastUsedAt)}</span>
            </span>
            {!s.current && (
              <button
                type="button"
                className="button"
                aria-label={`Sign out ${s.deviceName}`}
                onClick={() => void act(async () => setData(await client().call('account.revokeSession', { id: s.id })))}
              >
                Sign out
              </button>
            )}
          </li>
        ))}
      </ul>
      <AccountError error={error} />
    </div>
  );
}

function Password({ email }: { email: string | null }) {
  const [form, setForm] = useState({ email: email ?? '', password: '', current: '' });
  const [note, setNote] = useState<string | null>(null);
  const { busy, error, act } = useAction();
  const ids = { email: useId(), password: useId(), current: useId() };
  const save = async () => {
    const saved = await act(() =>
      client().call('account.setPassword', { email: form.email, password: form.password, ...(form.current ? { currentPassword: form.current } : {}) }),
    );
    if (saved) setNote(`Saved: sign in on another computer as ${saved.email}.`);
  };
  return (
    <form className="account-form" aria-label="Email and password" onSubmit={onSubmitRun(save)}>
      <label htmlFor={ids.email}>Account email</label>
      <input id={ids.email} type="email" value={form.email} required autoComplete="email" onChange={(e) => setForm({ ...form, email: e.target.value })} />
      <label htmlFor={ids.password}>New password</label>
      <input
        id={ids.password}
        type="password"
        value={form.password}
        required
        minLength={10}
        autoComplete="new-password"
        onChange={(e) => setForm({ ...form, password: e.target.value })}
      />
      <label htmlFor={ids.current}>Current password (to change it)</label>
      <input
        id={ids.current}
        type="password"
        value={form.current}
        autoComplete="current-password"
        onChange={(e) => setForm({ ...form, current: e.target.value })}
      />
      <div className="account-actions">
        <button type="submit" className="button" disabled={busy}>
          Save password
        </button>
        {note && <span role="status">{note}</span>}
      </div>
      <AccountError error={error} />
    </form>
  );
}

function AccountData({ onDeleted }: { onDeleted: (status: SyncStatus) => void }) {
  const [note, setNote] = useState<string | null>(null);
  const [deleting, setDeleting] = useState(false);
  const { busy, error, act } = useAction();
  const exportAccount = async () => {
    const file = await act(() => client().call('account.export', {}));
    if (!file) return;
    offerDownload(new Blob([file.json], { type: 'application/json' }), file.fileName);
    setNote(`Saved ${file.fileName}: everything the server holds about you.`);
  };
  return (
    <div className="account-block">
      <div className="account-actions">
        <button type="button" className="button" disabled={busy} onClick={() => void exportAccount()}>
          Export account…
        </button>
        <button type="button" className="button data-danger" onClick={() => setDeleting(true)}>
          Delete account…
        </button>
      </div>
      {note && <p role="status">{note}</p>}
      <AccountError error={error} />
      {deleting && (
        <AccountDeleteDialog
          onClose={() => setDeleting(false)}
          onDeleted={(status) => {
            setDeleting(false);
            onDeleted(status);
          }}
        />
      )}
    </div>
  );
}

export function AccountSettingsSection() {
  const { data: status, error, setData: setStatus } = useCall('sync.status', {});
  const [signingIn, setSigningIn] = useState(false);
  useEffect(() => client().on('sync.changed', setStatus), [setStatus]);
  if (!status) return error ? <p className="form-error">{error}</p> : null;
  return (
    <section id="settings-account" aria-labelledby="settings-account-title">
      <h2 id="settings-account-title">Account</h2>
      {!status.serverUrl ? (
        <p className="muted">Set the sync server address (Sync, above) to sign in to an account.</p>
      ) : status.signedIn && !signingIn ? (
        <>
          <p>
            Signed in to <code>{status.serverUrl}</code> as <strong>{status.displayName ?? 'you'}</strong>
            {status.email && ` (${status.email})`}.
          </p>
          <Password email={status.email} />
          <LinkCode />
          <Sessions />
          <AccountData onDeleted={setStatus} />
        </>
      ) : (
        <AccountSignIn onSignedIn={setStatus} onBusy={setSigningIn} />
      )}
      <AccountRestore />
    </section>
  );
}
