// The exam service against a real store and the fixture course: a whole attempt (a failed section,
// a restart mid-section that resumes with the time left, a time-out), grading in main, the cooldown.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../store/open-store';
import type { Store } from '../store/open-store';
import { ExamService, type ExamServiceDeps } from './exam-service';
import { examCourse } from './testing/exam-course';
import type { ExamView } from '../../preload/contract/exam';

let dir: string;
let store: Store;
let now: number;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drona-exam-'));
  for (const [file, content] of examCourse()) {
    fs.mkdirSync(path.dirname(path.join(dir, 'course', file)), { recursive: true });
    fs.writeFileSync(path.join(dir, 'course', file), content);
  }
  store = openStore(path.join(dir, 'drona.db'));
  now = 1_800_000_000_000;
});
afterEach(() => {
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const deps = (overrides: Partial<ExamServiceDeps> = {}): ExamServiceDeps => ({
  now: () => now,
  course: (courseId) => (courseId === 'tiny' ? { dir: path.join(dir, 'course'), title: 'Tiny', version: '1.0.0' } : null),
  check: async (_input, _exercise) => ({ status: 'pass', tests: [{ name: 't', status: 'pass' }] }) as never,
  interviewer: () => null,
  ...overrides,
});

/** Answers the shown choice question right (or wrong): the fixture's right options start with "right-". */
const pick = (view: ExamView, index: number, right: boolean) =>
  view.questions[index]!.options!.findIndex((text) => text.startsWith(right ? 'right-' : 'wrong-'));

describe('ExamService', () => {
  it('takes a whole attempt: fails a section, resumes after a restart with the time left, passes overall', async () => {
    let exam = new ExamService(store, deps());
    let view = exam.start('tiny');
    expect(view.sections.map((s) => s.kind)).toEqual(['conceptual', 'codeAnalysis', 'challenges', 'design']);
    expect(JSON.stringify(view)).not.toContain('"correct"');
    // Conceptual: all right.
    while (view.sectionIndex === 0) {
      exam.answer(view.attemptId, view.questions[0]!.itemId, { kind: 'choice', selected: pick(view, 0, true) });
      now += 10_000;
      view = exam.next(view.attemptId);
    }
    expect(view.sections[0]!.score).toBe(100);
    // Code analysis: one right, one wrong (the failed section); a restart in the middle.
    exam.answer(view.attemptId, view.questions[0]!.itemId, { kind: 'choice', selected: pick(view, 0, true) });
    now += 60_000;
    expect(exam.current(view.attemptId).sections[1]!.remainingMs).toBe(5 * 60_000 - 60_000);
    now += 3 * 3_600_000; // the app is closed for three hours
    exam = new ExamService(store, deps());
    // The window reopens the attempt in progress (exam.active) without knowing its course.
    expect(exam.active()).toEqual({ attemptId: view.attemptId });
    view = exam.current(view.attemptId);
    expect(view.sections[1]!.remainingMs).toBe(4 * 60_000);
    expect(view.questions[0]!.saved).toBe(pick(view, 0, true));
    exam.answer(view.attemptId, view.questions[1]!.itemId, { kind: 'choice', selected: pick(view, 1, false) });
    view = await exam.submitSection(view.attemptId);
    expect(view.sections[1]).toMatchObject({ submitted: true, score: 50 });
    // Challenges: checked in the sandbox (here, a passing stub).
    for (const question of view.questions)
      await exam.check(view.attemptId, question.itemId, `run-${question.itemId}`, [{ path: 'main.py', content: 'x' }], 's');
    view = await exam.submitSection(view.attemptId);
    expect(view.sections[2]!.score).toBe(100);
    // Design without a provider: kept for a person's review; the verdict is already decided.
    exam.answer(view.attemptId, view.questions[0]!.itemId, { kind: 'design', text: 'Parse, then compute.' });
    view = await exam.submitSection(view.attemptId);
    expect(view.result).toMatchObject({ verdict: 'passed', overall: 80, failedSections: ['codeAnalysis'], firstAttempt: true });
    expect(view.sections[3]!.score).toBeNull();
    expect(exam.passedExam('tiny')).toMatchObject({ overall: 80, firstAttempt: true });
    expect(exam.running()).toBe(false);
    expect(exam.active()).toBeNull();
  });

  it('keeps a Check when the same code is saved after it, and drops it when the code changed', async () => {
    const exam = new ExamService(store, deps());
    let view = exam.start('tiny');
    while (view.sectionIndex < 2) view = await exam.submitSection(view.attemptId);
    const [late, changed] = view.questions.map((question) => question.itemId);
    const files = [{ path: 'main.py', content: 'x' }];
    for (const itemId of [late!, changed!]) await exam.check(view.attemptId, itemId, `run-${itemId}`, files, 's');
    // The editor's autosave of the checked code lands after the Check answered.
    exam.answer(view.attemptId, late!, { kind: 'code', files });
    exam.answer(view.attemptId, changed!, { kind: 'code', files: [{ path: 'main.py', content: 'y' }] });
    view = exam.current(view.attemptId);
    expect(view.questions.slice(0, 2).map((question) => question.checked ?? null)).toEqual([{ passed: 1, total: 1 }, null]);
  });

  it('submits a section whose time ran out, and refuses answers after it', () => {
    const exam = new ExamService(store, deps());
    const view = exam.start('tiny');
    now += 5 * 60_000;
    const after = exam.current(view.attemptId);
    expect(after.sections[0]).toMatchObject({ submitted: true, timedOut: true, score: 0 });
    expect(after.sectionIndex).toBe(1);
    expect(() => exam.answer(view.attemptId, view.questions[0]!.itemId, { kind: 'choice', selected: 0 })).toThrow(/not one of the current section/);
  });

  it('waits for the cooldown after a failed attempt, and never grades what the window claims', async () => {
    const exam = new ExamService(store, deps({ check: async () => ({ status: 'fail', tests: [{ name: 't', status: 'fail' }] }) as never }));
    let view = exam.start('tiny');
    while (view.status === 'in-progress') view = await exam.submitSection(view.attemptId);
    expect(view.result!.verdict).toBe('failed');
    expect(exam.overview('tiny').retakeAt).toBe(now + 3_600_000);
    expect(() => exam.start('tiny')).toThrow(/retake/);
    now += 3_600_000;
    expect(exam.start('tiny').attemptId).not.toBe(view.attemptId);
    expect(exam.overview('tiny').attempts).toHaveLength(2);
  });

  it('the same attempt shows the same questions; a new attempt draws afresh', () => {
    const exam = new ExamService(store, deps());
    const first = exam.start('tiny');
    expect(exam.current(first.attemptId).questions).toEqual(first.questions);
  });
});
