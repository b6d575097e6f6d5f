import { lazy, Suspense, useEffect } from 'react';
import { RecoveryScreen } from '../features/recovery/RecoveryScreen';
import { ProfilePicker } from '../features/profiles/ProfilePicker';
import { Shell } from '../features/shell/Shell';
import { StartupFrame } from '../features/shell/StartupFrame';
import { client } from '../platform/client';
import { useAppStore } from './app-store';
import { useThemeAttribute } from './use-theme';
import { useOrganisationBranding } from '../features/organisation/organisation-store';
import { resumeExam, useExamMode } from '../features/exam/exam-store';

// Shown once per learner: the first run's screens load only when needed.
const FirstRun = lazy(() => import('../features/onboarding/FirstRun').then((module) => ({ default: module.FirstRun })));
// Exam mode is rare: its screen loads when an attempt starts or resumes, not with the shell.
const ExamScreen = lazy(() => import('../features/exam/ExamScreen').then((module) => ({ default: module.ExamScreen })));

export function App() {
  // Field by field, not the whole store: a line added to the Output panel (every Run and Check
  // says two) would otherwise draw the whole shell again, inside the time a Check's result waits.
  const status = useAppStore((state) => state.status);
  const profile = useAppStore((state) => state.profile);
  const settings = useAppStore((state) => state.settings);
  const loadError = useAppStore((state) => state.loadError);
  const { load, appendOutput } = useAppStore.getState();
  useThemeAttribute(settings?.theme ?? 'system');
  useOrganisationBranding();
  const exam = useExamMode((state) => state.view);

  useEffect(() => {
    void load();
    void resumeExam();
    const offLog = client().on('app.log', (line) => appendOutput(line));
    // Everything was erased (here or in another window): start again from the first run.
    const offErased = client().on('data.erased', () => window.location.reload());
    return () => {
      offLog();
      offErased();
    };
  }, [load, appendOutput]);

  if (loadError) {
    return (
      <main className="center-screen" role="alert">
        <h1>Dronacharya cannot reach its services</h1>
        <p>{loadError}</p>
        <button className="button primary" onClick={() => void load()}>
          Try again
        </button>
      </main>
    );
  }
  if (!status) return <StartupFrame />;
  if (status.state === 'recovery') return <RecoveryScreen status={status} />;
  if (status.state === 'pick-profile') return <ProfilePicker />;
  if (!profile || !settings) return <StartupFrame />;
  if (!profile.firstRunCompleted)
    return (
      <Suspense fallback={<StartupFrame />}>
        <FirstRun />
      </Suspense>
    );
  // Exam mode replaces the whole workbench (no tutor, no Try it) until the attempt is left.
  if (exam)
    return (
      <Suspense fallback={<StartupFrame />}>
        <ExamScreen view={exam} />
      </Suspense>
    );
  return <Shell />;
}
