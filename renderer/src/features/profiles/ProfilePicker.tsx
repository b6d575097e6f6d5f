// The learner-profile picker a shared computer shows at start: each learner opens their own
// data (progress, code, tutor sessions, secrets), with their PIN when they set one.
import { Lock, UserPlus, UserRound } from 'lucide-react';
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import type { LearnerProfileSummary } from '../../../../preload/contract/learner-profiles';
import { messageOf } from '../../../../preload/contract';
import { useAppStore } from '../../app/app-store';
import { client } from '../../platform/client';
import { useAction } from '../../platform/use-action';
import { NewProfileForm } from './NewProfileForm';

export function ProfilePicker() {
  const load = useAppStore((state) => state.load);
  const [profiles, setProfiles] = useState<LearnerProfileSummary[] | null>(null);
  const [chosen, setChosen] = useState<LearnerProfileSummary | null>(null);
  const [creating, setCreating] = useState(false);
  const [pin, setPin] = useState('');
  const { busy, error, setError, act } = useAction();
  const pinId = useId();

  const refresh = useCallback(
    () =>
      client()
        .call('learnerProfiles.list', {})
        .then(
          (list) => setProfiles(list.profiles),
          (caught: unknown) => setError(messageOf(caught)),
        ),
    [setError],
  );
  useEffect(() => {
    void refresh();
  }, [refresh]);

  const open = async (profile: LearnerProfileSummary, typed: string | null) => {
    const opened = await act(async () => {
      await client().call('learnerProfiles.open', { id: profile.id, pin: typed });
      await load();
      return true;
    });
    if (!opened) setPin('');
  };

  const choose = (profile: LearnerProfileSummary) => {
    setError(null);
    if (profile.hasPin) setChosen(profile);
    else void open(profile, null);
  };

  const submitPin = (event: FormEvent) => {
    event.preventDefault();
    if (chosen) void open(chosen, pin);
  };

  return (
    <main className="first-run" aria-labelledby="picker-title">
      <div className="first-run-card profile-picker">
        <h1 id="picker-title">Who is learning?</h1>
        <p className="muted">Each learner has their own progress, code and tutor sessions on this computer.</p>
        {chosen ? (
          <form onSubmit={submitPin} className="profile-pin">
            <label htmlFor={pinId}>PIN for {chosen.name}</label>
            <input
              id={pinId}
              type="password"
              inputMode="numeric"
              autoComplete="off"
              autoFocus
              value={pin}
              maxLength={12}
              onChange={(e) => setPin(e.target.value)}
            />
            <div className="profile-actions">
              <button type="button" className="button" onClick={() => (setChosen(null), setError(null), setPin(''))}>
                Back
              </button>
              <button type="submit" className="button primary" disabled={busy || pin.length < 4}>
                Open
              </button>
            </div>
          </form>
        ) : creating ? (
          <NewProfileForm
            onCancel={() => setCreating(false)}
            onCreated={async () => {
              setCreating(false);
              await refresh();
            }}
          />
        ) : (
          <>
            <ul className="profile-list" aria-label="Learner profiles">
              {(profiles ?? []).map((profile) => (
                <li key={profile.id}>
                  <button className="button profile-button" disabled={busy} onClick={() => choose(profile)}>
                    <UserRound aria-hidden size={18} />
                    <span>{profile.name}</span>
                    {profile.hasPin && <Lock aria-label="has a PIN" size={14} />}
                  </button>
                </li>
              ))}
            </ul>
            <button className="button" onClick={() => (setCreating(true), setError(null))}>
              <UserPlus aria-hidden size={16} /> New learner
            </button>
          </>
        )}
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
      </div>
    </main>
  );
}
