// One XP table for the HUD and the leaderboards: what the app records, drained from its outbox
// as the sync service sends it, earns the same XP under the hosted API's rules (common/rules)
// as the HUD shows. The end-to-end proof with a real server is tests/e2e/xp-parity.spec.ts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyLedger, judgeBatch } from '../../common/rules/completion-rules';
import type { LearningEvent } from '../../preload/contract/progress';
import { openStore, type Store } from '../store/open-store';
import { drainOutbox } from '../sync/outbox-drain';
import { ProgressService } from './progress-service';

const day = 86_400_000;
const minute = 60_000;
const start = Date.UTC(2026, 5, 1, 9);
const NOW = start + 14 * day;

let store: Store | undefined;
afterEach(() => store?.close());

/** A learner's fortnight: every kind, bonuses on and off, a 7-day streak whose freeze covers a missed day, then a break. */
function fortnight(): LearningEvent[] {
  const events: LearningEvent[] = [];
  const add = (kind: LearningEvent['kind'], at: number, facts: Partial<LearningEvent> = {}) =>
    events.push({
      kind,
      idempotencyKey: `${kind}:${events.length}`,
      courseId: 'c',
      lessonId: `l${events.length}`,
      occurredAt: at,
      timezone: 'UTC',
      elapsedSeconds: 120,
      ...facts,
    });
  for (const d of [0, 1, 2, 3, 4, 5, 6, 8, 12]) {
    const at = start + d * day;
    add('check-passed', at);
    add('lesson-completed', at + 5 * minute, { firstAttempt: d % 2 === 0 });
    add('hint-revealed', at + 7 * minute, { hintIndex: 0 });
    add('quiz-passed', at + 10 * minute, { score: d === 3 ? 100 : d === 4 ? 60 : 85 });
    add('challenge-completed', at + 20 * minute, { hintsUsed: d % 3 });
  }
  return events;
}

/** Records the events in the app, drains its outbox through the hosted API's rules; the HUD's total and the server's. */
async function bothTotals(events: readonly LearningEvent[]) {
  store = openStore(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'drona-parity-')), 'drona.db'));
  const progress = new ProgressService(store, { now: () => NOW });
  for (const event of events) await progress.record(event);

  const ledger = emptyLedger();
  let serverXp = 0;
  const outcome = await drainOutbox({
    store,
    now: () => NOW,
    random: () => 0.5,
    send: async (sent) => {
      const verdicts = judgeBatch(sent, ledger, { now: NOW, timezone: 'UTC' });
      const results = sent.map((event) => {
        const verdict = verdicts.get(event.idempotencyKey)!;
        expect(verdict).toMatchObject({ status: 'accepted' }); // nothing here is implausible
        const xp = verdict.status === 'accepted' ? verdict.xp : 0;
        serverXp += xp;
        return { idempotencyKey: event.idempotencyKey, status: verdict.status, xp };
      });
      return { results };
    },
  });
  expect(outcome).toMatchObject({ kind: 'drained', sent: events.length });
  return { hud: progress.snapshot().totalXp, server: serverXp, ledger, progress };
}

describe('the HUD and the hosted API agree on XP', () => {
  it('for the same events, the server rules grant exactly the HUD total', async () => {
    const { hud, server, ledger, progress } = await bothTotals(fortnight());
    expect(hud).toBeGreaterThan(3000);
    expect(server).toBe(hud);
    // The streaks agree too: eight days with the freeze bridging day 7, then a new one.
    expect(ledger.streak).toMatchObject({ current: 1, longest: 8, freezes: 0 });
    expect(progress.state().streak).toMatchObject({ current: 1, longest: 8 });
  });

  it('with challenges whose authors set their own hint cost, the event carries it and both award by it', async () => {
    const challenge = (i: number, hintsUsed: number, hintXpCost?: number): LearningEvent => ({
      kind: 'challenge-completed',
      idempotencyKey: `challenge:${i}`,
      courseId: 'c',
      lessonId: `ch${i}`,
      occurredAt: start + i * 10 * minute,
      timezone: 'UTC',
      elapsedSeconds: 300,
      hintsUsed,
      ...(hintXpCost === undefined ? {} : { hintXpCost }),
    });
    // 150-20, 150-0, 150-75 (capped at half), 150-30 (the default 15 XP each).
    const { hud, server } = await bothTotals([challenge(0, 3, 10), challenge(1, 4, 0), challenge(2, 2, 400), challenge(3, 3)]);
    expect(hud).toBe(130 + 150 + 75 + 120);
    expect(server).toBe(hud);
  });
});
