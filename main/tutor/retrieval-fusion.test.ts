import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cosineSimilarity, rankByEmbedding, reciprocalRankFusion } from './retrieval-fusion';

describe('reciprocal rank fusion', () => {
  it('puts an item both rankings like above items only one ranking likes', () => {
    const keyword = ['loops', 'lists', 'strings'];
    const semantic = ['ranges', 'lists', 'loops'];
    const fused = reciprocalRankFusion([keyword, semantic], (s) => s).map((r) => r.item);
    expect(fused.slice(0, 2).sort()).toEqual(['lists', 'loops']);
    expect(fused).toHaveLength(4);
  });

  it('with one list keeps its order; scores never increase down the list', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string(), { maxLength: 30 }), fc.uniqueArray(fc.string(), { maxLength: 30 }), (a, b) => {
        expect(reciprocalRankFusion([a], (s) => s).map((r) => r.item)).toEqual(a);
        const fused = reciprocalRankFusion([a, b], (s) => s);
        for (let i = 1; i < fused.length; i++) expect(fused[i]!.score).toBeLessThanOrEqual(fused[i - 1]!.score);
        expect(new Set(fused.map((r) => r.item))).toEqual(new Set([...a, ...b]));
      }),
    );
  });

  it('ranks by cosine similarity', () => {
    expect(cosineSimilarity([1, 0], [1, 0])).toBeCloseTo(1);
    expect(cosineSimilarity([1, 0], [0, 1])).toBe(0);
    expect(cosineSimilarity([0, 0], [1, 1])).toBe(0);
    expect(
      rankByEmbedding(
        [1, 0],
        [
          { item: 'b', vector: [0, 1] },
          { item: 'a', vector: [2, 0.1] },
        ],
      ),
    ).toEqual(['a', 'b']);
  });
});
