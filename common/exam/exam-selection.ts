// Which questions an attempt asks, from the bank and the attempt's seed: pure and deterministic,
// so the same seed gives the same exam (and a restart rebuilds it), while a new attempt's seed
// draws a fresh selection. The Conceptual section adapts: each next question's difficulty
// follows the learner's last answers.
import { sectionOf } from './exam-sections';
import type { ExamBank, ExamDifficulty, ExamItem } from './exam-format';

/** A small, fast PRNG (mulberry32) seeded from a string; plenty for drawing questions. */
export function seededRandom(seed: string): () => number {
  let state = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) state = Math.imul(state ^ seed.charCodeAt(i), 0x01000193) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seeded Fisher–Yates shuffle (a copy). */
export function shuffled<T>(items: readonly T[], seed: string): T[] {
  const random = seededRandom(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** The order an attempt shows a question's options in: `order[shown] = index in the bank`. */
export const optionOrder = (seed: string, itemId: string, count: number): number[] =>
  shuffled(
    Array.from({ length: count }, (_, index) => index),
    `${seed}:options:${itemId}`,
  );

/** The fixed part of an attempt: code-analysis questions, a challenge per difficulty (easy, medium, hard), a design question. */
export interface ExamDraw {
  readonly codeAnalysis: readonly string[];
  readonly challenges: readonly string[];
  readonly design: string;
}

/** Draws the fixed sections; throws when the bank is too small (the validator refuses such banks). */
export function drawExam(bank: ExamBank, seed: string): ExamDraw {
  const pool = (section: ReturnType<typeof sectionOf>) =>
    shuffled(
      bank.items.filter((item) => sectionOf(item) === section),
      `${seed}:${section}`,
    );
  const codeAnalysis = pool('codeAnalysis').slice(0, bank.sections.codeAnalysis.questions);
  const challenges = ([1, 2, 3] as const).map((difficulty) => pool('challenges').find((item) => item.difficulty === difficulty));
  const design = pool('design')[0];
  if (codeAnalysis.length < bank.sections.codeAnalysis.questions || challenges.some((item) => !item) || !design)
    throw new Error('The exam bank is too small for an attempt.');
  return { codeAnalysis: codeAnalysis.map((item) => item.id), challenges: challenges.map((item) => item!.id), design: design.id };
}

export const START_DIFFICULTY: ExamDifficulty = 2;

/** The next Conceptual difficulty: up one after a right answer, down one after a wrong one, from medium. */
export function nextDifficulty(answers: readonly boolean[]): ExamDifficulty {
  let difficulty: number = START_DIFFICULTY;
  for (const correct of answers) difficulty = Math.min(3, Math.max(1, difficulty + (correct ? 1 : -1)));
  return difficulty as ExamDifficulty;
}

/**
 * The next Conceptual question: one not asked yet, of the difficulty the answers so far call for,
 * else of the nearest difficulty (the easier one on a tie); null when the section is complete.
 */
export function nextConceptual(bank: ExamBank, seed: string, asked: readonly { itemId: string; correct: boolean }[]): ExamItem | null {
  if (asked.length >= bank.sections.conceptual.questions) return null;
  const seen = new Set(asked.map((answer) => answer.itemId));
  const remaining = shuffled(
    bank.items.filter((item) => sectionOf(item) === 'conceptual' && !seen.has(item.id)),
    `${seed}:conceptual`,
  );
  const wanted = nextDifficulty(asked.map((answer) => answer.correct));
  const byDistance = [0, -1, 1, -2, 2].map((offset) => wanted + offset);
  for (const difficulty of byDistance) {
    const found = remaining.find((item) => item.difficulty === difficulty);
    if (found) return found;
  }
  return null;
}
