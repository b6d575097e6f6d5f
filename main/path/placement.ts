// The placement quiz's rules, pure: which concept to ask about next and when to stop.
//
// The concept graph is read as a knowledge space: knowing a concept implies knowing its
// prerequisites (all of them, transitively), and not knowing it implies not knowing anything
// built on it. So each answer settles more than one concept, and the quiz walks the graph
// like a binary search:
// - the first question targets the concept that splits the unsettled graph most evenly
//   (as many unsettled concepts below it as above it);
// - after a miss it asks the missed concept's prerequisites (where does knowledge stop?);
// - after a right answer it skips ahead to the concept's successors (how far does it reach?);
// - it stops when nothing unsettled has a question left, after MAX_QUESTIONS, or after about
//   ten minutes; the learner may stop it at any point and keeps what was answered.
// Settled concepts are never asked, and no question is asked twice.

export interface PlacementConcept {
  readonly id: string;
  readonly prerequisites: readonly string[];
}

/** A question of the course's bank and the concepts it assesses. */
export interface PlacementItem {
  readonly id: string;
  readonly concepts: readonly string[];
}

export interface PlacementAnswer {
  readonly itemId: string;
  /** The concept the question was asked for. */
  readonly conceptId: string;
  readonly correct: boolean;
}

export interface PlacementLimits {
  readonly maxQuestions: number;
  readonly maxMs: number;
}

/** About ten minutes at under a minute per question. */
export const PLACEMENT_LIMITS: PlacementLimits = { maxQuestions: 12, maxMs: 10 * 60_000 };

export type Settled = 'known' | 'unknown';

/** The graph in both directions, in the course's concept order. */
export class ConceptGraph {
  readonly order: readonly string[];
  private readonly prerequisitesOf = new Map<string, readonly string[]>();
  private readonly successorsOf = new Map<string, string[]>();

  constructor(concepts: readonly PlacementConcept[]) {
    this.order = concepts.map((concept) => concept.id);
    for (const concept of concepts) {
      const prerequisites = concept.prerequisites.filter((id) => id !== concept.id);
      this.prerequisitesOf.set(concept.id, prerequisites);
      for (const prerequisite of prerequisites) this.successorsOf.set(prerequisite, [...(this.successorsOf.get(prerequisite) ?? []), concept.id]);
    }
  }

  has(id: string): boolean {
    return this.prerequisitesOf.has(id);
  }

  prerequisites(id: string): readonly string[] {
    return (this.prerequisitesOf.get(id) ?? []).filter((prerequisite) => this.has(prerequisite));
  }

  successors(id: string): readonly string[] {
    return this.successorsOf.get(id) ?? [];
  }

  /** Every concept below `id` (its prerequisites, theirs, ...), without `id` itself. */
  ancestors(id: string): Set<string> {
    return this.closure(id, (at) => this.prerequisites(at));
  }

  /** Every concept built on `id`, without `id` itself. */
  descendants(id: string): Set<string> {
    return this.closure(id, (at) => this.successors(at));
  }

  private closure(start: string, next: (id: string) => readonly string[]): Set<string> {
    const seen = new Set<string>();
    const queue = [...next(start)];
    while (queue.length > 0) {
      const id = queue.pop()!;
      if (seen.has(id) || id === start) continue;
      seen.add(id);
      queue.push(...next(id));
    }
    return seen;
  }
}

/** What the answers settle: a right answer settles the concept and its ancestors known, a miss it and its descendants unknown. */
export function settle(graph: ConceptGraph, answers: readonly PlacementAnswer[]): Map<string, Settled> {
  const settled = new Map<string, Settled>();
  for (const answer of answers) {
    if (!graph.has(answer.conceptId)) continue;
    const value: Settled = answer.correct ? 'known' : 'unknown';
    const implied = answer.correct ? graph.ancestors(answer.conceptId) : graph.descendants(answer.conceptId);
    // The first answer that settles a concept wins; the selection never asks a settled one.
    for (const id of [answer.conceptId, ...implied]) if (!settled.has(id)) settled.set(id, value);
  }
  return settled;
}

export interface PlacementPick {
  readonly conceptId: string;
  readonly itemId: string;
}

/** Why the quiz stops, or null while it goes on. */
export function stopReason(
  graph: ConceptGraph,
  items: readonly PlacementItem[],
  answers: readonly PlacementAnswer[],
  elapsedMs: number,
  limits: PlacementLimits = PLACEMENT_LIMITS,
): 'questions' | 'time' | 'settled' | null {
  if (answers.length >= limits.maxQuestions) return 'questions';
  if (elapsedMs >= limits.maxMs) return 'time';
  return candidates(graph, items, answers).size === 0 ? 'settled' : null;
}

/** Unsettled concepts with an unasked question, each with its best question (fewest concepts, then bank order). */
function candidates(graph: ConceptGraph, items: readonly PlacementItem[], answers: readonly PlacementAnswer[]): Map<string, string> {
  const settled = settle(graph, answers);
  const asked = new Set(answers.map((answer) => answer.itemId));
  const best = new Map<string, PlacementItem>();
  for (const item of items) {
    if (asked.has(item.id)) continue;
    for (const conceptId of item.concepts) {
      if (!graph.has(conceptId) || settled.has(conceptId)) continue;
      const current = best.get(conceptId);
      if (!current || item.concepts.length < current.concepts.length) best.set(conceptId, item);
    }
  }
  return new Map([...best].map(([conceptId, item]) => [conceptId, item.id]));
}

/** The next question to ask, or null when the quiz stops. */
export function nextPick(
  graph: ConceptGraph,
  items: readonly PlacementItem[],
  answers: readonly PlacementAnswer[],
  elapsedMs: number,
  limits: PlacementLimits = PLACEMENT_LIMITS,
): PlacementPick | null {
  if (stopReason(graph, items, answers, elapsedMs, limits)) return null;
  const open = candidates(graph, items, answers);
  const settled = settle(graph, answers);
  const last = answers.at(-1);
  let preferred: string[] = [];
  if (last && !last.correct) {
    preferred = graph.prerequisites(last.conceptId).filter((id) => open.has(id));
    if (preferred.length === 0) preferred = [...graph.ancestors(last.conceptId)].filter((id) => open.has(id));
  } else if (last) {
    preferred = graph.successors(last.conceptId).filter((id) => open.has(id));
  }
  const pool = preferred.length > 0 ? preferred : [...open.keys()];
  const unsettled = (ids: Set<string>) => [...ids].filter((id) => !settled.has(id)).length;
  const split = (id: string) => Math.min(unsettled(graph.ancestors(id)), unsettled(graph.descendants(id)));
  const position = (id: string) => graph.order.indexOf(id);
  const conceptId = pool.reduce((best, id) => {
    const difference = split(id) - split(best);
    return difference > 0 || (difference === 0 && position(id) < position(best)) ? id : best;
  });
  return { conceptId, itemId: open.get(conceptId)! };
}
