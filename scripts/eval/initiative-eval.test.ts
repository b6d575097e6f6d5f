// The offers the tutor makes unasked, scored like its replies; and ratings counted from a store.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../main/store/open-store';
import { aiMessages, aiSessions } from '../../main/store/schema';
import { countRatings, formatOffers, scoreOffers } from './initiative-eval';

describe('initiative eval', () => {
  it('scores every offer: nothing revealed, the failing test named, a question or next step, short', () => {
    const results = scoreOffers();
    expect(new Set(results.map((r) => r.pattern))).toEqual(new Set(['socratic', 'simpler-explanation', 'praise', 'harder', 'check-in']));
    for (const r of results) {
      expect(r.revealed).toBe(false);
      expect(r.questionOrStep).toBe(true);
      expect(r.words).toBeLessThanOrEqual(60);
    }
    expect(results.find((r) => r.pattern === 'socratic')?.namesFailingTest).toBe(true);
  });

  it('counts the ratings learners gave, with the reasons', () => {
    const store = openStore(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'drona-ratings-')), 'drona.db'));
    store.db.insert(aiSessions).values({ id: 's', courseId: 'c', lessonId: 'l', provider: 'none', createdAt: 0, updatedAt: 0 }).run();
    const reply = (meta: unknown) => store.db.insert(aiMessages).values({ sessionId: 's', role: 'assistant', content: 'x', meta, createdAt: 0 }).run();
    reply({ rating: { helpful: true, reason: '' } });
    reply({ rating: { helpful: false, reason: 'It was too vague' } });
    reply({ rating: { helpful: false, reason: 'It was too vague' } });
    reply({ source: 'offline' });
    const ratings = countRatings(store);
    store.close();
    expect(ratings).toEqual({ helpful: 1, notHelpful: 2, reasons: { 'It was too vague': 2 } });
    expect(formatOffers(scoreOffers(), ratings)).toContain('learner ratings: 1 helpful, 2 not helpful (It was too vague: 2)');
  });
});
