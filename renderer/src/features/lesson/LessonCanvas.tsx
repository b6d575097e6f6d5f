// The immersive lesson canvas. Its mode follows the lesson type: Concept (text full width,
// "Try it" runs), Code (instructions beside the editor, output below), Challenge (Code plus a
// timer against par, tests and hints), Quiz (one question at a time), Reflection (journal).
import { CheckCircle2, ChevronLeft, ChevronRight } from 'lucide-react';
import { lazy, Suspense, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Group, Panel, Separator } from 'react-resizable-panels';
import type { LessonStanding } from '../../../../preload/contract/lesson';
import type { CheckResult } from '../../../../preload/contract/sandbox';
import { useAppStore } from '../../app/app-store';
import { client } from '../../platform/client';
import { useCall } from '../../platform/use-call';
import { preloadCodeEditor } from '../editor/LazyCodeEditor';
import { useRegisterCommands, type AppCommand } from '../palette/command-registry';
import { useLessonFocus } from '../shell/view-focus';
import { useActiveTime } from './active-time';
import { ChallengeTimer, useElapsedSeconds } from './ChallengeBar';
import { Hints } from './HintControl';
import { CompletionBar, useLessonAwards } from './CompletionBar';
import { exerciseLessonTypes, markCompleteLessonTypes, type LessonContent } from '../../../../preload/contract/courses';
import type { LessonPlace } from './lesson-types';
import { CodeAlongSteps } from './CodeAlongSteps';
import { ProjectMilestones } from './ProjectMilestones';
import { ConceptChecks } from './ConceptChecks';
import { GuidedDialogue } from './GuidedDialogue';
import { QuizMode } from './QuizMode';
import { ReflectionMode } from './ReflectionMode';
import { useRunStore } from './run-store';
import { Workbench } from './Workbench';
import { connectWorkspaceEvents, useWorkspaceStore } from './workspace-store';
import { messageOf } from '../../../../preload/contract';
import { TutorCue } from '../tutor/TutorCue';
import { useTutorInitiative } from '../tutor/use-initiative';

// Markdown, GFM and highlight.js are about a third of the renderer: they load with the first
// lesson, after the shell has painted.
const LessonMarkdown = lazy(() => import('../learn/LessonMarkdown').then((module) => ({ default: module.LessonMarkdown })));
import './lesson.css';

export interface LessonCanvasProps {
  readonly lesson: LessonContent;
  readonly place: LessonPlace;
  /** Opens another lesson of the same course (previous/next). */
  onNavigate(lessonId: string): void;
  /** The lesson's standing changed (completed...): the course outline may refresh. */
  onStandingChange?(standing: LessonStanding): void;
}

function say(level: 'info' | 'error', message: string) {
  useAppStore.getState().appendOutput({ level, source: 'lesson', message });
}

/**
 * The last Check, read where it is drawn: a Check's result redraws these few parts, not the whole
 * canvas (its header, the lesson's text and the editor).
 */
function WithLastCheck({ children }: { children: (lastCheck: CheckResult | null) => ReactNode }) {
  const lastCheck = useRunStore((state) => state.lastCheck);
  return <>{children(lastCheck)}</>;
}

/** The tutor's nudges, asked again after each Check (use-initiative.ts); draws nothing. */
function TutorInitiative({ lesson, standing }: { lesson: LessonContent; standing: unknown }) {
  const lastCheck = useRunStore((state) => state.lastCheck);
  useTutorInitiative(lesson, lastCheck, standing);
  return null;
}

/** One canvas per lesson: opening another lesson starts fresh state (timer, standing, results). */
export function LessonCanvas(props: LessonCanvasProps) {
  return <LessonCanvasFor key={`${props.lesson.courseId}/${props.lesson.lessonId}`} {...props} />;
}

function LessonCanvasFor({ lesson, place, onNavigate, onStandingChange }: LessonCanvasProps) {
  // Opening the lesson tells main when it started (the time a passing Check is measured from).
  const { data: standing, error: standingError, setData: setStanding } = useCall('lesson.open', { courseId: lesson.courseId, lessonId: lesson.lessonId });
  const workspaceError = useWorkspaceStore((state) => state.error);
  const workspaceReady = useWorkspaceStore((state) => state.ref?.lessonId === lesson.lessonId && !state.loading && state.files.length > 0);
  const isExercise = exerciseLessonTypes.has(lesson.type) && lesson.hasExercise;
  const completed = standing?.status === 'completed';
  // A challenge's clock is main's (it carries on after a reload); the canvas only ticks it along.
  const elapsed = useElapsedSeconds(standing?.challenge?.elapsedSeconds ?? 0, lesson.type === 'challenge' && !completed);
  // A concept intro with inline checks is marked complete once every check is answered right.
  const [checksRight, setChecksRight] = useState(!lesson.checks?.length);
  useActiveTime(lesson.courseId, lesson.lessonId);
  useLessonFocus(isExercise);

  const lessonAwards = useLessonAwards();
  // Finished here and now (not a lesson done before): the moment to celebrate and move on.
  const [justCompleted, setJustCompleted] = useState(false);
  const shownStatus = standing?.status;
  const updateStanding = useCallback(
    (next: LessonStanding) => {
      if (next.status === 'completed' && shownStatus !== undefined && shownStatus !== 'completed') setJustCompleted(true);
      setStanding(next);
      onStandingChange?.(next);
    },
    [onStandingChange, setStanding, shownStatus],
  );
  const goNext = useCallback(() => place.next && onNavigate(place.next.lessonId), [place.next, onNavigate]);
  const completionBar = justCompleted && (
    <CompletionBar
      {...lessonAwards}
      lessonType={lesson.type}
      hintsUsed={standing?.revealedHints.length ?? 0}
      hintXpCost={lesson.challenge?.hintXpCost}
      next={place.next ?? null}
      takeFocus={lesson.type !== 'quiz'}
      onContinue={goNext}
    />
  );

  useEffect(() => connectWorkspaceEvents(), []);

  useEffect(() => {
    if (standingError) say('error', standingError);
  }, [standingError]);

  useEffect(() => {
    useRunStore.getState().reset();
    if (isExercise) {
      preloadCodeEditor();
      const ref = { courseId: lesson.courseId, lessonId: lesson.lessonId };
      // Where the learner left it: the last Check comes back with the files.
      void useWorkspaceStore
        .getState()
        .open(ref)
        .then(() => useRunStore.getState().restore(ref));
    } else {
      void useWorkspaceStore.getState().leave();
    }
  }, [lesson.courseId, lesson.lessonId, isExercise]);

  const run = useCallback(() => {
    if (!standing?.exercise) return;
    void useRunStore.getState().run(standing.exercise.language, standing.exercise.entry);
  }, [standing]);

  // A passing Check completes the lesson inside main; the canvas only reads the new standing.
  const check = useCallback(async () => {
    if (!isExercise) return;
    const result = await useRunStore.getState().check();
    if (result?.status !== 'pass' || completed) return;
    try {
      const next = await client().call('lesson.standing', { courseId: lesson.courseId, lessonId: lesson.lessonId });
      updateStanding(next);
    } catch (error) {
      say('error', messageOf(error));
    }
  }, [isExercise, completed, lesson, updateStanding]);
  const onCheck = useCallback(() => void check(), [check]);

  const markComplete = useCallback(async () => {
    try {
      updateStanding(await client().call('lesson.complete', { courseId: lesson.courseId, lessonId: lesson.lessonId }));
    } catch (error) {
      say('error', messageOf(error));
    }
  }, [lesson, updateStanding]);

  // "Try it" shows its output under the example (TryItExample), not in the bottom panel.
  const tryIt = useCallback(
    (code: string, language: 'python' | 'javascript') =>
      useRunStore.getState().runScratch(language, code, { courseId: lesson.courseId, lessonId: lesson.lessonId }),
    [lesson.courseId, lesson.lessonId],
  );

  const commands = useMemo<AppCommand[]>(() => {
    const list: AppCommand[] = [];
    if (isExercise) {
      list.push(
        { id: 'lesson.run', title: 'Run the program', category: 'Lesson', shortcut: 'Mod+Enter', run },
        { id: 'lesson.check', title: 'Check against the tests', category: 'Lesson', shortcut: 'Mod+Shift+Enter', run: () => void check() },
        { id: 'lesson.save', title: 'Save file', category: 'Lesson', shortcut: 'Mod+S', run: () => void useWorkspaceStore.getState().save() },
      );
    }
    if (markCompleteLessonTypes.has(lesson.type))
      list.push({ id: 'lesson.complete', title: 'Mark lesson complete', category: 'Lesson', run: () => void markComplete() });
    for (const [direction, target, shortcut] of [
      ['Next', place.next, 'Alt+ArrowRight'],
      ['Previous', place.previous, 'Alt+ArrowLeft'],
    ] as const) {
      if (target)
        list.push({
          id: `lesson.${direction.toLowerCase()}`,
          title: `${direction} lesson: ${target.title}`,
          category: 'Lesson',
          shortcut,
          run: () => onNavigate(target.lessonId),
        });
    }
    return list;
  }, [isExercise, run, check, markComplete, lesson.type, place, onNavigate]);
  useRegisterCommands(commands);

  const completedCount = place.completedCount;
  const percent = place.total === 0 ? 0 : Math.round((completedCount / place.total) * 100);

  const header = (
    <header className="lesson-header">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <ol>
          <li>{place.courseTitle}</li>
          <li>{place.moduleTitle}</li>
          <li aria-current="page">{lesson.title}</li>
        </ol>
      </nav>
      <div className="lesson-header-row">
        <h1 className="lesson-title">{lesson.title}</h1>
        <span className="lesson-type">{lesson.type}</span>
        {completed && (
          <span className="lesson-done" role="status">
            <CheckCircle2 size={14} aria-hidden="true" /> Completed
          </span>
        )}
        <span className="status-spacer" />
        {lesson.type === 'challenge' && <ChallengeTimer lesson={lesson} elapsed={elapsed} onLimit={() => void check()} />}
        {markCompleteLessonTypes.has(lesson.type) && !completed && (
          <button
            className="button primary"
            onClick={() => void markComplete()}
            disabled={!standing || !checksRight}
            title={checksRight ? undefined : 'Answer the questions under the lesson first'}
          >
            Mark complete
          </button>
        )}
        <button
          className="icon-button"
          aria-label="Previous lesson"
          disabled={!place.previous}
          onClick={() => place.previous && onNavigate(place.previous.lessonId)}
        >
          <ChevronLeft size={16} aria-hidden="true" />
        </button>
        <button className="icon-button" aria-label="Next lesson" disabled={!place.next} onClick={() => place.next && onNavigate(place.next.lessonId)}>
          <ChevronRight size={16} aria-hidden="true" />
        </button>
      </div>
      <div
        className="course-progress"
        role="progressbar"
        aria-label="Course progress"
        aria-valuemin={0}
        aria-valuemax={place.total}
        aria-valuenow={completedCount}
        aria-valuetext={`${completedCount} of ${place.total} lessons complete; this is lesson ${place.index + 1}`}
      >
        <div className="course-progress-fill" style={{ width: `${percent}%` }} />
      </div>
    </header>
  );

  const instructions = (
    <article className="lesson-text" aria-label="Lesson">
      {lesson.objectives.length > 0 && (
        <section aria-label="Objectives" className="objectives">
          <h2 className="visually-hidden">Objectives</h2>
          <ul>
            {lesson.objectives.map((objective) => (
              <li key={objective}>{objective}</li>
            ))}
          </ul>
        </section>
      )}
      <Suspense
        fallback={
          <p className="muted" role="status">
            Loading the lesson…
          </p>
        }
      >
        <LessonMarkdown body={lesson.body} onTryIt={tryIt} />
      </Suspense>
    </article>
  );

  if (!isExercise) {
    return (
      <div className="lesson-canvas" data-lesson-id={lesson.lessonId}>
        {header}
        <div className="lesson-scroll" tabIndex={0} role="region" aria-label="Lesson text">
          <div className="lesson-column">
            {instructions}
            {lesson.checks && <ConceptChecks lesson={lesson} onAllRight={setChecksRight} />}
            {lesson.type === 'quiz' && <QuizMode key={lesson.lessonId} lesson={lesson} onStanding={updateStanding} />}
            {lesson.type === 'reflection' && <ReflectionMode key={lesson.lessonId} lesson={lesson} onStanding={updateStanding} />}
            {exerciseLessonTypes.has(lesson.type) && !lesson.hasExercise && <p className="muted">This lesson's exercise is missing from the course bundle.</p>}
          </div>
        </div>
        <TutorInitiative lesson={lesson} standing={standing} />
        <TutorCue courseId={lesson.courseId} lessonId={lesson.lessonId} />
        {completionBar}
      </div>
    );
  }

  return (
    <div className="lesson-canvas" data-lesson-id={lesson.lessonId}>
      {header}
      <Group orientation="horizontal" className="lesson-split">
        <Panel id="instructions" defaultSize="36%" minSize="22%">
          <div className="lesson-scroll" tabIndex={0} role="region" aria-label="Lesson text">
            {instructions}
            {lesson.guided && standing && (
              <WithLastCheck>
                {(lastCheck) => <GuidedDialogue lesson={lesson} standing={standing} lastCheck={lastCheck} onStanding={updateStanding} />}
              </WithLastCheck>
            )}
            {lesson.codeAlong && <WithLastCheck>{(lastCheck) => <CodeAlongSteps lesson={lesson} lastCheck={lastCheck} />}</WithLastCheck>}
            {lesson.project && standing && <ProjectMilestones lesson={lesson} standing={standing} onStanding={updateStanding} />}
            {standing && <Hints lesson={lesson} standing={standing} onStanding={updateStanding} />}
            {lesson.type === 'challenge' && (
              <WithLastCheck>
                {(lastCheck) =>
                  lastCheck && (
                    <p className="muted">
                      Tests: {lastCheck.tests.filter((test) => test.status === 'pass').length} / {lastCheck.tests.length} passing
                    </p>
                  )
                }
              </WithLastCheck>
            )}
          </div>
        </Panel>
        <Separator className="sash sash-vertical" aria-label="Resize instructions" />
        <Panel id="ide" minSize="35%">
          {workspaceError ? (
            <p className="form-error panel-pad">{workspaceError}</p>
          ) : workspaceReady && standing?.exercise ? (
            <Workbench language={standing.exercise.language} entry={standing.exercise.entry} onRun={run} onCheck={onCheck} />
          ) : (
            <p className="muted panel-pad" role="status">
              Opening the workspace…
            </p>
          )}
        </Panel>
      </Group>
      <TutorInitiative lesson={lesson} standing={standing} />
      <TutorCue courseId={lesson.courseId} lessonId={lesson.lessonId} />
      {completionBar}
    </div>
  );
}
