// First run: today's questions (name, experience, game elements), then the path (role, goal
// with a weekly time, learning preference), then an optional placement quiz. Nothing is saved
// until the learner starts, so leaving half-way asks again next time.
import { useCallback, useId, useState, type FormEvent } from 'react';
import { roleTable, type PlacementStep } from '../../../../preload/contract/path';
import { experienceLevels, gamificationModes, type Profile } from '../../../../preload/contract/profile';
import { useAppStore } from '../../app/app-store';
import { client } from '../../platform/client';
import { useCourses } from '../learn/use-courses';
import { messageOf } from '../../../../preload/contract';
import { gamificationModeLabels } from '../settings/labels';
import { PathQuestions, type PathAnswers } from './PathQuestions';
import { PlacementQuiz } from './PlacementQuiz';
import './onboarding.css';
import { onSubmitRun } from '../../platform/on-submit';

const experienceLabels: Record<Profile['experienceLevel'], string> = {
  new: 'New to programming',
  some: 'I have written some code',
  experienced: 'I program already and want a new language',
};

type Step = 'about' | 'path' | 'placement' | 'placed';

export function FirstRun() {
  const completeFirstRun = useAppStore((state) => state.completeFirstRun);
  const [step, setStep] = useState<Step>('about');
  const [name, setName] = useState('');
  const [experienceLevel, setExperience] = useState<Profile['experienceLevel']>('new');
  const [gamificationMode, setMode] = useState<Profile['gamificationMode']>(roleTable['self-learner'].gamificationMode);
  // Until the learner picks game elements themselves, their role sets them (the role table).
  const [modeChosen, setModeChosen] = useState(false);
  const [path, setPath] = useState<PathAnswers>({ goal: '', role: 'self-learner', weeklyMinutes: 120, preference: 'show-first' });
  const [placementCourse, setPlacementCourse] = useState('');
  const [placed, setPlaced] = useState<PlacementStep | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const ids = { name: useId(), course: useId() };
  const { courses } = useCourses();
  const course = placementCourse || courses?.[0]?.id || '';

  const changePath = (patch: Partial<PathAnswers>) => {
    setPath((current) => ({ ...current, ...patch }));
    if (patch.role && !modeChosen) setMode(roleTable[patch.role].gamificationMode);
  };

  const about = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setError('Tell us what to call you.');
      return;
    }
    setError(null);
    setStep('path');
  };

  const start = async () => {
    setSaving(true);
    try {
      const { goal, ...preferences } = path;
      await client().call('path.updatePreferences', preferences);
      await completeFirstRun({ name, goal, experienceLevel, gamificationMode, timezone: Intl.DateTimeFormat().resolvedOptions().timeZone });
    } catch (caught) {
      setError(messageOf(caught));
      setSaving(false);
    }
  };

  const placementDone = useCallback((result: PlacementStep) => {
    setPlaced(result);
    setStep('placed');
  }, []);

  const errorLine = error && (
    <p className="form-error" role="alert">
      {error}
    </p>
  );

  if (step === 'about') {
    return (
      <main className="first-run">
        <form className="first-run-card" onSubmit={about} aria-labelledby="first-run-title">
          <h1 id="first-run-title">Welcome to Dronacharya</h1>
          <p className="muted">A few questions so lessons and the tutor fit you. Everything stays on this computer; no account is needed.</p>

          <label htmlFor={ids.name}>What should we call you?</label>
          <input id={ids.name} value={name} onChange={(e) => setName(e.target.value)} autoFocus maxLength={80} />

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
                <input
                  type="radio"
                  name="gamification"
                  value={mode}
                  checked={gamificationMode === mode}
                  onChange={() => {
                    setMode(mode);
                    setModeChosen(true);
                  }}
                />
                <span>
                  <strong>{gamificationModeLabels[mode].label}</strong> <span className="muted">— {gamificationModeLabels[mode].description}</span>
                </span>
              </label>
            ))}
          </fieldset>
          {errorLine}
          <button className="button primary" type="submit">
            Continue
          </button>
        </form>
      </main>
    );
  }

  if (step === 'path') {
    return (
      <main className="first-run">
        <form className="first-run-card" aria-labelledby="first-run-path-title" onSubmit={onSubmitRun(start)}>
          <h1 id="first-run-path-title">Your path</h1>
          <p className="muted">Your role sets the game elements and how the tutor speaks to you; you can change all of it in Settings.</p>
          <PathQuestions value={path} onChange={changePath} />
          <p className="muted">
            Game elements: <strong>{gamificationModeLabels[gamificationMode].label}</strong>
          </p>

          {courses && courses.length > 0 && (
            <fieldset>
              <legend>Know some of it already? (optional)</legend>
              <p className="muted">
                A short placement quiz, about ten minutes, skippable at any point. Lessons it shows you know are marked tested out; they stay open.
              </p>
              <label htmlFor={ids.course}>Course</label>
              <select id={ids.course} value={course} onChange={(e) => setPlacementCourse(e.target.value)}>
                {courses.map((option) => (
                  <option key={option.id} value={option.id}>
                    {option.title}
                  </option>
                ))}
              </select>
              <button type="button" className="button" disabled={!course} onClick={() => setStep('placement')}>
                Take the placement quiz
              </button>
            </fieldset>
          )}
          {errorLine}
          <div className="first-run-actions">
            <button type="button" className="button" onClick={() => setStep('about')}>
              Back
            </button>
            <button className="button primary" type="submit" disabled={saving}>
              {saving ? 'Saving…' : 'Start learning'}
            </button>
          </div>
        </form>
      </main>
    );
  }

  return (
    <main className="first-run">
      <div className="first-run-card" role="group" aria-labelledby="first-run-placement-title">
        <h1 id="first-run-placement-title">Placement quiz</h1>
        {step === 'placement' ? <PlacementQuiz courseId={course} onDone={placementDone} /> : <PlacementSummary result={placed} />}
        {errorLine}
        {step === 'placed' && (
          <button className="button primary" type="button" disabled={saving} onClick={() => void start()}>
            {saving ? 'Saving…' : 'Start learning'}
          </button>
        )}
      </div>
    </main>
  );
}

export function PlacementSummary({ result }: { result: PlacementStep | null }) {
  if (!result) return null;
  const lessons = result.testedOut.length;
  return (
    <p role="status">
      {result.asked === 0
        ? 'No questions answered: every lesson stays on your path.'
        : `${result.asked} question${result.asked === 1 ? '' : 's'} answered. ${
            lessons === 0
              ? 'No lesson is tested out yet: your path starts at the beginning.'
              : `You tested out of ${lessons} lesson${lessons === 1 ? '' : 's'}; they stay open to study.`
          }`}
    </p>
  );
}
