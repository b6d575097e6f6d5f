// The path questions (role, goal and weekly time, learning preference), asked at first run
// and editable in Settings: one set of controls, the caller decides when to save.
import { useId } from 'react';
import { learnerRoles, learningPreferences, roleTable, type PathPreferences } from '../../../../preload/contract/path';

const preferenceLabels: Record<PathPreferences['preference'], [string, string]> = {
  'show-first': ['Show me first', 'Read the explanation, then practise'],
  'try-first': ['Let me try first', 'Start with the exercise, read the explanation after'],
};

export interface PathAnswers extends PathPreferences {
  readonly goal: string;
}

export function PathQuestions({ value, onChange }: { value: PathAnswers; onChange: (patch: Partial<PathAnswers>) => void }) {
  const ids = { goal: useId(), weekly: useId(), weeklyNote: useId() };
  return (
    <>
      <fieldset>
        <legend>You are a…</legend>
        {learnerRoles.map((role) => (
          <label key={role} className="choice">
            <input type="radio" name="role" value={role} checked={value.role === role} onChange={() => onChange({ role })} />
            {roleTable[role].label}
          </label>
        ))}
      </fieldset>

      <label htmlFor={ids.goal}>Your goal: what do you want to be able to do? (optional)</label>
      <textarea
        id={ids.goal}
        value={value.goal}
        onChange={(e) => onChange({ goal: e.target.value })}
        maxLength={280}
        rows={2}
        placeholder="Automate my spreadsheets, pass an interview, build a game…"
      />
      <label htmlFor={ids.weekly}>Time for it each week, in minutes</label>
      <input
        id={ids.weekly}
        type="number"
        min={0}
        max={3000}
        step={15}
        value={value.weeklyMinutes}
        aria-describedby={ids.weeklyNote}
        onChange={(e) => {
          const minutes = Number(e.target.value);
          if (Number.isInteger(minutes) && minutes >= 0 && minutes <= 3000) onChange({ weeklyMinutes: minutes });
        }}
      />
      <span id={ids.weeklyNote} className="muted">
        Next up tells you whether you are on track; 0 sets no target.
      </span>

      <fieldset>
        <legend>How do you like to learn?</legend>
        {learningPreferences.map((preference) => (
          <label key={preference} className="choice">
            <input type="radio" name="preference" value={preference} checked={value.preference === preference} onChange={() => onChange({ preference })} />
            <span>
              <strong>{preferenceLabels[preference][0]}</strong> <span className="muted">— {preferenceLabels[preference][1]}</span>
            </span>
          </label>
        ))}
      </fieldset>
    </>
  );
}
