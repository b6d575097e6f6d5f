// The mapping between the server's attempt and the exam window: time left from the server's
// deadline, answers saved here shown and sent, starter files for challenges left alone.
import { describe, expect, it } from 'vitest';
import type { ExamAttemptView } from '../../common/sync-api/exam-api';
import { sectionSubmission, serverExamView, type Drafts } from './server-exam-view';

const now = 1_000_000;
const section = (kind: ExamAttemptView['sections'][number]['kind'], extra: Partial<ExamAttemptView['sections'][number]> = {}) => ({
  kind,
  title: kind,
  minutes: 5,
  questions: 2,
  deadline: null,
  submitted: false,
  timedOut: false,
  score: null,
  ...extra,
});

function attempt(sectionIndex: number, questions: ExamAttemptView['questions']): ExamAttemptView {
  const kinds = ['conceptual', 'codeAnalysis', 'challenges', 'design'] as const;
  return {
    attemptId: '11111111-1111-4111-8111-111111111111',
    courseId: 'course',
    title: 'Course: Silver exam',
    status: 'in-progress',
    firstAttempt: true,
    passPercent: 80,
    sectionIndex,
    sections: kinds.map((kind, index) =>
      section(kind, index < sectionIndex ? { submitted: true, score: 100 } : index === sectionIndex ? { deadline: now + 90_000 } : {}),
    ),
    questions,
    result: null,
  };
}

const noDrafts: Drafts = { answers: {}, savedAt: null };
const starter = (exercise: string) => ({ entry: 'main.py', files: [{ path: 'main.py', content: `# ${exercise}` }] });

describe('serverExamView', () => {
  it('counts time from the server deadline and shows saved choices', () => {
    const view = serverExamView(
      attempt(0, [{ itemId: 'c1', kind: 'choice', number: 3, prompt: 'Q?', options: ['a', 'b'] }]),
      { answers: { c1: { kind: 'choice', selected: 1 } }, savedAt: 5 },
      starter,
      now,
    );
    expect(view.sections.map((s) => s.remainingMs)).toEqual([90_000, 300_000, 300_000, 300_000]);
    expect(view).toMatchObject({ gradedBy: 'server', interviewer: false, asked: 2, savedAt: 5 });
    expect(view.questions[0]).toMatchObject({ options: ['a', 'b'], saved: 1 });
  });

  it('gives a challenge its starter files until the learner saves their own', () => {
    const view = serverExamView(
      attempt(2, [{ itemId: 'ch', kind: 'coding-challenge', number: 1, prompt: 'Add', title: 'Add', difficulty: 1, exercise: 'exercises/add' }]),
      noDrafts,
      starter,
      now,
    );
    expect(view.questions[0]).toMatchObject({ entry: 'main.py', saved: [{ path: 'main.py', content: '# exercises/add' }], checked: null });
    expect(view.sections[0]!.remainingMs).toBe(0);
  });

  it('refuses a question kind this app cannot show', () => {
    expect(() => serverExamView(attempt(0, [{ itemId: 'x', kind: 'essay', number: 1, prompt: '?' }]), noDrafts, starter, now)).toThrow(/cannot show/);
  });

  it('adds the pass mark and first attempt to the server result', () => {
    const finished = { ...attempt(4, []), status: 'passed' as const, result: { overall: 91, verdict: 'passed' as const, failedSections: [] } };
    expect(serverExamView(finished, noDrafts, starter, now).result).toEqual({
      overall: 91,
      verdict: 'passed',
      failedSections: [],
      passPercent: 80,
      firstAttempt: true,
    });
  });
});

describe('sectionSubmission', () => {
  it('sends every code-analysis question, unanswered ones as null', () => {
    const body = sectionSubmission(
      attempt(1, [
        { itemId: 'a', kind: 'predict-output', number: 1, prompt: '?', options: ['x'] },
        { itemId: 'b', kind: 'find-the-bug', number: 2, prompt: '?', options: ['y'] },
      ]),
      { answers: { a: { kind: 'choice', selected: 0 } }, savedAt: 1 },
      starter,
    );
    expect(body).toEqual({
      answers: [
        { itemId: 'a', selected: 0 },
        { itemId: 'b', selected: null },
      ],
    });
  });

  it('sends saved files, else the starter, and the design text', () => {
    const challenges = attempt(2, [
      { itemId: 'one', kind: 'coding-challenge', number: 1, prompt: '?', exercise: 'e1' },
      { itemId: 'two', kind: 'coding-challenge', number: 2, prompt: '?' },
    ]);
    const files = [{ path: 'main.py', content: 'mine' }];
    expect(sectionSubmission(challenges, { answers: { one: { kind: 'code', files } }, savedAt: 1 }, starter)).toEqual({ answers: [{ itemId: 'one', files }] });
    expect(sectionSubmission(challenges, noDrafts, starter)).toEqual({ answers: [{ itemId: 'one', files: [{ path: 'main.py', content: '# e1' }] }] });
    const design = attempt(3, [{ itemId: 'd', kind: 'design-question', number: 1, prompt: '?' }]);
    expect(sectionSubmission(design, { answers: { d: { kind: 'design', text: 'My design' } }, savedAt: 1 }, starter)).toEqual({
      itemId: 'd',
      text: 'My design',
    });
    expect(() => sectionSubmission(attempt(4, []), noDrafts, starter)).toThrow(/finished/);
  });
});
