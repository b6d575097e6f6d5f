// The learner's standing in one lesson (lesson_progress, hint_reveals, journal_entries; the
// attempts through guided-steps, project-milestones and quiz-submission) and the ways a lesson
// completes: Mark complete (where the type allows), a passing Check (told by the sandbox inside
// main), a passed quiz, a saved reflection, the discovery, the last milestone. XP and
// streaks are the progress service's: each completion is also reported to it as a LearningEvent.
import { and, desc, eq, sql } from 'drizzle-orm';
import { DronaError } from '../../preload/contract/errors';
import { exerciseLessonTypes, markCompleteLessonTypes } from '../../preload/contract/courses';
import type { LessonStanding, MilestoneOutcome, QuizProgress, StepAnswerInput, StepOutcome } from '../../preload/contract/lesson';
import { answerGuidedStep, guidedStanding, openGuidedStep } from './guided-steps';
import { milestoneStanding, submitMilestone } from './project-milestones';
import { judgeStep } from '../../common/rules/lesson-steps';
import { challengeStanding, startChallengeClock } from './challenge-clock';
import { askedQuestion, keepAskedQuestion } from './reflection-question';
import type { CheckResult } from '../../preload/contract/sandbox';
import { checkEvidence, hintEvidence, lessonConcepts, timeRatioOf } from '../learner/evidence';
import type { Store } from '../store/open-store';
import { hintXpCost } from '../../common/rules/hint-cost';
import { localDate } from '../../common/rules/streaks';
import { QuizProgressStore, resumableQuizProgress } from './quiz-progress';
import { recordQuizAttempt } from './quiz-submission';
import { wasRead } from './reading';
import type { LessonFacts, LessonSources } from './lesson-sources';
import { activeTime, hintReveals, journalEntries, lessonProgress, lessons, profile } from '../store/schema';

// The lesson types that complete by "Mark complete" and by a passing Check (the contract's lists).
const markCompleteTypes: ReadonlySet<string> = markCompleteLessonTypes;
const exerciseTypes: ReadonlySet<string> = exerciseLessonTypes;

const lessonKey = (courseId: string, lessonId: string) => `${courseId}\u0000${lessonId}`;

export class LessonActivity {
  /** When the canvas last opened each lesson, by main's clock; in memory, as a visit does not outlive the app. */
  private readonly opened = new Map<string, number>();
  private readonly quizzes: QuizProgressStore;

  constructor(
    private readonly store: Store,
    private readonly sources: LessonSources,
    private readonly now: () => number = Date.now,
  ) {
    this.quizzes = new QuizProgressStore(store, now);
  }

  private async lesson(courseId: string, lessonId: string): Promise<LessonFacts> {
    const lesson = await this.sources.getLesson(courseId, lessonId);
    if (!lesson) throw new DronaError('not_found', `Lesson ${courseId}/${lessonId} is not installed.`);
    return lesson;
  }

  async standing(courseId: string, lessonId: string): Promise<LessonStanding> {
    const row = this.store.db
      .select()
      .from(lessonProgress)
      .where(and(eq(lessonProgress.courseId, courseId), eq(lessonProgress.lessonId, lessonId)))
      .get();
    const [exercise, lesson] = await Promise.all([this.sources.getExercise(courseId, lessonId), this.sources.getLesson(courseId, lessonId)]);
    const revealed = this.store.db
      .select({ hintIndex: hintReveals.hintIndex })
      .from(hintReveals)
      .where(and(eq(hintReveals.courseId, courseId), eq(hintReveals.lessonId, lessonId)))
      .orderBy(hintReveals.hintIndex)
      .all();
    return {
      status: (row?.status as LessonStanding['status'] | undefined) ?? 'not_started',
      completedAt: row?.completedAt ?? null,
      exercise: exercise ? { language: exercise.language, entry: exercise.entry, hintCount: exercise.hints.length } : null,
      revealedHints: exercise ? revealed.flatMap(({ hintIndex }) => (exercise.hints[hintIndex] === undefined ? [] : [exercise.hints[hintIndex]!])) : [],
      nextHint:
        exercise && revealed.length < exercise.hints.length
          ? {
              xpCost: hintXpCost(lesson?.type ?? '', revealed.length, lesson?.challenge?.hintXpCost),
              givesAnswer: revealed.length === exercise.hints.length - 1,
            }
          : null,
      ...guidedStanding(this.store, courseId, lessonId, (await this.sources.keys?.(courseId, lessonId))?.guided),
      milestones: milestoneStanding(this.store, courseId, lessonId, lesson?.project),
      challenge: row?.status === 'completed' ? null : challengeStanding(this.store, courseId, lessonId, lesson, this.now()),
    };
  }

  private timezone(): string {
    return this.store.db.select({ timezone: profile.timezone }).from(profile).get()?.timezone ?? 'UTC';
  }

  private markStarted(courseId: string, lessonId: string): void {
    this.store.db.insert(lessonProgress).values({ courseId, lessonId, status: 'in_progress', startedAt: this.now() }).onConflictDoNothing().run();
  }

  /** Completes the lesson once; returns whether this call was the one that completed it. */
  private markCompleted(courseId: string, lessonId: string): boolean {
    this.markStarted(courseId, lessonId);
    const changed = this.store.db
      .update(lessonProgress)
      .set({ status: 'completed', completedAt: this.now() })
      .where(and(eq(lessonProgress.courseId, courseId), eq(lessonProgress.lessonId, lessonId), eq(lessonProgress.status, 'in_progress')))
      .run();
    return changed.changes > 0;
  }

  private async report(kind: string, courseId: string, lessonId: string, facts: Record<string, unknown>, key: string): Promise<void> {
    await this.sources.record({
      kind,
      courseId,
      lessonId,
      occurredAt: this.now(),
      timezone: this.timezone(),
      idempotencyKey: key,
      ...facts,
    });
  }

  /** Time spent in a lesson, idle excluded: per lesson for the roll-ups, per local day for the weekly summary. Returns the lesson's total. */
  addActiveTime(courseId: string, lessonId: string, seconds: number): number {
    this.markStarted(courseId, lessonId);
    const day = localDate(this.now(), this.timezone());
    return this.store.transaction((db) => {
      db.insert(activeTime)
        .values({ courseId, lessonId, localDate: day, seconds })
        .onConflictDoUpdate({
          target: [activeTime.courseId, activeTime.lessonId, activeTime.localDate],
          set: { seconds: sql`${activeTime.seconds} + ${seconds}` },
        })
        .run();
      const row = db
        .update(lessonProgress)
        .set({ activeSeconds: sql`${lessonProgress.activeSeconds} + ${seconds}` })
        .where(and(eq(lessonProgress.courseId, courseId), eq(lessonProgress.lessonId, lessonId)))
        .returning({ activeSeconds: lessonProgress.activeSeconds })
        .get();
      return row?.activeSeconds ?? 0;
    });
  }

  async revealHint(courseId: string, lessonId: string): Promise<LessonStanding> {
    const exercise = await this.sources.getExercise(courseId, lessonId);
    if (!exercise || exercise.hints.length === 0) throw new DronaError('not_found', 'This lesson has no hints.');
    const before = await this.standing(courseId, lessonId);
    const index = before.revealedHints.length;
    if (index >= exercise.hints.length) throw new DronaError('conflict', 'Every hint for this lesson is already shown.');
    this.markStarted(courseId, lessonId);
    this.store.transaction((tx) => {
      tx.insert(hintReveals).values({ courseId, lessonId, hintIndex: index, revealedAt: this.now() }).onConflictDoNothing().run();
      tx.update(lessonProgress)
        .set({ hintsRevealed: index + 1 })
        .where(and(eq(lessonProgress.courseId, courseId), eq(lessonProgress.lessonId, lessonId)))
        .run();
      this.sources.mastery?.apply(hintEvidence(courseId, lessonId, index, lessonConcepts(this.store, courseId, lessonId), this.now()));
    });
    await this.report('hint-revealed', courseId, lessonId, { hintIndex: index }, `hint-revealed:${courseId}:${lessonId}:${index}`);
    return this.standing(courseId, lessonId);
  }

  async complete(courseId: string, lessonId: string): Promise<LessonStanding> {
    const lesson = await this.lesson(courseId, lessonId);
    if (!markCompleteTypes.has(lesson.type)) {
      const how = exerciseTypes.has(lesson.type)
        ? 'it completes when its Check passes'
        : lesson.type === 'quiz'
          ? 'it completes when you pass the quiz'
          : 'it completes when you save your reflection';
      throw new DronaError('conflict', `This ${lesson.type} lesson cannot be marked complete by hand: ${how}.`);
    }
    // Completed without time to read it: it counts, but never as fast (the speed achievements),
    // and its module is never finished under par.
    const read = wasRead(this.spentSeconds(courseId, lessonId), lesson.body ?? '');
    await this.completeAs(courseId, lessonId, lesson.type, read ? {} : { underPar: false, read: false });
    return this.standing(courseId, lessonId);
  }

  /** The canvas opened the lesson: a passing Check's time counts from now (main's clock, not the window's). */
  async open(courseId: string, lessonId: string): Promise<LessonStanding> {
    this.opened.set(lessonKey(courseId, lessonId), this.now());
    const lesson = await this.sources.getLesson(courseId, lessonId);
    if (lesson) startChallengeClock(this.store, courseId, lessonId, lesson, this.now());
    return this.standing(courseId, lessonId);
  }

  /**
   * Seconds the learner spent on the lesson, from main's own records: since the canvas last
   * opened it, or the active time its heartbeats added up to if that is more (several visits).
   * Undefined when main has neither (a Check with the lesson never opened since start-up).
   */
  private spentSeconds(courseId: string, lessonId: string): number | undefined {
    const openedAt = this.opened.get(lessonKey(courseId, lessonId));
    const active =
      this.store.db
        .select({ seconds: lessonProgress.activeSeconds })
        .from(lessonProgress)
        .where(and(eq(lessonProgress.courseId, courseId), eq(lessonProgress.lessonId, lessonId)))
        .get()?.seconds ?? 0;
    if (openedAt === undefined && active === 0) return undefined;
    return Math.max(openedAt === undefined ? 0 : Math.round((this.now() - openedAt) / 1000), active);
  }

  /**
   * Any Check the run history records (called inside its transaction): the attempt and each
   * test's result become evidence on their concepts, successes timed against the lesson's par.
   */
  checkRecorded({ courseId, lessonId, checkId, result }: { courseId: string; lessonId: string; checkId: number; result: CheckResult }): void {
    const par = this.store.db
      .select({ seconds: lessons.parTimeSeconds })
      .from(lessons)
      .where(and(eq(lessons.courseId, courseId), eq(lessons.lessonId, lessonId)))
      .get()?.seconds;
    this.sources.mastery?.apply(
      checkEvidence({
        courseId,
        checkId,
        passed: result.status === 'pass',
        tests: result.tests,
        lessonConcepts: lessonConcepts(this.store, courseId, lessonId),
        timeRatio: timeRatioOf(this.spentSeconds(courseId, lessonId), par),
        at: this.now(),
      }),
    );
  }

  /**
   * A Check in which every test passed, told by the sandbox's run coordinator (never by a
   * window): counts the passing Check and completes an exercise lesson. First attempt and time
   * spent come from main's records: the run history's earlier Checks and spentSeconds.
   */
  async checkPassed({ courseId, lessonId, checkId }: { courseId: string; lessonId: string; checkId: number }): Promise<void> {
    const lesson = await this.lesson(courseId, lessonId);
    // A lesson of another type may carry an exercise to practise on; its Check completes nothing.
    if (!exerciseTypes.has(lesson.type)) return;
    // Every passing Check counts (streaks, the checks-passed achievements), once per recorded run.
    await this.report('check-passed', courseId, lessonId, { lessonType: lesson.type }, `check-passed:${courseId}:${lessonId}:${checkId}`);
    if (!this.markCompleted(courseId, lessonId)) return;
    const hints = (await this.standing(courseId, lessonId)).revealedHints.length;
    const elapsed = this.spentSeconds(courseId, lessonId);
    await this.report(
      lesson.type === 'challenge' ? 'challenge-completed' : 'lesson-completed',
      courseId,
      lessonId,
      {
        lessonType: lesson.type,
        firstAttempt: this.sources.checksBefore(courseId, lessonId, checkId) === 0,
        hintsUsed: hints,
        // The server recomputes the award from the event, so it carries the authored per-hint cost.
        ...(lesson.challenge ? { hintXpCost: lesson.challenge.hintXpCost } : {}),
        ...(elapsed === undefined ? {} : { elapsedSeconds: elapsed }),
        ...(lesson.parTimeMinutes && elapsed !== undefined ? { underPar: elapsed <= lesson.parTimeMinutes * 60 } : {}),
      },
      `lesson-completed:${courseId}:${lessonId}`,
    );
  }

  /** The quiz left part-way, if it still fits the quiz as installed. */
  async quizProgress(courseId: string, lessonId: string): Promise<QuizProgress | null> {
    const quiz = (await this.lesson(courseId, lessonId)).quiz;
    return quiz ? resumableQuizProgress(this.quizzes.read(courseId, lessonId), quiz.questions) : null;
  }

  saveQuizProgress(courseId: string, lessonId: string, progress: QuizProgress): void {
    this.quizzes.save(courseId, lessonId, progress);
  }

  async submitQuiz(
    courseId: string,
    lessonId: string,
    answers: readonly { questionId: string; selected: readonly number[] }[],
  ): Promise<{ score: number; passed: boolean; passPercent: number; missed: string[]; standing: LessonStanding }> {
    const lesson = await this.lesson(courseId, lessonId);
    if (!lesson.quiz) throw new DronaError('conflict', 'This lesson has no quiz.');
    this.markStarted(courseId, lessonId);
    const timeRatio = timeRatioOf(this.spentSeconds(courseId, lessonId), lesson.parTimeMinutes ? lesson.parTimeMinutes * 60 : undefined);
    const attempt = recordQuizAttempt(this.store, this.sources, this.quizzes, { courseId, lessonId, quiz: lesson.quiz, answers, timeRatio, now: this.now() });
    const { score, passed } = attempt;
    if (passed && this.markCompleted(courseId, lessonId)) {
      await this.report('quiz-passed', courseId, lessonId, { score, firstAttempt: attempt.firstAttempt }, `quiz-passed:${courseId}:${lessonId}`);
    }
    return { score, passed, passPercent: lesson.quiz.passPercent, missed: attempt.missed, standing: await this.standing(courseId, lessonId) };
  }

  /**
   * Saves a reflection to the journal and completes the lesson; returns the one question asked
   * back (the Mentor's with a provider, else the authored follow-up), kept so that the answer to
   * it is saved under the question actually asked.
   */
  async saveReflection(courseId: string, lessonId: string, text: string, answersFollowUp = false): Promise<LessonStanding & { followUp: string | null }> {
    const lesson = await this.lesson(courseId, lessonId);
    if (!lesson.reflection) throw new DronaError('conflict', 'This lesson does not ask for a reflection.');
    const authored = (await this.sources.keys?.(courseId, lessonId))?.reflectionFollowUp ?? null;
    const asked = answersFollowUp ? (askedQuestion(this.store, courseId, lessonId) ?? authored) : null;
    this.store.db
      .insert(journalEntries)
      .values({ courseId, lessonId, text: asked ? `${asked}\n\n${text}` : text, createdAt: this.now() })
      .run();
    await this.completeAs(courseId, lessonId, lesson.type);
    if (answersFollowUp) return { ...(await this.standing(courseId, lessonId)), followUp: null };
    const followUp = (await this.sources.askBack?.(courseId, lessonId, text)) ?? authored;
    if (followUp) keepAskedQuestion(this.store, courseId, lessonId, followUp, this.now());
    return { ...(await this.standing(courseId, lessonId)), followUp };
  }

  private async completeAs(courseId: string, lessonId: string, lessonType: string, facts: { underPar?: false; read?: false } = {}): Promise<void> {
    if (this.markCompleted(courseId, lessonId))
      await this.report('lesson-completed', courseId, lessonId, { lessonType, ...facts }, `lesson-completed:${courseId}:${lessonId}`);
  }

  /** Answers a guided discovery's current step; reaching the discovery completes the lesson. */
  async answerStep(courseId: string, lessonId: string, stepId: string, answer: StepAnswerInput): Promise<StepOutcome> {
    const lesson = await this.lesson(courseId, lessonId);
    const guided = (await this.sources.keys?.(courseId, lessonId))?.guided;
    if (!guided) throw new DronaError('conflict', 'This lesson has no guided steps.');
    this.markStarted(courseId, lessonId);
    const lastCheck = this.sources.lastCheck?.(courseId, lessonId) ?? null;
    const step = openGuidedStep(this.store, { courseId, lessonId, guided, stepId });
    // A free answer the key does not accept goes to the tutor (with a provider), who judges it against the step's intent.
    const tutor =
      answer.kind === 'free' && step.kind === 'free' && judgeStep(step, answer) === 'wrong'
        ? ((await this.sources.judgeFree?.(courseId, lessonId, step, answer.text)) ?? null)
        : null;
    const outcome = answerGuidedStep(this.store, { courseId, lessonId, guided, stepId, answer, lastCheck, now: this.now(), tutor });
    if (outcome.complete) await this.completeAs(courseId, lessonId, lesson.type);
    return { verdict: outcome.verdict, followUp: outcome.followUp, judgedBy: outcome.judgedBy, standing: await this.standing(courseId, lessonId) };
  }

  /** Submits a project's open milestone; the last one accepted completes the lesson. */
  async submitMilestone(courseId: string, lessonId: string, milestoneId: string, confirmed: readonly number[]): Promise<MilestoneOutcome> {
    const lesson = await this.lesson(courseId, lessonId);
    this.markStarted(courseId, lessonId);
    const outcome = await submitMilestone(this.store, this.sources, { courseId, lessonId, project: lesson.project, milestoneId, confirmed, now: this.now() });
    if (outcome.complete) await this.completeAs(courseId, lessonId, lesson.type);
    return { accepted: outcome.accepted, review: outcome.review, standing: await this.standing(courseId, lessonId) };
  }

  journal(courseId: string, lessonId: string): { text: string; createdAt: number }[] {
    return this.store.db
      .select({ text: journalEntries.text, createdAt: journalEntries.createdAt })
      .from(journalEntries)
      .where(and(eq(journalEntries.courseId, courseId), eq(journalEntries.lessonId, lessonId)))
      .orderBy(desc(journalEntries.id))
      .all();
  }
}
