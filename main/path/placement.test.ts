import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConceptGraph, nextPick, PLACEMENT_LIMITS, settle, stopReason, type PlacementAnswer, type PlacementConcept, type PlacementItem } from './placement';

/** A random DAG: each concept's prerequisites are among the concepts before it. */
const dag = fc.integer({ min: 1, max: 14 }).chain((size) =>
  fc
    .tuple(
      ...Array.from({ length: size }, (_, i) =>
        fc.subarray(
          Array.from({ length: i }, (__, j) => j),
          { maxLength: Math.min(3, i) },
        ),
      ),
    )
    .map((prerequisites) => prerequisites.map((before, i): PlacementConcept => ({ id: `c${i}`, prerequisites: before.map((j) => `c${j}`) }))),
);

/** Each concept gets 0–2 questions of its own; some questions also cover a second concept. */
const withItems = dag.chain((concepts) =>
  fc
    .tuple(
      ...concepts.map((concept, i) =>
        fc.tuple(fc.integer({ min: 0, max: 2 }), fc.option(fc.integer({ min: 0, max: concepts.length - 1 }))).map(([count, extra]) =>
          Array.from({ length: count }, (_, k): PlacementItem => ({
            id: `q${i}-${k}`,
            concepts: extra === null || k > 0 ? [concept.id] : [concept.id, `c${extra}`],
          })),
        ),
      ),
    )
    .map((groups) => ({ concepts, items: groups.flat() })),
);

/** A learner whose knowledge is consistent with the graph: a set closed under prerequisites. */
const learnerOf = (graph: ConceptGraph, seeds: readonly string[]) => {
  const known = new Set<string>();
  for (const seed of seeds) if (graph.has(seed)) [seed, ...graph.ancestors(seed)].forEach((id) => known.add(id));
  return known;
};

/** Runs the quiz to its end with an oracle; returns the answers and the picks in order. */
function run(graph: ConceptGraph, items: readonly PlacementItem[], oracle: (conceptId: string, step: number) => boolean, limits = PLACEMENT_LIMITS) {
  const answers: PlacementAnswer[] = [];
  const picks: { conceptId: string; itemId: string; settledBefore: Map<string, string> }[] = [];
  for (let step = 0; step < 100; step++) {
    const pick = nextPick(graph, items, answers, 0, limits);
    if (!pick) break;
    picks.push({ ...pick, settledBefore: settle(graph, answers) });
    answers.push({ ...pick, correct: oracle(pick.conceptId, step) });
  }
  return { answers, picks };
}

const unlimited = { maxQuestions: 1000, maxMs: Number.POSITIVE_INFINITY };

describe('placement selection and stopping', () => {
  it('never asks a question twice nor a concept already settled, and the question covers its concept', () => {
    fc.assert(
      fc.property(withItems, fc.array(fc.boolean(), { maxLength: 40 }), ({ concepts, items }, coin) => {
        const graph = new ConceptGraph(concepts);
        const { picks } = run(graph, items, (_, step) => coin[step] ?? true, unlimited);
        expect(new Set(picks.map((pick) => pick.itemId)).size).toBe(picks.length);
        for (const pick of picks) {
          expect(pick.settledBefore.has(pick.conceptId)).toBe(false);
          expect(items.find((item) => item.id === pick.itemId)!.concepts).toContain(pick.conceptId);
        }
      }),
    );
  });

  it('stops within the question limit, at the time limit, and when nothing unsettled has a question', () => {
    fc.assert(
      fc.property(withItems, fc.integer({ min: 1, max: 20 }), fc.array(fc.boolean(), { maxLength: 40 }), ({ concepts, items }, maxQuestions, coin) => {
        const graph = new ConceptGraph(concepts);
        const limits = { maxQuestions, maxMs: 600_000 };
        const { answers } = run(graph, items, (_, step) => coin[step] ?? false, limits);
        expect(answers.length).toBeLessThanOrEqual(Math.min(maxQuestions, items.length));
        const reason = stopReason(graph, items, answers, 0, limits);
        expect(reason).not.toBeNull();
        if (answers.length < maxQuestions) expect(reason).toBe('settled');
        expect(nextPick(graph, items, [], limits.maxMs, limits)).toBeNull();
        expect(stopReason(graph, items, [], limits.maxMs, limits)).toBe('time');
      }),
    );
  });

  it('settles consistently: the known set keeps its prerequisites, the unknown set its successors', () => {
    fc.assert(
      fc.property(withItems, fc.array(fc.boolean(), { maxLength: 40 }), ({ concepts, items }, coin) => {
        const graph = new ConceptGraph(concepts);
        const { answers } = run(graph, items, (_, step) => coin[step] ?? true, unlimited);
        const settled = settle(graph, answers);
        for (const [id, value] of settled) {
          if (value === 'known') for (const below of graph.ancestors(id)) expect(settled.get(below)).toBe('known');
          else for (const above of graph.descendants(id)) expect(settled.get(above)).toBe('unknown');
        }
      }),
    );
  });

  it('places a consistent learner exactly where every concept has a question', () => {
    fc.assert(
      fc.property(dag, fc.array(fc.nat(), { maxLength: 4 }), (concepts, seedIndexes) => {
        const graph = new ConceptGraph(concepts);
        const items = concepts.map((concept) => ({ id: `q-${concept.id}`, concepts: [concept.id] }));
        const known = learnerOf(
          graph,
          seedIndexes.map((i) => `c${i % concepts.length}`),
        );
        const { answers } = run(graph, items, (conceptId) => known.has(conceptId), unlimited);
        const settled = settle(graph, answers);
        expect(settled.size).toBe(concepts.length);
        for (const concept of concepts) expect(settled.get(concept.id)).toBe(known.has(concept.id) ? 'known' : 'unknown');
        // Inference saves questions: never more than one per concept.
        expect(answers.length).toBeLessThanOrEqual(concepts.length);
      }),
    );
  });

  it('asks a prerequisite of a missed concept next, and skips ahead to a successor of a known one', () => {
    fc.assert(
      fc.property(withItems, fc.array(fc.boolean(), { maxLength: 40 }), ({ concepts, items }, coin) => {
        const graph = new ConceptGraph(concepts);
        const { answers, picks } = run(graph, items, (_, step) => coin[step] ?? true, unlimited);
        for (let i = 1; i < picks.length; i++) {
          const previous = answers[i - 1]!;
          const open = (id: string) =>
            !picks[i]!.settledBefore.has(id) && items.some((item) => !answers.slice(0, i).some((a) => a.itemId === item.id) && item.concepts.includes(id));
          const below = [...graph.ancestors(previous.conceptId)].filter(open);
          const after = graph.successors(previous.conceptId).filter(open);
          if (!previous.correct && below.length > 0) expect(below).toContain(picks[i]!.conceptId);
          if (previous.correct && after.length > 0) expect(after).toContain(picks[i]!.conceptId);
        }
      }),
    );
  });

  it('starts in the middle of a chain, like a binary search', () => {
    const chain = ['a', 'b', 'c', 'd', 'e'].map((id, i, all) => ({ id, prerequisites: i ? [all[i - 1]!] : [] }));
    const graph = new ConceptGraph(chain);
    const items = chain.map((concept) => ({ id: `q-${concept.id}`, concepts: [concept.id] }));
    expect(nextPick(graph, items, [], 0)?.conceptId).toBe('c');
    // Knows c: a and b are settled known without a question; d is next.
    expect(nextPick(graph, items, [{ itemId: 'q-c', conceptId: 'c', correct: true }], 0)?.conceptId).toBe('d');
    // Misses c: d and e are settled unknown; b is next.
    expect(nextPick(graph, items, [{ itemId: 'q-c', conceptId: 'c', correct: false }], 0)?.conceptId).toBe('b');
  });
});
