// The concept graph built from a track's config.json: titles, prerequisites from the concept
// exercises that teach each concept, only concepts the course uses, and never a cycle.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { conceptCycles } from '../bundle/concept-graph';
import { trackConcepts } from './track-concepts';
import { trackConfigSchema } from './track-format';

const config = (concept: { slug: string; concepts: string[]; prerequisites: string[] }[], names: Record<string, string> = {}) =>
  trackConfigSchema.parse({
    language: 'Python',
    slug: 'python',
    exercises: { concept: concept.map((entry) => ({ ...entry, name: entry.slug })) },
    concepts: Object.entries(names).map(([slug, name]) => ({ slug, name })),
  });

describe('trackConcepts', () => {
  it('titles concepts from the track, takes prerequisites from the exercises that teach them, and keeps only used ones', () => {
    const track = config(
      [
        { slug: 'lasagna', concepts: ['basics'], prerequisites: [] },
        { slug: 'wordy', concepts: ['strings', 'string-methods'], prerequisites: ['basics', 'unused'] },
        { slug: 'lists-ex', concepts: ['lists'], prerequisites: ['strings'] },
      ],
      { basics: 'Basics', strings: 'Strings', 'string-methods': 'String Methods', lists: 'Lists' },
    );
    const used = new Set(['basics', 'strings', 'string-methods', 'loops']);
    expect(trackConcepts(track, used, new Map([['basics', 'lasagna-introduction']]))).toEqual([
      { id: 'basics', title: 'Basics', prerequisites: [], lesson: 'lasagna-introduction' },
      { id: 'strings', title: 'Strings', prerequisites: ['basics'] },
      { id: 'string-methods', title: 'String Methods', prerequisites: ['basics'] },
      { id: 'loops', title: 'loops', prerequisites: [] },
    ]);
  });

  it('drops the prerequisite that would close a cycle', () => {
    const track = config([
      { slug: 'a', concepts: ['x'], prerequisites: ['y'] },
      { slug: 'b', concepts: ['y'], prerequisites: ['x'] },
    ]);
    expect(trackConcepts(track, new Set(['x', 'y']), new Map())).toEqual([
      { id: 'x', title: 'x', prerequisites: ['y'] },
      { id: 'y', title: 'y', prerequisites: [] },
    ]);
  });

  it('never gives a cycle or an unknown prerequisite, whatever the track says', () => {
    const slug = fc.constantFrom<string>('a', 'b', 'c', 'd', 'e');
    fc.assert(
      fc.property(fc.array(fc.record({ slug, concepts: fc.array(slug, { maxLength: 3 }), prerequisites: fc.array(slug, { maxLength: 3 }) }), { maxLength: 8 }), fc.uniqueArray(slug), (exercises, used) => {
        const concepts = trackConcepts(config(exercises), new Set(used), new Map());
        expect(concepts.map((concept) => concept.id).sort()).toEqual([...used].sort());
        for (const concept of concepts) expect(concept.prerequisites.every((id) => used.includes(id) && id !== concept.id)).toBe(true);
        expect(conceptCycles(concepts)).toEqual([]);
      }),
    );
  });
});
