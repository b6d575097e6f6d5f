import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../store/open-store';
import { RunHistory } from '../sandbox/run-history';
import { activeTime, journalEntries } from '../store/schema';
import type { NewCard } from '../practice/practice-service';
import { LessonActivity } from './lesson-activity';
import { scoreQuiz } from './quiz-submission';
import type { LessonFacts } from './lesson-sources';
import { checkResultOf } from '../../preload/contract/testing/sandbox-results';

type QuizQuestion = NonNullable<LessonFacts['quiz']>['questions'][number];
/** A question whose options are named a, b, c… and correct where `correct` says. */
const question = (id: string, kind: QuizQuestion['kind'], prompt: string, correct: readonly boolean[]): QuizQuestion => ({
  id,
  kind,
  prompt,
  options: correct.map((isCorrect, index) => ({ text: String.fromCharCode(97 + index), correct: isCorrect })),
});

const quiz: NonNullable<LessonFacts['quiz']> = {
  passPercent: 50,
  questions: [question('q1', 'single', 'One?', [true, false]), question('q2', 'multiple', 'Two?', [true, true, false])],
};
const lessons: Record<string, LessonFacts> = {
  intro: { type: 'concept' },
  add: { type: 'practice' },
  sum: { type: 'challenge', parTimeMinutes: 2 },
  duel: { type: 'challenge', parTimeMinutes: 2, challenge: { allowanceMinutes: 5, hintXpCost: 7 } },
  check: { type: 'quiz', quiz },
  think: { type: 'reflection', reflection: { prompt: 'What surprised you?' } },
};

let store: Store | undefined;
afterEach(() => store?.close());

function setup() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drona-lesson-'));
  store = openStore(path.join(dir, 'drona.db'));
  const clock = { now: 1_700_000_000_000 };
  const history = new RunHistory(store, () => clock.now);
  const recorded: (Record<string, unknown> & { kind: string; idempotencyKey: string })[] = [];
  const reviews: NewCard[] = [];
  const activity = new LessonActivity(
    store,
    {
      getLesson: async (_course, lesson) => lessons[lesson] ?? null,
      getExercise: async (_course, lesson) =>
        lesson === 'add' || lesson === 'duel' ? { language: 'python', entry: 'main.py', hints: ['nudge', 'closer', 'answer'] } : null,
      record: async (event) => void recorded.push(event),
      checksBefore: (courseId, lessonId, checkId) => history.checksBefore(courseId, lessonId, checkId),
      review: (cards) => void reviews.push(...cards),
    },
    () => clock.now,
  );
  /** A Check of `lessonId` as the sandbox records it; its id, as the run coordinator passes it on. */
  const checked = (lessonId: string, status: 'pass' | 'fail') =>
    history.record({ kind: 'check', language: 'python', courseId: 'py', lessonId, waitMs: 0 }, checkResult(status))!;
  return { activity, recorded, reviews, store, clock, checked };
}

function checkResult(status: 'pass' | 'fail') {
  return checkResultOf({ status, tests: [{ name: 't', status, concepts: [] }] });
}

describe('scoreQuiz', () => {
  it('counts only exactly right answers', () => {
    expect(
      scoreQuiz(quiz.questions, [
        { questionId: 'q1', selected: [0] },
        { questionId: 'q2', selected: [0, 1] },
      ]),
    ).toBe(100);
    expect(
      scoreQuiz(quiz.questions, [
        { questionId: 'q1', selected: [0] },
        { questionId: 'q2', selected: [0] },
      ]),
    ).toBe(50);
    expect(scoreQuiz(quiz.questions, [])).toBe(0);
  });

  it('stays between 0 and 100 whatever is selected', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ questionId: fc.constantFrom('q1', 'q2', 'zz'), selected: fc.array(fc.nat(5)) })), (answers) => {
        const score = scoreQuiz(quiz.questions, answers);
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(100);
      }),
    );
  });
});

describe('LessonActivity', () => {
  it('lets a concept lesson be marked complete once, and refuses it for an exercise', async () => {
    const { activity, recorded } = setup();
    expect((await activity.complete('py', 'intro')).status).toBe('completed');
    await activity.complete('py', 'intro');
    expect(recorded.map((event) => event.kind)).toEqual(['lesson-completed']);
    await expect(activity.complete('py', 'add')).rejects.toThrow(/completes when its Check passes/);
  });

  it('reveals hints one at a time, in order, recording each', async () => {
    const { activity, recorded } = setup();
    expect((await activity.revealHint('py', 'add')).revealedHints).toEqual(['nudge']);
    expect((await activity.revealHint('py', 'add')).revealedHints).toEqual(['nudge', 'closer']);
    await activity.revealHint('py', 'add');
    await expect(activity.revealHint('py', 'add')).rejects.toMatchObject({ code: 'conflict' });
    expect(recorded.filter((event) => event.kind === 'hint-revealed')).toHaveLength(3);
  });

  it('completes an exercise on a passing Check, counting every passing Check once', async () => {
    const { activity, recorded, checked } = setup();
    await activity.checkPassed({ courseId: 'py', lessonId: 'add', checkId: checked('add', 'pass') });
    expect((await activity.standing('py', 'add')).status).toBe('completed');
    await activity.checkPassed({ courseId: 'py', lessonId: 'add', checkId: checked('add', 'pass') });
    expect(recorded.map((event) => event.kind)).toEqual(['check-passed', 'lesson-completed', 'check-passed']);
    const keys = recorded.filter((event) => event.kind === 'check-passed').map((event) => event.idempotencyKey);
    expect(new Set(keys).size).toBe(2);
    expect(recorded[1]).toMatchObject({ firstAttempt: true, hintsUsed: 0 });
  });

  it('derives first attempt from the run history: a failing Check before the pass means it was not', async () => {
    const { activity, recorded, checked } = setup();
    checked('add', 'fail');
    checked('other', 'fail');
    await activity.checkPassed({ courseId: 'py', lessonId: 'add', checkId: checked('add', 'pass') });
    expect(recorded.find((event) => event.kind === 'lesson-completed')).toMatchObject({ firstAttempt: false });
  });

  it("times the lesson by main's clock from when it was opened, or by its active time when that is more", async () => {
    const { activity, recorded, clock, checked } = setup();
    await activity.open('py', 'sum');
    clock.now += 90_000;
    await activity.checkPassed({ courseId: 'py', lessonId: 'sum', checkId: checked('sum', 'pass') });
    expect(recorded.find((event) => event.kind === 'challenge-completed')).toMatchObject({ elapsedSeconds: 90, underPar: true });

    recorded.length = 0;
    await activity.open('py', 'add');
    activity.addActiveTime('py', 'add', 120);
    activity.addActiveTime('py', 'add', 100);
    clock.now += 30_000;
    await activity.checkPassed({ courseId: 'py', lessonId: 'add', checkId: checked('add', 'pass') });
    expect(recorded.find((event) => event.kind === 'lesson-completed')).toMatchObject({ elapsedSeconds: 220 });
  });

  it('claims no time when main has none: the lesson was never opened and no active time was added', async () => {
    const { activity, recorded, checked } = setup();
    await activity.checkPassed({ courseId: 'py', lessonId: 'sum', checkId: checked('sum', 'pass') });
    const completed = recorded.find((event) => event.kind === 'challenge-completed');
    expect(completed).toBeDefined();
    expect(completed).not.toHaveProperty('elapsedSeconds');
    expect(completed).not.toHaveProperty('underPar');
  });

  it('completes nothing when the checked lesson is not an exercise', async () => {
    const { activity, recorded, checked } = setup();
    await activity.checkPassed({ courseId: 'py', lessonId: 'intro', checkId: checked('intro', 'pass') });
    expect(recorded).toEqual([]);
    expect((await activity.standing('py', 'intro')).status).toBe('not_started');
  });

  it('adds active time to the lesson and to its day, starting the lesson if needed', async () => {
    const { activity, store } = setup();
    expect(activity.addActiveTime('py', 'intro', 45)).toBe(45);
    expect(activity.addActiveTime('py', 'intro', 15)).toBe(60);
    expect((await activity.standing('py', 'intro')).status).toBe('in_progress');
    const days = store.db.select().from(activeTime).all();
    expect(days).toHaveLength(1);
    expect(days[0]).toMatchObject({ courseId: 'py', lessonId: 'intro', seconds: 60 });
    expect(days[0]!.localDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('completes a quiz only when the score reaches the pass mark', async () => {
    const { activity, recorded } = setup();
    const failed = await activity.submitQuiz('py', 'check', [{ questionId: 'q1', selected: [1] }]);
    expect(failed).toMatchObject({ score: 0, passed: false, standing: { status: 'in_progress' } });
    const passed = await activity.submitQuiz('py', 'check', [{ questionId: 'q1', selected: [0] }]);
    expect(passed).toMatchObject({ score: 50, passed: true, standing: { status: 'completed' } });
    expect(recorded.map((event) => event.kind)).toEqual(['quiz-passed']);
  });

  it('sends each missed question of every attempt to Practice, due the next day', async () => {
    const { activity, reviews, clock } = setup();
    await activity.submitQuiz('py', 'check', [
      { questionId: 'q1', selected: [0] },
      { questionId: 'q2', selected: [0] },
    ]);
    expect(reviews.map((card) => card.key)).toEqual(['missed-quiz:py:check:q2']);
    expect(reviews[0]!.item.options.map((option) => option.correct)).toEqual([true, true, false]);
    expect(reviews[0]!.dueAt - clock.now).toBe(86_400_000);
  });

  it('says what the next hint costs and which one gives the answer away', async () => {
    const { activity } = setup();
    expect((await activity.standing('py', 'add')).nextHint).toEqual({ xpCost: 0, givesAnswer: false });
    await activity.revealHint('py', 'add');
    await activity.revealHint('py', 'add');
    expect((await activity.standing('py', 'add')).nextHint).toEqual({ xpCost: 0, givesAnswer: true });
    await activity.revealHint('py', 'add');
    expect((await activity.standing('py', 'add')).nextHint).toBeNull();
    expect((await activity.standing('py', 'intro')).nextHint).toBeNull();
  });

  it("prices a challenge's later hints at the authored cost and carries that cost in the completion, for the server to award the same", async () => {
    const { activity, recorded, checked } = setup();
    await activity.open('py', 'duel');
    expect((await activity.standing('py', 'duel')).nextHint).toEqual({ xpCost: 150, givesAnswer: false }); // the no-hints bonus
    await activity.revealHint('py', 'duel');
    expect((await activity.standing('py', 'duel')).nextHint).toEqual({ xpCost: 7, givesAnswer: false });
    await activity.revealHint('py', 'duel');
    await activity.checkPassed({ courseId: 'py', lessonId: 'duel', checkId: checked('duel', 'pass') });
    expect(recorded.find((event) => event.kind === 'challenge-completed')).toMatchObject({ hintsUsed: 2, hintXpCost: 7 });
  });

  it('counts Mark complete as fast only after time enough to read the lesson', async () => {
    const { activity, recorded, clock } = setup();
    await activity.open('py', 'intro');
    clock.now += 5_000;
    await activity.complete('py', 'intro');
    expect(recorded.at(-1)).toMatchObject({ kind: 'lesson-completed', underPar: false, read: false });
    const { activity: patient, recorded: later, clock: time } = setup();
    await patient.open('py', 'intro');
    time.now += 60_000;
    await patient.complete('py', 'intro');
    expect(later.at(-1)).not.toHaveProperty('underPar');
    expect(later.at(-1)).not.toHaveProperty('read');
  });

  it('keeps a quiz in progress until it is submitted, and names the missed questions', async () => {
    const { activity } = setup();
    expect(await activity.quizProgress('py', 'check')).toBeNull();
    const progress = { index: 1, answers: [{ questionId: 'q1', selected: [1] }], selected: [0], answered: false };
    activity.saveQuizProgress('py', 'check', progress);
    expect(await activity.quizProgress('py', 'check')).toEqual(progress);
    const outcome = await activity.submitQuiz('py', 'check', [...progress.answers, { questionId: 'q2', selected: [0, 1] }]);
    expect(outcome.missed).toEqual(['q1']);
    expect(await activity.quizProgress('py', 'check')).toBeNull();
  });

  it('saves a reflection to the journal and completes the lesson', async () => {
    const { activity, store } = setup();
    expect((await activity.saveReflection('py', 'think', 'Loops are shorter than I thought.')).status).toBe('completed');
    expect(
      store.db
        .select()
        .from(journalEntries)
        .all()
        .map((row) => row.text),
    ).toEqual(['Loops are shorter than I thought.']);
  });

  it("reads a lesson's journal newest first, without other lessons' entries", async () => {
    const { activity } = setup();
    await activity.saveReflection('py', 'think', 'First thought.');
    await activity.saveReflection('py', 'think', 'Second thought.');
    await activity.saveReflection('other', 'think', 'Another course.');
    expect(activity.journal('py', 'think').map((entry) => entry.text)).toEqual(['Second thought.', 'First thought.']);
    expect(activity.journal('py', 'think')[0]!.createdAt).toBeGreaterThan(0);
    expect(activity.journal('py', 'intro')).toEqual([]);
  });
});
