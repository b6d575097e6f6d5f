// Each event that tells the learner model something, recorded through its real service against
// a real SQLite store: the event and its evidence land together, a replay counts nothing twice,
// and a failure while applying the evidence rolls the event back too.
import { afterEach, describe, expect, it } from 'vitest';
import type { CheckResult } from '../../preload/contract/sandbox';
import { LessonActivity } from '../lesson/lesson-activity';
import type { LessonFacts } from '../lesson/lesson-sources';
import { PracticeService } from '../practice/practice-service';
import { RunCoordinator } from '../sandbox/run-coordinator';
import { RunHistory } from '../sandbox/run-history';
import type { Store } from '../store/open-store';
import { quizEvidence } from './evidence';
import { PRIOR } from './mastery';
import { MasteryStore, type EvidenceRecord } from './mastery-store';
import { COURSE, openConceptStore } from './testing/concept-course';
import { checkResultOf } from '../../preload/contract/testing/sandbox-results';

const DAY = 86_400_000;
/** A single-answer question whose first option is right. */
const question = (id: string, prompt: string, [right, wrong]: readonly [string, string]) => ({
  id,
  kind: 'single' as const,
  prompt,
  options: [
    { text: right, correct: true },
    { text: wrong, correct: false },
  ],
});
// Tagged: assesses for-loops only (a variable, so the course format's `concepts` passes before the contract has it).
const tagged = { ...question('q1', 'Which loops?', ['for', 'if']), concepts: ['for-loops'] };
// Untagged: assesses the lesson's concepts (for-loops, variables).
const untagged = question('q2', 'Which names?', ['x', '1x']);
const quiz: NonNullable<LessonFacts['quiz']> = { passPercent: 50, questions: [tagged, untagged] };
const lessonFacts: Record<string, LessonFacts> = { loops: { type: 'practice', parTimeMinutes: 10 }, 'loop-quiz': { type: 'quiz', quiz } };

let store: Store | undefined;
afterEach(() => store?.close());

function setup({ failing = false } = {}) {
  store = openConceptStore();
  const s = store;
  const clock = { now: 1_700_000_000_000 };
  const now = () => clock.now;
  const real = new MasteryStore(s);
  // A learner model that fails after applying: whatever it wrote must roll back with the event.
  const mastery = {
    apply(records: readonly EvidenceRecord[]) {
      const applied = real.apply(records);
      if (failing && records.length > 0) throw new Error('disk full');
      return applied;
    },
  };
  const practice = new PracticeService(s, { now, timezone: () => 'UTC', mastery });
  const history = new RunHistory(s, now);
  const activity = new LessonActivity(
    s,
    {
      getLesson: async (_course, lesson) => lessonFacts[lesson] ?? null,
      getExercise: async (_course, lesson) => (lesson === 'loops' ? { language: 'python', entry: 'main.py', hints: ['nudge', 'closer'] } : null),
      record: async () => undefined,
      checksBefore: (courseId, lessonId, checkId) => history.checksBefore(courseId, lessonId, checkId),
      review: (cards) => practice.add(cards),
      mastery,
    },
    now,
  );
  let next: CheckResult = checkResult('pass', []);
  const runs = new RunCoordinator({
    sandbox: { check: async () => ({ ...next, waitMs: 0 }), run: async () => never(), status: async () => never(), buildImage: async () => never() },
    history,
    // The exercise maps its test `names` to variables; `loop` is unmapped, so it assesses the lesson's concepts.
    exercise: () => ({ language: 'python', files: [], tests: [], concepts: { tests: { names: ['variables'] }, lesson: [] } }),
    checkPassed: (check) => activity.checkPassed(check),
    checkRecorded: (check) => activity.checkRecorded(check),
    events: { emit: () => undefined },
  });
  const check = (result: CheckResult) => {
    next = result;
    return runs.check({ runId: `r${clock.now}`, courseId: COURSE, lessonId: 'loops', files: [] }, 'session');
  };
  const count = (table: string) => (s.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  const evidence = () =>
    s.sqlite.prepare('SELECT key, concept_id AS conceptId, kind, correct, time_ratio AS timeRatio FROM mastery_evidence ORDER BY id').all() as {
      key: string;
      conceptId: string;
      kind: string;
      correct: number;
      timeRatio: number | null;
    }[];
  const probability = (conceptId: string) => real.forCourse(COURSE).find((row) => row.conceptId === conceptId)?.probability;
  return { activity, practice, real, clock, check, count, evidence, probability };
}

function never(): never {
  throw new Error('not used by these tests');
}

/** What the sandbox grades: tests without concepts (the run coordinator tags them from the exercise). */
function checkResult(status: CheckResult['status'], tests: { name: string; status: CheckResult['status'] }[]): CheckResult {
  return checkResultOf({ status, tests: tests.map((test) => ({ ...test, concepts: [] })) });
}

const right = [
  { questionId: 'q1', selected: [0] },
  { questionId: 'q2', selected: [0] },
];

describe('quiz answers', () => {
  it('land with the attempt: each question on its own concepts, untagged ones on the lesson’s', async () => {
    const t = setup();
    await t.activity.submitQuiz(COURSE, 'loop-quiz', [{ questionId: 'q1', selected: [0] }]);
    expect(t.count('attempts')).toBe(1);
    expect(t.evidence().map(({ key, correct }) => [key, correct])).toEqual([
      ['quiz:1:q1:for-loops', 1],
      ['quiz:1:q2:for-loops', 0],
      ['quiz:1:q2:variables', 0],
    ]);
    expect(t.probability('variables')).toBeLessThan(PRIOR);
  });

  it('count once when the same attempt is replayed', async () => {
    const t = setup();
    await t.activity.submitQuiz(COURSE, 'loop-quiz', right);
    const before = t.real.forCourse(COURSE);
    const replay = quizEvidence({
      courseId: COURSE,
      attemptId: 1,
      questions: quiz.questions,
      answers: right,
      lessonConcepts: ['for-loops', 'variables'],
      at: 1,
    });
    expect(t.real.apply(replay)).toBe(0);
    expect(t.real.forCourse(COURSE)).toEqual(before);
  });

  it('roll back with the attempt when the evidence fails', async () => {
    const t = setup({ failing: true });
    await expect(t.activity.submitQuiz(COURSE, 'loop-quiz', right)).rejects.toThrow('disk full');
    expect([t.count('attempts'), t.count('mastery_evidence'), t.count('concept_mastery')]).toEqual([0, 0, 0]);
  });

  it('put a missed question into Practice on its concept, and its review moves that concept', async () => {
    const t = setup();
    await t.activity.submitQuiz(COURSE, 'loop-quiz', [{ questionId: 'q2', selected: [0] }]);
    const loopsBefore = t.probability('for-loops')!;
    t.clock.now += DAY;
    const [card] = t.practice.due().cards;
    expect(card).toMatchObject({ source: 'missed-quiz', prompt: 'Which loops?' });
    t.practice.answer(card!.id, [0], 3_000);
    expect(t.evidence().at(-1)).toMatchObject({ key: 'review:1:for-loops', kind: 'review', correct: 1 });
    expect(t.probability('for-loops')).toBeGreaterThan(loopsBefore);
  });
});

describe('a Check', () => {
  it('records the attempt on the lesson’s concepts and each test on its own', async () => {
    const t = setup();
    await t.check(
      checkResult('fail', [
        { name: 'names', status: 'pass' },
        { name: 'loop', status: 'fail' },
      ]),
    );
    expect(t.count('code_executions')).toBe(1);
    expect(t.evidence().map(({ key, kind, correct }) => [key, kind, correct])).toEqual([
      ['check:1:attempt:for-loops', 'check-attempt', 0],
      ['check:1:test:0:variables', 'test-result', 1],
      ['check:1:test:1:for-loops', 'test-result', 0],
    ]);
  });

  it('times a success against the lesson’s par, from when the lesson was opened', async () => {
    const t = setup();
    await t.activity.open(COURSE, 'loops');
    t.clock.now += 300_000;
    await t.check(checkResult('pass', [{ name: 'loop', status: 'pass' }]));
    expect(t.evidence().map(({ timeRatio }) => timeRatio)).toEqual([0.5, 0.5]);
    expect(t.probability('for-loops')).toBeGreaterThan(0.8);
  });

  it('rolls back with the run history’s entry when the evidence fails', async () => {
    const t = setup({ failing: true });
    await expect(t.check(checkResult('pass', [{ name: 'loop', status: 'pass' }]))).rejects.toThrow('disk full');
    expect([t.count('code_executions'), t.count('mastery_evidence'), t.count('lesson_progress')]).toEqual([0, 0, 0]);
  });
});

describe('a revealed hint', () => {
  it('lowers the lesson’s concepts a little, once per hint', async () => {
    const t = setup();
    await t.activity.revealHint(COURSE, 'loops');
    expect(t.evidence()).toEqual([{ key: 'hint:py:loops:0:for-loops', conceptId: 'for-loops', kind: 'hint-revealed', correct: 0, timeRatio: null }]);
    expect(t.probability('for-loops')).toBeLessThan(PRIOR);
    expect(t.probability('for-loops')).toBeGreaterThan(PRIOR / 2);
  });

  it('rolls back with the reveal when the evidence fails', async () => {
    const t = setup({ failing: true });
    await expect(t.activity.revealHint(COURSE, 'loops')).rejects.toThrow('disk full');
    expect([t.count('hint_reveals'), t.count('mastery_evidence')]).toEqual([0, 0]);
  });
});

describe('a review answer', () => {
  it('rolls back with its log row and schedule when the evidence fails', async () => {
    const t = setup({ failing: true });
    t.practice.add([{ key: 'k', source: 'course-check', courseId: COURSE, conceptId: 'strings', item: untagged, dueAt: t.clock.now }]);
    const [card] = t.practice.due().cards;
    expect(() => t.practice.answer(card!.id, [0], 2_000)).toThrow('disk full');
    expect([t.count('review_log'), t.count('mastery_evidence')]).toEqual([0, 0]);
    expect(t.practice.due().cards).toHaveLength(1);
  });
});
