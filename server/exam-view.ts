// What a learner sees of a server-run attempt: the sections with the server's deadlines and only
// the current section's questions, options in the attempt's shuffled order, and never which
// option is right, an explanation, a rubric, or a difficulty that would betray the adaptation.
import type { ExamBank, ExamItem } from '../common/exam/exam-format';
import { gradeExam, sectionOrder } from '../common/exam/exam-grading';
import { itemById, sectionMinutes, sectionQuestions, sectionTitles, type ExamSectionKind } from '../common/exam/exam-sections';
import { drawExam, nextConceptual, optionOrder } from '../common/exam/exam-selection';
import { retakeAvailableAt, sectionLimitMs } from '../common/exam/exam-timing';
import type { ExamAttemptView } from '../common/sync-api/exam-api';

export type AttemptStatus = ExamAttemptView['status'];

export interface SectionResult {
  /** 0–100; null while a person has still to review it. */
  readonly score: number | null;
  readonly submittedAt: number;
  readonly timedOut: boolean;
}

export interface AttemptRow {
  id: string;
  learner_id: string;
  course_id: string;
  course_digest: string;
  seed: string;
  status: AttemptStatus;
  section: number;
  section_started_at: number;
  sections: Partial<Record<ExamSectionKind, SectionResult>>;
  first_attempt: boolean;
  overall: number | null;
  started_at: number;
  finished_at: number | null;
}

export interface AnswerRow {
  item_id: string;
  section: ExamSectionKind;
  position: number;
  answer: { selected?: number | null; files?: { path: string; content: string }[]; text?: string };
  correct: boolean | null;
  score: number | null;
}

/** Answers reach the server a little after the learner sent them: a section takes them this long past its time. */
export const NETWORK_GRACE_MS = 10_000;

export const deadlineOf = (attempt: AttemptRow, bank: ExamBank, kind: ExamSectionKind): number =>
  Number(attempt.section_started_at) + sectionLimitMs(sectionMinutes(bank, kind));

/** Where a learner stands with a course's exam: what starting an attempt meets, and what the exam start screen shows. */
export interface Standing {
  /** The attempt in progress drawn from the bank registered now (`digest`). */
  readonly open: AttemptRow | undefined;
  /** An attempt in progress drawn from an older bank: starting voids it (it counts neither way). */
  readonly stale: AttemptRow | undefined;
  readonly passed: boolean;
  readonly pendingReview: boolean;
  readonly retakeAt: number | null;
  /** Attempts that count (for the first-attempt bonus). */
  readonly counted: number;
}

/** The server's one rule for retakes, from the learner's non-void attempts (newest first). */
export function standing(attempts: readonly AttemptRow[], digest: string, cooldownHours: number, now: number): Standing {
  const inProgress = attempts.find((row) => row.status === 'in-progress');
  const lastFailed = attempts.find((row) => row.status === 'failed');
  const current = inProgress?.course_digest === digest;
  return {
    open: current ? inProgress : undefined,
    stale: current ? undefined : inProgress,
    passed: attempts.some((row) => row.status === 'passed'),
    pendingReview: attempts.some((row) => row.status === 'pending-review'),
    retakeAt: retakeAvailableAt(lastFailed?.finished_at == null ? null : Number(lastFailed.finished_at), cooldownHours, now),
    counted: attempts.filter((row) => row.status !== 'in-progress' || row.course_digest === digest).length,
  };
}

/** The Conceptual question being asked: the one the locked answers so far call for. */
export function currentConceptual(bank: ExamBank, seed: string, answers: readonly AnswerRow[]): ExamItem | null {
  const asked = answers
    .filter((row) => row.section === 'conceptual')
    .sort((a, b) => a.position - b.position)
    .map((row) => ({ itemId: row.item_id, correct: row.correct === true }));
  return nextConceptual(bank, seed, asked);
}

/** The item ids the current section asks (Conceptual: the current question only). */
export function sectionItemIds(bank: ExamBank, seed: string, kind: ExamSectionKind, answers: readonly AnswerRow[]): string[] {
  const draw = drawExam(bank, seed);
  if (kind === 'conceptual') {
    const current = currentConceptual(bank, seed, answers);
    return current ? [current.id] : [];
  }
  return kind === 'codeAnalysis' ? [...draw.codeAnalysis] : kind === 'challenges' ? [...draw.challenges] : [draw.design];
}

function question(item: ExamItem, number: number, seed: string): ExamAttemptView['questions'][number] {
  const base = { itemId: item.id, kind: item.kind, number, prompt: item.prompt };
  if (item.kind === 'coding-challenge') return { ...base, title: item.title, difficulty: item.difficulty, exercise: item.exercise };
  if (item.kind === 'design-question') return { ...base, followUps: [...item.followUps] };
  return {
    ...base,
    ...(item.code ? { code: item.code } : {}),
    ...(item.language ? { language: item.language } : {}),
    options: optionOrder(seed, item.id, item.options.length).map((index) => item.options[index]!.text),
  };
}

/** Section scores as gradeExam takes them: a section not submitted yet counts as pending. */
export const sectionScores = (attempt: AttemptRow): Record<ExamSectionKind, number | null> =>
  Object.fromEntries(sectionOrder.map((kind) => [kind, attempt.sections[kind]?.score ?? null])) as Record<ExamSectionKind, number | null>;

const round = (value: number) => Math.round(value * 10) / 10;

export function attemptView(attempt: AttemptRow, bank: ExamBank, courseTitle: string, answers: readonly AnswerRow[]): ExamAttemptView {
  const open = attempt.status === 'in-progress';
  const current = open ? sectionOrder[attempt.section] : undefined;
  const asked = answers.filter((row) => row.section === 'conceptual').length;
  const ids = current ? sectionItemIds(bank, attempt.seed, current, answers) : [];
  const grade = open ? null : gradeExam(sectionScores(attempt), bank.passPercent);
  return {
    attemptId: attempt.id,
    courseId: attempt.course_id,
    title: bank.title ?? `${courseTitle}: Silver exam`,
    status: attempt.status,
    firstAttempt: attempt.first_attempt,
    passPercent: bank.passPercent,
    sectionIndex: attempt.section,
    sections: sectionOrder.map((kind) => {
      const result = attempt.sections[kind];
      return {
        kind,
        title: sectionTitles[kind],
        minutes: sectionMinutes(bank, kind),
        questions: sectionQuestions(bank, kind),
        deadline: kind === current ? deadlineOf(attempt, bank, kind) : null,
        submitted: result !== undefined,
        timedOut: result?.timedOut ?? false,
        score: result?.score === null || result?.score === undefined ? null : round(result.score),
      };
    }),
    questions: ids.map((id, index) => question(itemById(bank, id)!, current === 'conceptual' ? asked + 1 : index + 1, attempt.seed)),
    result: grade
      ? {
          overall: attempt.overall === null ? grade.overall : round(Number(attempt.overall)),
          verdict: grade.verdict,
          failedSections: [...grade.failedSections],
        }
      : null,
  };
}
