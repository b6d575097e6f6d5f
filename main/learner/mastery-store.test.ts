// The stored learner model against a real SQLite store: replays are no-ops, the stored value is
// the pure model's fold, and an event's transaction that fails leaves mastery untouched.
import fc from 'fast-check';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../store/open-store';
import { applyEvidence, evidenceKinds } from './mastery';
import { MasteryStore, type EvidenceRecord } from './mastery-store';

const stores: Store[] = [];
afterEach(() => stores.splice(0).forEach((store) => store.close()));

function open() {
  const store = openStore(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'drona-mastery-')), 'drona.db'));
  stores.push(store);
  return store;
}

const record = (key: string, conceptId: string, correct: boolean, occurredAt = 1_000): EvidenceRecord => ({
  key,
  courseId: 'python-basics',
  conceptId,
  kind: 'quiz-answer',
  correct,
  occurredAt,
});

describe('mastery store', () => {
  it('applies each piece of evidence once, however often it is replayed', () => {
    const mastery = new MasteryStore(open());
    expect(mastery.apply([record('a', 'loops', true), record('b', 'loops', true)])).toBe(2);
    const once = mastery.forCourse('python-basics');
    expect(mastery.apply([record('a', 'loops', true), record('b', 'loops', true)])).toBe(0);
    expect(mastery.forCourse('python-basics')).toEqual(once);
    expect(once).toEqual([expect.objectContaining({ conceptId: 'loops', evidenceCount: 2, successCount: 2, lastEvidenceAt: 1_000, lastSuccessAt: 1_000 })]);
  });

  it('stores what the pure model computes from the same evidence in the same order', () => {
    const evidence = fc.array(
      fc.record({ conceptId: fc.constantFrom('loops', 'strings', 'lists'), kind: fc.constantFrom(...evidenceKinds), correct: fc.boolean() }),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(evidence, (items) => {
        const mastery = new MasteryStore(open());
        const records = items.map((item, index) => ({ ...item, key: `e${index}`, courseId: 'c', occurredAt: index }));
        mastery.apply(records);
        const expected = applyEvidence(new Map(), records);
        const stored = new Map(mastery.forCourse('c').map((row) => [row.conceptId, row.probability]));
        expect(stored.size).toBe(expected.size);
        for (const [conceptId, value] of expected) expect(stored.get(conceptId)).toBeCloseTo(value, 12);
      }),
      { numRuns: 40 },
    );
  });

  it('rolls back with the event that carried it', () => {
    const store = open();
    const mastery = new MasteryStore(store);
    expect(() =>
      store.transaction(() => {
        mastery.apply([record('a', 'loops', true)]);
        throw new Error('the event failed to record');
      }),
    ).toThrow('the event failed to record');
    expect(mastery.all()).toEqual([]);
    expect(mastery.apply([record('a', 'loops', true)])).toBe(1);
  });

  it('keeps the latest success when evidence arrives out of order', () => {
    const mastery = new MasteryStore(open());
    mastery.apply([record('late', 'loops', true, 5_000), record('early', 'loops', false, 2_000)]);
    expect(mastery.forCourse('python-basics')[0]).toMatchObject({ lastEvidenceAt: 5_000, lastSuccessAt: 5_000, successCount: 1, evidenceCount: 2 });
  });
});
