// A guided discovery's steps in the learner's record: each answer is an `attempts` row of kind
// `step` (detail: the step and the answer), so the passed steps are those with a right answer.
// Judging is the pure step engine's; a check step is judged from main's own latest Check.
import { and, eq } from 'drizzle-orm';
import { DronaError } from '../../preload/contract/errors';
import type { StepAnswerInput } from '../../preload/contract/lesson';
import type { CheckResult } from '../../preload/contract/sandbox';
import { canAnswer, isComplete, judgeStep, stepStates, type StepAnswer, type StepVerdict } from '../../common/rules/lesson-steps';
import type { LessonKeys } from '../courses/lesson-content/lesson-content-service';
import type { Store } from '../store/open-store';
import { attempts } from '../store/schema';

type Guided = NonNullable<LessonKeys['guided']>;

function passedSteps(store: Store, courseId: string, lessonId: string): Set<string> {
  const rows = store.db
    .select({ detail: attempts.detail })
    .from(attempts)
    .where(and(eq(attempts.courseId, courseId), eq(attempts.lessonId, lessonId), eq(attempts.kind, 'step'), eq(attempts.passed, true)))
    .all();
  return new Set(
    rows.flatMap(({ detail }) => (detail && typeof detail === 'object' && 'stepId' in detail && typeof detail.stepId === 'string' ? [detail.stepId] : [])),
  );
}

/** The standing's guided part: the steps passed in order, and the discovery once all are. */
export function guidedStanding(
  store: Store,
  courseId: string,
  lessonId: string,
  guided: Guided | undefined,
): { stepsPassed: string[]; discovery: string | null } {
  if (!guided) return { stepsPassed: [], discovery: null };
  const ids = guided.steps.map((step) => step.id);
  const passed = passedSteps(store, courseId, lessonId);
  const states = stepStates(ids, passed);
  return { stepsPassed: ids.filter((_, index) => states[index] === 'passed'), discovery: isComplete(ids, passed) ? guided.discovery : null };
}

/** The step to answer: only the current one is open (steps unlock in order); any other is refused. */
export function openGuidedStep(store: Store, input: { courseId: string; lessonId: string; guided: Guided; stepId: string }): Guided['steps'][number] {
  const { courseId, lessonId, guided, stepId } = input;
  const ids = guided.steps.map((candidate) => candidate.id);
  const step = guided.steps.find((candidate) => candidate.id === stepId);
  if (!step) throw new DronaError('not_found', `This lesson has no step "${stepId}".`);
  const passed = passedSteps(store, courseId, lessonId);
  if (!canAnswer(ids, passed, stepId))
    throw new DronaError(
      'conflict',
      isComplete(ids, passed) ? 'Every step of this lesson is already answered.' : 'Answer the steps in order: this one is not open yet.',
    );
  return step;
}

/** A judgement from elsewhere than the answer key: the tutor's, of a free answer against the step's intent. */
export interface OtherJudgement {
  readonly verdict: StepVerdict;
  readonly followUp: string | null;
}

/**
 * Judges and records an answer to the current step (any other step is refused). The tutor's
 * judgement, when given, stands for the answer key's. Returns the verdict, the follow-up when
 * wrong (the tutor's own, else the authored one), and whether the discovery is reached.
 */
export function answerGuidedStep(
  store: Store,
  input: {
    courseId: string;
    lessonId: string;
    guided: Guided;
    stepId: string;
    answer: StepAnswerInput;
    lastCheck: CheckResult | null;
    now: number;
    tutor?: OtherJudgement | null;
  },
): { verdict: StepVerdict; followUp: string | null; judgedBy: 'lesson' | 'tutor'; complete: boolean } {
  const { courseId, lessonId, guided, stepId } = input;
  const ids = guided.steps.map((candidate) => candidate.id);
  const step = openGuidedStep(store, input);
  if (input.answer.kind === 'check' && !input.lastCheck) throw new DronaError('conflict', 'Press Check first: this step is answered by the tests.');
  const answer: StepAnswer = input.answer.kind === 'check' ? { kind: 'check', results: input.lastCheck!.tests } : input.answer;
  const verdict = input.tutor?.verdict ?? judgeStep(step, answer);
  store.db
    .insert(attempts)
    .values({
      courseId,
      lessonId,
      kind: 'step',
      passed: verdict === 'right',
      score: null,
      detail: { stepId, answer: input.answer, judgedBy: input.tutor ? 'tutor' : 'lesson' },
      createdAt: input.now,
    })
    .run();
  const passed = passedSteps(store, courseId, lessonId);
  return {
    verdict,
    followUp: verdict === 'wrong' ? (input.tutor?.followUp ?? step.followUp) : null,
    judgedBy: input.tutor ? 'tutor' : 'lesson',
    complete: isComplete(ids, passed),
  };
}
