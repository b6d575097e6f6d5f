import { useId, useState } from 'react';
import { PIN_PATTERN } from '../../../../preload/contract/learner-profiles';
import { client } from '../../platform/client';
import { onSubmitRun } from '../../platform/on-submit';
import { useAction } from '../../platform/use-action';

/** A new learner profile from the picker: a name and, if the learner wants one, a PIN. */
export function NewProfileForm({ onCancel, onCreated }: { onCancel: () => void; onCreated: () => Promise<void> }) {
  const ids = { name: useId(), pin: useId(), hint: useId() };
  const [name, setName] = useState('');
  const [pin, setPin] = useState('');
  const { busy, error, act } = useAction();
  const pinValid = pin === '' || PIN_PATTERN.test(pin);

  const submit = () =>
    act(async () => {
      await client().call('learnerProfiles.create', { name, pin: pin === '' ? null : pin });
      await onCreated();
    });

  return (
    <form onSubmit={onSubmitRun(submit)} className="profile-pin" aria-label="New learner">
      <label htmlFor={ids.name}>Name</label>
      <input id={ids.name} value={name} maxLength={60} autoFocus onChange={(e) => setName(e.target.value)} />
      <label htmlFor={ids.pin}>PIN (optional)</label>
      <input
        id={ids.pin}
        type="password"
        inputMode="numeric"
        autoComplete="new-password"
        value={pin}
        maxLength={12}
        aria-describedby={ids.hint}
        aria-invalid={!pinValid}
        onChange={(e) => setPin(e.target.value)}
      />
      <p id={ids.hint} className="muted">
        4 to 12 digits; it keeps others on this computer out of your work.
      </p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="profile-actions">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button primary" disabled={busy || !name.trim() || !pinValid}>
          Create
        </button>
      </div>
    </form>
  );
}
