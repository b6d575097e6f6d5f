// Reciprocal rank fusion (Cormack et al. 2009): merges the keyword (FTS5 bm25) ranking and
// the embedding ranking without calibrating their scores against each other.

export const RRF_K = 60;

export interface Ranked<T> {
  readonly item: T;
  readonly score: number;
}

/** Each list is best-first; an item's fused score is the sum of 1 / (k + rank) over the lists it is in. */
export function reciprocalRankFusion<T>(lists: readonly (readonly T[])[], keyOf: (item: T) => string, k = RRF_K): Ranked<T>[] {
  const fused = new Map<string, { item: T; score: number; firstSeen: number }>();
  let order = 0;
  for (const list of lists) {
    list.forEach((item, rank) => {
      const key = keyOf(item);
      const entry = fused.get(key) ?? { item, score: 0, firstSeen: order++ };
      entry.score += 1 / (k + rank + 1);
      fused.set(key, entry);
    });
  }
  return [...fused.values()].sort((a, b) => b.score - a.score || a.firstSeen - b.firstSeen).map(({ item, score }) => ({ item, score }));
}

export function cosineSimilarity(a: readonly number[], b: readonly number[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

/** Orders candidates by similarity of their embeddings to the query's, best first. */
export function rankByEmbedding<T>(query: readonly number[], candidates: readonly { item: T; vector: readonly number[] }[]): T[] {
  return [...candidates]
    .map((c) => ({ item: c.item, similarity: cosineSimilarity(query, c.vector) }))
    .sort((a, b) => b.similarity - a.similarity)
    .map((c) => c.item);
}
