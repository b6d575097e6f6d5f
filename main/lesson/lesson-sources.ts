// What lesson activity (lesson-activity.ts) needs from the rest of main, as narrow ports the
// composition root fills: the lesson's and exercise's facts, answer keys, the run history's
// Checks, the progress service's recording, Practice and the learner model.
import type { LessonContent, MilestoneView } from '../../preload/contract/courses';
import type { CheckResult } from '../../preload/contract/sandbox';
import type { LessonKeys } from '../courses/lesson-content/lesson-content-service';
import type { MasteryStore } from '../learner/mastery-store';
import type { NewCard } from '../practice/practice-service';
import type { GuidedStepForJudge } from '../tutor/guided-judge';
import type { OtherJudgement } from './guided-steps';

/** The parts of a lesson the canvas's rules need (the course service's getLesson has more). */
export interface LessonFacts {
  readonly type: string;
  readonly parTimeMinutes?: number;
  readonly quiz?: LessonContent['quiz'];
  readonly reflection?: { readonly prompt: string } | null;
  readonly challenge?: { readonly allowanceMinutes: number; readonly hintXpCost?: number } | null;
  readonly project?: LessonContent['project'];
  /** The lesson's Markdown: Mark complete counts as fast only after time enough to read it. */
  readonly body?: string;
}

export interface ExerciseFacts {
  readonly language: 'python' | 'javascript';
  readonly entry: string;
  readonly hints: readonly string[];
}

/** What lesson activity needs from other services; each may be missing while that domain is not built. */
export interface LessonSources {
  getLesson(courseId: string, lessonId: string): Promise<LessonFacts | null>;
  getExercise(courseId: string, lessonId: string): Promise<ExerciseFacts | null>;
  /** A lesson's answer keys (guided steps, a reflection's follow-up), when the course service is there. */
  keys?(courseId: string, lessonId: string): Promise<LessonKeys | null>;
  /** The lesson's newest recorded Check (a guided check step is judged from it). */
  lastCheck?(courseId: string, lessonId: string): CheckResult | null;
  /** The Mentor's one question back on a reflection (null without a provider: the authored follow-up is used). */
  askBack?(courseId: string, lessonId: string, reflection: string): Promise<string | null>;
  /** The tutor's judgement of a guided step's free answer against its intent (null without a provider: the answer key and authored follow-up stand). */
  judgeFree?(courseId: string, lessonId: string, step: GuidedStepForJudge, answer: string): Promise<OtherJudgement | null>;
  /** The Project Guide's review of a milestone submission against its rubric (null without a provider: the rubric review from the checks is used). */
  reviewMilestone?(courseId: string, lessonId: string, milestone: MilestoneView, acceptance: string): Promise<string | null>;
  /** Reports a learning event to the progress service, when there is one. */
  record(event: Record<string, unknown> & { kind: string; idempotencyKey: string }): Promise<void>;
  /** How many Checks of the lesson the run history holds before the one with this id. */
  checksBefore(courseId: string, lessonId: string, checkId: number): number;
  /** Puts the questions a quiz attempt missed into spaced review (Practice), when there is one. */
  review?(cards: readonly NewCard[]): void;
  /** The learner model: each event's evidence is applied inside the transaction that records it. */
  mastery?: Pick<MasteryStore, 'apply'>;
}
