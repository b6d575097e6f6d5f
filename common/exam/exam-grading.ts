// Scores and the verdict of an attempt, computed by whoever holds the answers (the app's main
// process, or the hosted API for a server-graded attempt): a client never claims a score. Each section is a percentage; the overall score weighs them (design §9.2's
// four sections), and the design interview, when a person has yet to review it, leaves the verdict
// open only when it could still change it.
import type { ExamSectionKind } from './exam-sections';

export const sectionWeights: Readonly<Record<ExamSectionKind, number>> = { conceptual: 30, codeAnalysis: 20, challenges: 40, design: 10 };
export const sectionOrder: readonly ExamSectionKind[] = ['conceptual', 'codeAnalysis', 'challenges', 'design'];

/** Percent of right answers; unanswered questions count as wrong. */
export const choiceScore = (correct: number, total: number): number => (total <= 0 ? 0 : (100 * Math.min(correct, total)) / total);

/** Challenges weighed by difficulty (easy 1, medium 2, hard 3), each by the share of its tests that passed. */
export function challengeScore(results: readonly { difficulty: number; passed: number; total: number }[]): number {
  const weight = results.reduce((sum, result) => sum + result.difficulty, 0);
  if (weight === 0) return 0;
  const earned = results.reduce((sum, result) => sum + (result.total > 0 ? (result.difficulty * Math.min(result.passed, result.total)) / result.total : 0), 0);
  return (100 * earned) / weight;
}

export type ExamVerdict = 'passed' | 'failed' | 'pending-review';

export interface ExamScores {
  /** Per section, 0–100; design is null while it waits for a person's review. */
  readonly sections: Readonly<Record<ExamSectionKind, number | null>>;
  /** The overall score, counting a pending design as 0. */
  readonly overall: number;
  readonly verdict: ExamVerdict;
  /** Sections under the pass mark (the learner sees which to work on). */
  readonly failedSections: readonly ExamSectionKind[];
}

const round = (value: number) => Math.round(value * 10) / 10;

export function gradeExam(sections: Readonly<Record<ExamSectionKind, number | null>>, passPercent: number): ExamScores {
  const total = sectionOrder.reduce((sum, kind) => sum + sectionWeights[kind], 0);
  const part = (kind: ExamSectionKind, value: number) => (sectionWeights[kind] * Math.max(0, Math.min(100, value))) / total;
  const least = sectionOrder.reduce((sum, kind) => sum + part(kind, sections[kind] ?? 0), 0);
  const most = sectionOrder.reduce((sum, kind) => sum + part(kind, sections[kind] ?? 100), 0);
  // Rounded once, so the verdict and the score shown never disagree at the boundary.
  const [low, high] = [round(least), round(most)];
  const verdict: ExamVerdict = low >= passPercent ? 'passed' : high < passPercent ? 'failed' : 'pending-review';
  const failedSections = sectionOrder.filter((kind) => sections[kind] !== null && sections[kind] < passPercent);
  return { sections, overall: low, verdict, failedSections };
}
