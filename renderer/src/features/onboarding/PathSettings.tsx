// Settings › Your path: what first run asked (role, goal and weekly time, learning preference),
// saved as it changes, and the placement quiz to take (again) for any installed course.
import { useCallback, useId, useState } from 'react';
import { messageOf } from '../../../../preload/contract';
import type { PathPreferences, PlacementStep } from '../../../../preload/contract/path';
import { useAppStore } from '../../app/app-store';
import { client } from '../../platform/client';
import { useCall } from '../../platform/use-call';
import { useCourses } from '../learn/use-courses';
import { useLearnStore } from '../learn/learn-store';
import { PlacementSummary } from './FirstRun';
import { PathQuestions, type PathAnswers } from './PathQuestions';
import { PlacementQuiz } from './PlacementQuiz';
import './onboarding.css';

export function PathSettingsSection() {
  const profile = useAppStore((state) => state.profile);
  const { data: stored, setData } = useCall('path.preferences', {});
  // The choice shows at once; main's answer replaces it.
  const [chosen, setChosen] = useState<Partial<PathPreferences>>({});
  const [goal, setGoal] = useState(profile?.goal ?? '');
  const [error, setError] = useState<string | null>(null);
  const { courses } = useCourses();
  const [course, setCourse] = useState('');
  const [placing, setPlacing] = useState(false);
  const [placed, setPlaced] = useState<PlacementStep | null>(null);
  const courseId = useId();
  const placementCourse = course || courses?.[0]?.id || '';

  const change = (patch: Partial<PathAnswers>) => {
    const { goal: nextGoal, ...preferences } = patch;
    setError(null);
    if (nextGoal !== undefined) {
      setGoal(nextGoal);
      void useAppStore
        .getState()
        .updateProfile({ goal: nextGoal })
        .catch((caught: unknown) => setError(messageOf(caught)));
    }
    if (Object.keys(preferences).length > 0) {
      setChosen((current) => ({ ...current, ...preferences }));
      client()
        .call('path.updatePreferences', preferences as Partial<PathPreferences>)
        .then((saved) => {
          setData(saved);
          setChosen({});
          useLearnStore.getState().invalidate();
        })
        .catch((caught: unknown) => setError(messageOf(caught)));
    }
  };
  const done = useCallback((result: PlacementStep) => {
    setPlacing(false);
    setPlaced(result);
    useLearnStore.getState().invalidate();
  }, []);

  return (
    <section id="settings-path" aria-labelledby="settings-path-title" className="settings-path">
      <h2 id="settings-path-title">Your path</h2>
      {stored && <PathQuestions value={{ ...stored, ...chosen, goal }} onChange={change} />}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {courses && courses.length > 0 && (
        <>
          <label htmlFor={courseId}>Placement quiz for</label>
          <span>
            <select id={courseId} value={placementCourse} disabled={placing} onChange={(e) => setCourse(e.target.value)}>
              {courses.map((option) => (
                <option key={option.id} value={option.id}>
                  {option.title}
                </option>
              ))}
            </select>{' '}
            {!placing && (
              <button
                type="button"
                className="button"
                onClick={() => {
                  setPlaced(null);
                  setPlacing(true);
                }}
              >
                Take the placement quiz
              </button>
            )}
          </span>
          {placing && <PlacementQuiz courseId={placementCourse} onDone={done} />}
          <PlacementSummary result={placed} />
        </>
      )}
    </section>
  );
}
