// Settings → Account while signed out: sign in with email and password, create an account, or
// enter a code shown on a signed-in computer. Signing in restores this account's progress here
// (RestoreStatus shows how far it got).
import { useId, useState } from 'react';
import type { SyncStatus } from '../../../../preload/contract/sync';
import { client } from '../../platform/client';
import { useAction } from '../../platform/use-action';
import { AccountError } from './AccountRestore';
import { onSubmitRun } from '../../platform/on-submit';

type Mode = 'sign-in' | 'create' | 'code';
const modes: { id: Mode; label: string }[] = [
  { id: 'sign-in', label: 'Sign in' },
  { id: 'create', label: 'Create an account' },
  { id: 'code', label: 'Use a code from another computer' },
];

export function AccountSignIn({ onSignedIn, onBusy }: { onSignedIn: (status: SyncStatus) => void; onBusy: (busy: boolean) => void }) {
  const [mode, setMode] = useState<Mode>('sign-in');
  const [form, setForm] = useState({ email: '', password: '', name: '', code: '', device: 'Computer' });
  const { busy, error, act } = useAction();
  const ids = { email: useId(), password: useId(), name: useId(), code: useId(), device: useId(), panel: useId() };
  const set = (field: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement>) => setForm({ ...form, [field]: e.target.value });

  const submit = async () => {
    onBusy(true);
    const status = await act(async () => {
      if (mode === 'create') return client().call('account.create', { displayName: form.name, email: form.email, password: form.password, optedIn: true });
      const credentials = mode === 'code' ? { code: form.code } : { email: form.email, password: form.password };
      return (await client().call('sync.signInToAccount', { ...credentials, deviceName: form.device })).status;
    });
    onBusy(false);
    if (status) onSignedIn(status);
  };

  return (
    <div className="account-block">
      <div role="tablist" aria-label="How to sign in" className="account-tabs">
        {modes.map((m) => (
          <button
            key={m.id}
            type="button"
            role="tab"
            aria-selected={mode === m.id}
            aria-controls={ids.panel}
            tabIndex={mode === m.id ? 0 : -1}
            className="button"
            onClick={() => setMode(m.id)}
            onKeyDown={(e) => {
              if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
              const i = modes.findIndex((x) => x.id === mode);
              const next = modes[(i + (e.key === 'ArrowRight' ? 1 : modes.length - 1)) % modes.length]!;
              setMode(next.id);
              (e.currentTarget.parentElement?.querySelector(`[data-mode='${next.id}']`) as HTMLElement | null)?.focus();
            }}
            data-mode={m.id}
          >
            {m.label}
          </button>
        ))}
      </div>
      <form id={ids.panel} role="tabpanel" aria-label={modes.find((m) => m.id === mode)!.label} className="account-form" onSubmit={onSubmitRun(submit)}>
        {mode === 'create' && (
          <>
            <label htmlFor={ids.name}>Name on leaderboards</label>
            <input id={ids.name} value={form.name} onChange={set('name')} required autoComplete="nickname" />
          </>
        )}
        {mode === 'code' ? (
          <>
            <label htmlFor={ids.code}>Code from your other computer</label>
            <input id={ids.code} value={form.code} onChange={set('code')} required autoComplete="off" spellCheck={false} placeholder="ABCD-EFGH" />
          </>
        ) : (
          <>
            <label htmlFor={ids.email}>Email</label>
            <input id={ids.email} type="email" value={form.email} onChange={set('email')} required autoComplete="email" />
            <label htmlFor={ids.password}>Password</label>
            <input
              id={ids.password}
              type="password"
              value={form.password}
              onChange={set('password')}
              required
              minLength={mode === 'create' ? 10 : 1}
              autoComplete={mode === 'create' ? 'new-password' : 'current-password'}
            />
          </>
        )}
        {mode !== 'create' && (
          <>
            <label htmlFor={ids.device}>This computer's name</label>
            <input id={ids.device} value={form.device} onChange={set('device')} required maxLength={80} />
          </>
        )}
        <div className="account-actions">
          <button type="submit" className="button primary" disabled={busy}>
            {mode === 'create' ? 'Create account' : busy ? 'Signing in…' : 'Sign in and restore'}
          </button>
        </div>
      </form>
      <AccountError error={error} />
    </div>
  );
}
