// The concept graph's cycle rule as properties: every DAG passes, every graph with a cycle is
// refused, and every cycle named is a real cycle of the graph.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { conceptCycles, type ConceptNode } from './concept-graph';

/** Whether `nodes` has a cycle, by Kahn's algorithm (a reference independent of the DFS). */
function hasCycle(nodes: readonly ConceptNode[]): boolean {
  const ids = new Set(nodes.map((node) => node.id));
  const remaining = new Map(nodes.map((node) => [node.id, new Set(node.prerequisites.filter((id) => ids.has(id)))]));
  let progress = true;
  while (progress) {
    progress = false;
    for (const [id, prerequisites] of remaining) {
      if (prerequisites.size) continue;
      remaining.delete(id);
      for (const other of remaining.values()) other.delete(id);
      progress = true;
    }
  }
  return remaining.size > 0;
}

/** n concepts c0..c(n-1) with random prerequisite edges; `acyclic` only lets a concept depend on lower numbers. */
const graph = (acyclic: boolean) =>
  fc.integer({ min: 1, max: 12 }).chain((n) =>
    fc
      .array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 30 })
      .chain((edges) => fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n }).map((order) => ({ n, edges, order })))
      .map(({ n: size, edges, order }) => {
        const prerequisites = Array.from({ length: size }, () => new Set<number>());
        for (const [from, to] of edges) if (!acyclic || to < from) prerequisites[from]!.add(to);
        // Declared in a shuffled order, so acyclicity never depends on the order of declaration.
        return order.map((i) => ({ id: `c${i}`, prerequisites: [...prerequisites[i]!].map((p) => `c${p}`) }));
      }),
  );

const edgeSet = (nodes: readonly ConceptNode[]) => new Set(nodes.flatMap((node) => node.prerequisites.map((p) => `${node.id}->${p}`)));

describe('conceptCycles', () => {
  it('accepts every DAG', () => {
    fc.assert(
      fc.property(graph(true), (nodes) => {
        expect(conceptCycles(nodes)).toEqual([]);
      }),
    );
  });

  it('refuses exactly the graphs with a cycle, and each cycle it names is real', () => {
    fc.assert(
      fc.property(graph(false), (nodes) => {
        const cycles = conceptCycles(nodes);
        expect(cycles.length > 0).toBe(hasCycle(nodes));
        const edges = edgeSet(nodes);
        for (const cycle of cycles) {
          expect(cycle.ids.at(0)).toBe(cycle.ids.at(-1));
          expect(new Set(cycle.ids.slice(1)).size).toBe(cycle.ids.length - 1);
          for (let i = 0; i + 1 < cycle.ids.length; i++) expect(edges.has(`${cycle.ids[i]}->${cycle.ids[i + 1]}`)).toBe(true);
          // `at` is the edge closing it: from the cycle's last concept back to its first.
          const closing = nodes[cycle.at.node]!;
          expect(closing.id).toBe(cycle.ids.at(-2));
          expect(closing.prerequisites[cycle.at.prerequisite]).toBe(cycle.ids.at(-1));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('ignores unknown prerequisites and handles long chains without recursion', () => {
    expect(conceptCycles([{ id: 'a', prerequisites: ['missing'] }])).toEqual([]);
    const chain = Array.from({ length: 20_000 }, (_, i) => ({ id: `c${i}`, prerequisites: i ? [`c${i - 1}`] : ['c19999'] }));
    const cycles = conceptCycles(chain);
    expect(cycles).toHaveLength(1);
    expect(cycles[0]!.ids).toHaveLength(20_001);
  });
});
