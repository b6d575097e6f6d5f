import { useId, useState, type FormEvent } from 'react';
import { experienceLevels, gamificationModes, type Profile } from '../../../../preload/contract/profile';
import { useAppStore } from '../../app/app-store';
import { messageOf } from '../../../../preload/contract';

const experienceLabels: Record<Profile['experienceLevel'], string> = {
  new: 'New to programming',
  some: 'I have written some code',
  experienced: 'I program already and want a new language',
};

const modeLabels: Record<Profile['gamificationMode'], [string, string]> = {
  full: ['Full', 'XP, levels, streaks, badges, sounds and animations'],
  moderate: ['Moderate', 'Everything but sounds and animations'],
  minimal: ['Minimal', 'Levels, streaks and badges only'],
  off: ['Off', 'No game elements; progress is still tracked'],
};

export function FirstRun() {
  const completeFirstRun = useAppStore((state) => state.completeFirstRun);
  const [name, setName] = useState('');
  const [goal, setGoal] = useState('');
  const [experienceLevel, setExperience] = useState<Profile['experienceLevel']>('new');
  const [gamificationMode, setMode] = useState<Profile['gamificationMode']>('full');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const ids = { name: useId(), goal: useId() };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setError('Tell us what to call you.');
      return;
    }
    setSaving(true);
    try {
      await completeFirstRun({
        name,
        goal,
        experienceLevel,
        gamificationMode,
        timezone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      });
    } catch (caught) {
      setError(messageOf(caught));
      setSaving(false);
    }
  };

  return (
    <main className="first-run">
      <form className="first-run-card" onSubmit={(event) => void submit(event)} aria-labelledby="first-run-title">
        <h1 id="first-run-title">Welcome to Dronacharya</h1>
        <p className="muted">A few questions so lessons and the tutor fit you. Everything stays on this computer; no account is needed.</p>

        <label htmlFor={ids.name}>What should we call you?</label>
        <input id={ids.name} value={name} onChange={(e) => setName(e.target.value)} autoFocus maxLength={80} />

        <label htmlFor={ids.goal}>What do you want to be able to do? (optional)</label>
        <textarea
          id={ids.goal}
          value={goal}
          onChange={(e) => setGoal(e.target.value)}
          maxLength={280}
          rows={2}
          placeholder="Automate my spreadsheets, pass an interview, build a game…"
        />

        <fieldset>
          <legend>Your experience</legend>
          {experienceLevels.map((level) => (
            <label key={level} className="choice">
              <input type="radio" name="experience" value={level} checked={experienceLevel === level} onChange={() => setExperience(level)} />
              {experienceLabels[level]}
            </label>
          ))}
        </fieldset>

        <fieldset>
          <legend>Game elements</legend>
          {gamificationModes.map((mode) => (
            <label key={mode} className="choice">
              <input type="radio" name="gamification" value={mode} checked={gamificationMode === mode} onChange={() => setMode(mode)} />
              <span>
                <strong>{modeLabels[mode][0]}</strong> <span className="muted">— {modeLabels[mode][1]}</span>
              </span>
            </label>
          ))}
        </fieldset>

        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <button className="button primary" type="submit" disabled={saving}>
          {saving ? 'Saving…' : 'Start learning'}
        </button>
      </form>
    </main>
  );
}
