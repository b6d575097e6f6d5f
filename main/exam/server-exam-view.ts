// The sync server's Silver exam as the exam window shows it, and the window's saved answers as the
// server takes them per section. Pure: the service (server-exam.ts) brings the attempt, the answers
// saved in this app while a section runs, the starter files of the course's challenges, and the clock.
import { DronaError } from '../../preload/contract/errors';
import { examQuestionSchema, type ExamQuestion, type ExamView, type examAnswerSchema } from '../../preload/contract/exam';
import type { z } from 'zod';
import type { ExamAttemptView, sectionSubmissions } from '../../common/sync-api/exam-api';

export type DraftAnswer = z.output<typeof examAnswerSchema>;

/** Answers saved in this app for one server attempt, by item id, until their section is submitted. */
export interface Drafts {
  readonly answers: Readonly<Record<string, DraftAnswer>>;
  readonly savedAt: number | null;
}

export type Starter = (exercise: string) => { entry: string; files: { path: string; content: string }[] } | null;

type ServerQuestion = ExamAttemptView['questions'][number];
const questionKinds = examQuestionSchema.shape.kind;

function question(q: ServerQuestion, draft: DraftAnswer | undefined, starter: Starter): ExamQuestion {
  const kind = questionKinds.safeParse(q.kind);
  if (!kind.success) throw new DronaError('bad_response', `The sync server asked a "${q.kind}" question, which this app cannot show; update the app.`);
  const base = { itemId: q.itemId, kind: kind.data, number: q.number, prompt: q.prompt };
  if (kind.data === 'coding-challenge') {
    const start = q.exercise ? starter(q.exercise) : null;
    return {
      ...base,
      ...(q.title ? { title: q.title } : {}),
      ...(q.difficulty ? { difficulty: q.difficulty } : {}),
      entry: start?.entry ?? '',
      saved: draft?.kind === 'code' ? draft.files : (start?.files ?? []),
      checked: null,
    };
  }
  if (kind.data === 'design-question') return { ...base, saved: draft?.kind === 'design' ? draft.text : null };
  return {
    ...base,
    ...(q.code ? { code: q.code } : {}),
    ...(q.language ? { language: q.language } : {}),
    options: q.options ?? [],
    saved: draft?.kind === 'choice' ? draft.selected : null,
  };
}

/** The window's view of a server attempt: time left from the server's deadline, answers as saved here. */
export function serverExamView(attempt: ExamAttemptView, drafts: Drafts, starter: Starter, now: number): ExamView {
  const current = attempt.sections[attempt.sectionIndex];
  return {
    attemptId: attempt.attemptId,
    courseId: attempt.courseId,
    title: attempt.title,
    status: attempt.status,
    sectionIndex: attempt.sectionIndex,
    sections: attempt.sections.map((section) => ({
      kind: section.kind,
      title: section.title,
      minutes: section.minutes,
      questions: section.questions,
      remainingMs: section.deadline !== null ? Math.max(0, section.deadline - now) : section.submitted ? 0 : section.minutes * 60_000,
      submitted: section.submitted,
      timedOut: section.timedOut,
      score: section.score,
    })),
    questions: attempt.questions.map((q) => question(q, drafts.answers[q.itemId], starter)),
    asked: current?.kind === 'conceptual' && attempt.questions[0] ? attempt.questions[0].number - 1 : 0,
    interview: [],
    // The server keeps the written answer for a person; it runs no tutor.
    interviewer: false,
    savedAt: drafts.savedAt,
    result: attempt.result && { ...attempt.result, passPercent: attempt.passPercent, firstAttempt: attempt.firstAttempt },
    gradedBy: 'server',
  };
}

type SectionBody = z.input<(typeof sectionSubmissions)[keyof typeof sectionSubmissions]>;

/** What the server's section route takes from the answers saved here (a challenge left alone sends its starter files). */
export function sectionSubmission(attempt: ExamAttemptView, drafts: Drafts, starter: Starter): SectionBody {
  const kind = attempt.sections[attempt.sectionIndex]?.kind;
  const draft = (itemId: string) => drafts.answers[itemId];
  const choice = (itemId: string) => {
    const saved = draft(itemId);
    return { itemId, selected: saved?.kind === 'choice' ? saved.selected : null };
  };
  const [first] = attempt.questions;
  switch (kind) {
    case 'conceptual':
      if (!first) throw new DronaError('conflict', 'The Conceptual section has no question left to answer.');
      return choice(first.itemId);
    case 'codeAnalysis':
      return { answers: attempt.questions.map((q) => choice(q.itemId)) };
    case 'challenges':
      return {
        answers: attempt.questions.flatMap((q) => {
          const saved = draft(q.itemId);
          const files = saved?.kind === 'code' ? saved.files : q.exercise ? (starter(q.exercise)?.files ?? []) : [];
          return files.length > 0 ? [{ itemId: q.itemId, files }] : [];
        }),
      };
    case 'design': {
      if (!first) throw new DronaError('conflict', 'The design section has no question.');
      const saved = draft(first.itemId);
      return { itemId: first.itemId, text: saved?.kind === 'design' ? saved.text : '' };
    }
    default:
      throw new DronaError('conflict', 'This exam attempt is finished.');
  }
}
