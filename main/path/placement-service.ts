// The placement quiz as the learner takes it: main keeps each run (the questions with their
// answers never reach the window before they are answered), asks what placement.ts picks, and
// records every answer at once as `placement` evidence, so stopping early loses nothing.
import { randomUUID } from 'node:crypto';
import { DronaError } from '../../preload/contract/errors';
import type { PlacementStep } from '../../preload/contract/path';
import type { MasteryStore } from '../learner/mastery-store';
import type { ConceptInfo } from '../learner/recommendation';
import { ConceptGraph, nextPick, PLACEMENT_LIMITS, settle, type PlacementAnswer, type PlacementItem } from './placement';

/** A question of the course's bank (a lesson quiz or a concept check) and the concepts it assesses. */
export interface BankQuestion extends PlacementItem {
  readonly prompt: string;
  readonly code?: string;
  readonly language?: string;
  readonly options: readonly { readonly text: string; readonly correct: boolean }[];
}

export interface PlacementDeps {
  readonly mastery: Pick<MasteryStore, 'apply'>;
  readonly concepts: (courseId: string) => readonly ConceptInfo[];
  readonly bank: (courseId: string) => Promise<readonly BankQuestion[]>;
  /** The lessons tested out once the placement is over. */
  readonly testedOut: (courseId: string) => string[];
  readonly now: () => number;
}

interface Run {
  readonly id: string;
  readonly courseId: string;
  readonly graph: ConceptGraph;
  readonly titles: ReadonlyMap<string, string>;
  readonly questions: ReadonlyMap<string, BankQuestion>;
  readonly answers: PlacementAnswer[];
  readonly startedAt: number;
  pick: { conceptId: string; itemId: string } | null;
}

/** Runs left unfinished (a closed window) are forgotten after this many newer ones. */
const KEPT_RUNS = 8;

export class PlacementService {
  private readonly runs = new Map<string, Run>();

  constructor(private readonly deps: PlacementDeps) {}

  async start(courseId: string): Promise<PlacementStep> {
    const concepts = this.deps.concepts(courseId);
    const graph = new ConceptGraph(concepts);
    const questions = (await this.deps.bank(courseId)).filter((question) => question.concepts.some((id) => graph.has(id)));
    const run: Run = {
      id: randomUUID(),
      courseId,
      graph,
      titles: new Map(concepts.map((concept) => [concept.id, concept.title])),
      questions: new Map(questions.map((question) => [question.id, question])),
      answers: [],
      startedAt: this.deps.now(),
      pick: null,
    };
    this.runs.set(run.id, run);
    for (const old of [...this.runs.keys()].slice(0, Math.max(0, this.runs.size - KEPT_RUNS))) this.runs.delete(old);
    return this.advance(run);
  }

  answer(placementId: string, selected: readonly number[], responseMs: number): PlacementStep & { correct: boolean } {
    const run = this.run(placementId);
    const pick = run.pick;
    if (!pick) throw new DronaError('conflict', 'This placement quiz has no question waiting: it has finished.');
    const question = run.questions.get(pick.itemId)!;
    const right = question.options.flatMap((option, index) => (option.correct ? [index] : []));
    const chosen = [...new Set(selected)].sort((a, b) => a - b);
    const correct = chosen.length === right.length && chosen.every((index, i) => index === right[i]);
    const before = settle(run.graph, run.answers);
    run.answers.push({ itemId: pick.itemId, conceptId: pick.conceptId, correct });
    this.record(run, before, responseMs);
    return { ...this.advance(run), correct };
  }

  finish(placementId: string): PlacementStep {
    const run = this.run(placementId);
    run.pick = null;
    this.runs.delete(run.id);
    return this.step(run);
  }

  /**
   * Evidence for the concept asked and for what its answer settled known (its prerequisites):
   * the tested-out rule reads the placement's word on each. Concepts settled unknown by
   * implication get none: nothing was observed about them.
   */
  private record(run: Run, before: ReadonlyMap<string, string>, responseMs: number): void {
    const answer = run.answers.at(-1)!;
    const after = settle(run.graph, run.answers);
    const implied = [...after].filter(([id, value]) => !before.has(id) && id !== answer.conceptId && value === 'known').map(([id]) => id);
    const at = this.deps.now();
    const base = { courseId: run.courseId, kind: 'placement' as const, occurredAt: at };
    this.deps.mastery.apply([
      { ...base, key: `placement:${run.id}:${answer.conceptId}`, conceptId: answer.conceptId, correct: answer.correct, timeRatio: responseMs / 60_000 },
      ...implied.map((conceptId) => ({ ...base, key: `placement:${run.id}:${conceptId}`, conceptId, correct: true })),
    ]);
  }

  private run(placementId: string): Run {
    const run = this.runs.get(placementId);
    if (!run) throw new DronaError('not_found', 'This placement quiz is no longer open. Start it again from Settings.');
    return run;
  }

  private advance(run: Run): PlacementStep {
    run.pick = nextPick(run.graph, [...run.questions.values()], run.answers, this.deps.now() - run.startedAt);
    if (!run.pick) this.runs.delete(run.id);
    return this.step(run);
  }

  private step(run: Run): PlacementStep {
    const limit = Math.min(PLACEMENT_LIMITS.maxQuestions, run.questions.size);
    const question = run.pick ? run.questions.get(run.pick.itemId)! : null;
    if (!question || !run.pick) {
      const known = [...settle(run.graph, run.answers)].filter(([, value]) => value === 'known').map(([id]) => id);
      return { placementId: run.id, question: null, asked: run.answers.length, limit, known, testedOut: this.deps.testedOut(run.courseId) };
    }
    return {
      placementId: run.id,
      question: {
        questionId: question.id,
        conceptTitle: run.titles.get(run.pick.conceptId) ?? run.pick.conceptId,
        prompt: question.prompt,
        ...(question.code !== undefined ? { code: question.code } : {}),
        ...(question.language !== undefined ? { language: question.language } : {}),
        options: question.options.map((option) => option.text),
        multiple: question.options.filter((option) => option.correct).length > 1,
      },
      asked: run.answers.length,
      limit,
      known: [],
      testedOut: [],
    };
  }
}
