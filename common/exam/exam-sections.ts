// The four sections of the Silver exam (design §9.2) and what the bank gives each: shared by the
// app's exam and the hosted API's server-graded attempts. Pure.
import type { ExamBank, ExamItem } from './exam-format';

/** The exam section an item belongs to. */
export type ExamSectionKind = 'conceptual' | 'codeAnalysis' | 'challenges' | 'design';
export const sectionOf = (item: ExamItem): ExamSectionKind =>
  item.kind === 'choice' ? 'conceptual' : item.kind === 'coding-challenge' ? 'challenges' : item.kind === 'design-question' ? 'design' : 'codeAnalysis';

export const sectionTitles: Readonly<Record<ExamSectionKind, string>> = {
  conceptual: 'Conceptual',
  codeAnalysis: 'Code analysis',
  challenges: 'Coding challenges',
  design: 'Design interview',
};

export const sectionMinutes = (bank: ExamBank, kind: ExamSectionKind): number => bank.sections[kind].minutes;
export const sectionQuestions = (bank: ExamBank, kind: ExamSectionKind): number =>
  kind === 'conceptual' ? bank.sections.conceptual.questions : kind === 'codeAnalysis' ? bank.sections.codeAnalysis.questions : kind === 'challenges' ? 3 : 1;

export const itemById = (bank: ExamBank, id: string): ExamItem | undefined => bank.items.find((item) => item.id === id);

/** What an attempt needs from the bank that is missing; empty when an exam can be assembled. Pure. */
export function bankShortfalls(bank: ExamBank): string[] {
  const count = (section: ExamSectionKind, difficulty?: number) =>
    bank.items.filter((item) => sectionOf(item) === section && (difficulty === undefined || item.difficulty === difficulty)).length;
  const missing: string[] = [];
  const { conceptual, codeAnalysis } = bank.sections;
  if (count('conceptual') < conceptual.questions)
    missing.push(`${conceptual.questions} "choice" items for the Conceptual section (found ${count('conceptual')})`);
  if (count('codeAnalysis') < codeAnalysis.questions)
    missing.push(`${codeAnalysis.questions} "predict-output" or "find-the-bug" items for Code analysis (found ${count('codeAnalysis')})`);
  for (const difficulty of [1, 2, 3]) if (count('challenges', difficulty) < 1) missing.push(`a "coding-challenge" of difficulty ${difficulty}`);
  if (count('design') < 1) missing.push('a "design-question"');
  return missing;
}
