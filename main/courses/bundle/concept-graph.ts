// The concept graph's rules, pure: which prerequisite edges close a cycle. The validator
// (course-concepts.ts) reports each with its location; property tests prove any DAG passes
// and any graph with a cycle is refused with a real cycle named.

export interface ConceptNode {
  readonly id: string;
  readonly prerequisites: readonly string[];
}

/** One cycle: ids in order, the first repeated at the end (a → b → a); `at` is the edge that closes it. */
export interface ConceptCycle {
  readonly ids: readonly string[];
  /** Index in `nodes` of the concept whose prerequisite closes the cycle, and that prerequisite's index. */
  readonly at: { readonly node: number; readonly prerequisite: number };
}

/**
 * Every back edge of a depth-first search over the prerequisites, as the cycle it closes.
 * A graph has a cycle exactly when a DFS meets a back edge, so an empty result means a DAG.
 * Prerequisites naming unknown concepts are ignored (reported elsewhere). Iterative, so deep
 * chains cannot overflow the stack; linear in nodes + edges.
 */
export function conceptCycles(nodes: readonly ConceptNode[]): ConceptCycle[] {
  const index = new Map<string, number>();
  nodes.forEach((node, i) => {
    if (!index.has(node.id)) index.set(node.id, i);
  });
  const state = new Uint8Array(nodes.length); // 0 unseen, 1 on the current path, 2 done
  const cycles: ConceptCycle[] = [];
  for (let root = 0; root < nodes.length; root++) {
    if (state[root] !== 0 || index.get(nodes[root]!.id) !== root) continue;
    const path: number[] = [root];
    const next: number[] = [0];
    state[root] = 1;
    while (path.length) {
      const top = path.length - 1;
      const node = path[top]!;
      const edge = next[top]!;
      const prerequisites = nodes[node]!.prerequisites;
      if (edge >= prerequisites.length) {
        state[node] = 2;
        path.pop();
        next.pop();
        continue;
      }
      next[top] = edge + 1;
      const target = index.get(prerequisites[edge]!);
      if (target === undefined) continue;
      if (state[target] === 1) {
        const from = path.indexOf(target);
        cycles.push({ ids: [...path.slice(from), target].map((i) => nodes[i]!.id), at: { node, prerequisite: edge } });
      } else if (state[target] === 0) {
        state[target] = 1;
        path.push(target);
        next.push(0);
      }
    }
  }
  return cycles;
}
