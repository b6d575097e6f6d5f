// What the window sees of an attempt: the sections' clocks and scores, and only the current
// section's questions, with options in the attempt's shuffled order and never which is right.
import type { ExamQuestion, ExamView } from '../../preload/contract/exam';
import { itemById, sectionMinutes, sectionQuestions, sectionTitles, type ExamSectionKind } from '../../common/exam/exam-sections';
import type { ExamBank, ExamItem } from '../../common/exam/exam-format';
import { sectionOrder, type ExamScores } from '../../common/exam/exam-grading';
import { nextConceptual, optionOrder, type ExamDraw } from '../../common/exam/exam-selection';
import { remainingMs } from '../../common/exam/exam-timing';
import type { AnswerRow, AttemptRow, SectionRow } from './exam-store';

/** Saved answers as stored: an option index in the bank's order, files, or text. */
export type SavedAnswer =
  | { selected: number | null }
  | { files: { path: string; content: string }[]; checked?: { passed: number; total: number } }
  | { text: string; interview?: { role: 'interviewer' | 'learner'; text: string }[] };

/** The Conceptual question being asked: answers with `correct` set are locked. */
export function currentConceptual(bank: ExamBank, seed: string, answers: readonly AnswerRow[]): ExamItem | null {
  const locked = answers.filter((row) => row.correct !== null).map((row) => ({ itemId: row.itemId, correct: row.correct === true }));
  return nextConceptual(bank, seed, locked);
}

/** The item ids of a section in the attempt, in order (Conceptual: the current one only). */
export function sectionItems(bank: ExamBank, seed: string, draw: ExamDraw, kind: ExamSectionKind, answers: readonly AnswerRow[]): string[] {
  if (kind === 'conceptual') {
    const current = currentConceptual(bank, seed, answers);
    return current ? [current.id] : [];
  }
  return kind === 'codeAnalysis' ? [...draw.codeAnalysis] : kind === 'challenges' ? [...draw.challenges] : [draw.design];
}

function question(
  item: ExamItem,
  number: number,
  seed: string,
  saved: SavedAnswer | null,
  starter: (item: ExamItem) => { entry: string; files: { path: string; content: string }[] } | null,
): ExamQuestion {
  const base = { itemId: item.id, kind: item.kind, number, prompt: item.prompt };
  if (item.kind === 'coding-challenge') {
    const files = saved && 'files' in saved ? saved.files : (starter(item)?.files ?? []);
    const checked = saved && 'files' in saved ? (saved.checked ?? null) : null;
    return { ...base, title: item.title, difficulty: item.difficulty, entry: starter(item)?.entry ?? '', saved: files, checked };
  }
  if (item.kind === 'design-question') return { ...base, saved: saved && 'text' in saved ? saved.text : null };
  const order = optionOrder(seed, item.id, item.options.length);
  const selected = saved && 'selected' in saved && saved.selected !== null ? order.indexOf(saved.selected) : -1;
  return {
    ...base,
    ...(item.code ? { code: item.code } : {}),
    ...(item.language ? { language: item.language } : {}),
    options: order.map((index) => item.options[index]!.text),
    saved: selected >= 0 ? selected : null,
  };
}

export interface ViewInput {
  readonly bank: ExamBank;
  readonly title: string;
  readonly attempt: AttemptRow;
  readonly sections: ReadonlyMap<ExamSectionKind, SectionRow>;
  readonly answers: readonly AnswerRow[];
  readonly draw: ExamDraw;
  readonly interviewer: boolean;
  readonly scores: ExamScores | null;
  readonly starter: (item: ExamItem) => { entry: string; files: { path: string; content: string }[] } | null;
}

/** An attempt this app runs: numbered by its store (the server's attempts have uuids). */
export type AppExamView = ExamView & { readonly attemptId: number };

export function examView(input: ViewInput): AppExamView {
  const { bank, attempt, sections, answers, draw } = input;
  const current = sectionOrder[attempt.section];
  const sectionAnswers = answers.filter((row) => row.section === current);
  const ids = current ? sectionItems(bank, attempt.seed, draw, current, sectionAnswers) : [];
  const saved = new Map(answers.map((row) => [row.itemId, row.answer as SavedAnswer | null]));
  const asked = answers.filter((row) => row.section === 'conceptual' && row.correct !== null).length;
  const design = saved.get(draw.design);
  return {
    attemptId: attempt.id,
    courseId: attempt.courseId,
    title: input.title,
    status: attempt.status as ExamView['status'],
    sectionIndex: attempt.section,
    sections: sectionOrder.map((kind, index) => {
      const row = sections.get(kind)!;
      const submitted = row.submittedAt !== null;
      return {
        kind,
        title: sectionTitles[kind],
        minutes: sectionMinutes(bank, kind),
        questions: sectionQuestions(bank, kind),
        remainingMs:
          submitted || index > attempt.section ? (submitted ? 0 : sectionMinutes(bank, kind) * 60_000) : remainingMs(row, sectionMinutes(bank, kind)),
        submitted,
        timedOut: row.timedOut,
        score: row.score === null ? null : Math.round(row.score * 10) / 10,
      };
    }),
    questions: ids.map((id, index) =>
      question(itemById(bank, id)!, current === 'conceptual' ? asked + 1 : index + 1, attempt.seed, saved.get(id) ?? null, input.starter),
    ),
    asked,
    interview: design && 'interview' in design ? (design.interview ?? []) : [],
    interviewer: input.interviewer,
    gradedBy: 'app',
    savedAt: answers.reduce<number | null>((latest, row) => (latest === null || row.updatedAt > latest ? row.updatedAt : latest), null),
    result: input.scores
      ? {
          overall: input.scores.overall,
          verdict: input.scores.verdict,
          failedSections: [...input.scores.failedSections],
          passPercent: bank.passPercent,
          firstAttempt: attempt.firstAttempt,
        }
      : null,
  };
}
