// The hosted API's completion rules, exhaustively: what a client may claim and what is refused.
// Over 350 lines on purpose: each attack on the rules is one case here, side by side.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  anchoredKinds,
  canonicalOrder,
  certificateKey,
  earnedXp,
  emptyLedger,
  judge,
  judgeBatch,
  minActiveSeconds,
  timedKinds,
  type Completion,
  type Verdict,
} from './completion-rules';
import { defaultPlausibility as rules, eventKinds, type EventKind } from './plausibility';
import { emptyStreak } from './streaks';
import { awardFor } from './xp-rules';

// Wednesday 2026-11-25 12:00 UTC.
const now = Date.UTC(2026, 10, 25, 12);
const context = { now, timezone: 'UTC' };
const minute = 60_000;
const day = 86_400_000;
let n = 0;
const ev = (kind: EventKind, occurredAt: number, extra: Partial<Completion> = {}): Completion => ({
  idempotencyKey: `k${++n}`,
  kind,
  occurredAt,
  facts: {},
  ...extra,
});
const codeOf = (v: Verdict) => (v.status === 'rejected' ? v.code : 'accepted');

describe('completion rules: each refusal', () => {
  it('refuses the future and the too old', () => {
    expect(codeOf(judge(ev('lesson-completed', now + 10 * minute, { activeSeconds: 60 }), emptyLedger(), context))).toBe('future');
    expect(codeOf(judge(ev('lesson-completed', now + minute, { activeSeconds: 60 }), emptyLedger(), context))).toBe('accepted');
    expect(codeOf(judge(ev('lesson-completed', now - 31 * day, { activeSeconds: 60 }), emptyLedger(), context))).toBe('too_old');
  });

  it("refuses a completion without its active time, with zero, below its kind's floor or beyond a day", () => {
    const at = now - minute;
    expect(codeOf(judge(ev('lesson-completed', at), emptyLedger(), context))).toBe('no_active_time');
    expect(codeOf(judge(ev('quiz-passed', at, { activeSeconds: 0 }), emptyLedger(), context))).toBe('too_fast');
    expect(codeOf(judge(ev('lesson-completed', at, { activeSeconds: 19 }), emptyLedger(), context))).toBe('too_fast');
    expect(codeOf(judge(ev('challenge-completed', at, { activeSeconds: 59 }), emptyLedger(), context))).toBe('too_fast');
    expect(codeOf(judge(ev('challenge-completed', at, { activeSeconds: 60 }), emptyLedger(), context))).toBe('accepted');
    expect(codeOf(judge(ev('lesson-completed', at, { activeSeconds: 16 * 3600 + 1 }), emptyLedger(), context))).toBe('too_long');
    // Zero is never enough, even where a server lowers the floors to 0.
    expect(
      codeOf(judge(ev('lesson-completed', at, { activeSeconds: 0 }), emptyLedger(), context, { ...rules, minActiveSeconds: { 'lesson-completed': 0 } })),
    ).toBe('too_fast');
  });

  it('ten completions with one timestamp: the first counts, the rest overlap it', () => {
    const batch = Array.from({ length: 10 }, () => ev('lesson-completed', now - minute, { activeSeconds: 30, courseId: 'c' }));
    const verdicts = judgeBatch(batch, emptyLedger(), context);
    expect([...verdicts.values()].map(codeOf).sort()).toEqual(['accepted', ...Array<string>(9).fill('overlap')]);
  });

  it('spans that touch do not overlap; spans that share a second do', () => {
    const ledger = emptyLedger();
    judgeBatch([ev('lesson-completed', now - 10 * minute, { activeSeconds: 60 })], ledger, context);
    const touching = ev('lesson-completed', now - 9 * minute, { activeSeconds: 60 });
    expect(codeOf(judgeBatch([touching], ledger, context).get(touching.idempotencyKey)!)).toBe('accepted');
    expect(codeOf(judge(ev('lesson-completed', now - 9 * minute + 1000, { activeSeconds: 60 }), ledger, context))).toBe('overlap');
    expect(codeOf(judge(ev('lesson-completed', now - 10 * minute + 30_000, { activeSeconds: 20 }), ledger, context))).toBe('overlap');
  });

  it('a local day holds at most its plausible active time', () => {
    const date = Date.UTC(2026, 10, 24);
    // Four 4-hour completions fill Tuesday's 16 h; a fifth, disjoint, is refused.
    const batch = [4, 8, 12, 16, 20].map((h) => ev('challenge-completed', date + h * 3600_000, { activeSeconds: 4 * 3600 }));
    const verdicts = judgeBatch(batch, emptyLedger(), context);
    expect(batch.map((e) => codeOf(verdicts.get(e.idempotencyKey)!))).toEqual(['accepted', 'accepted', 'accepted', 'accepted', 'day_full']);
  });

  it('a module completion needs a lesson completion of its course at its instant, once', () => {
    const at = now - 5 * minute;
    const ledger = emptyLedger();
    expect(codeOf(judge(ev('module-completed', at, { courseId: 'c' }), ledger, context))).toBe('unanchored');
    judgeBatch([ev('lesson-completed', at, { activeSeconds: 60, courseId: 'c' })], ledger, context);
    expect(codeOf(judge(ev('module-completed', at, { courseId: 'other' }), ledger, context))).toBe('unanchored');
    const verdicts = judgeBatch([ev('module-completed', at, { courseId: 'c' }), ev('module-completed', at, { courseId: 'c' })], ledger, context);
    expect([...verdicts.values()].map(codeOf)).toEqual(['accepted', 'unanchored']);
  });

  it('takes the day and the week from the account timezone, and closes past weeks', () => {
    // Sunday 2026-11-29 20:00 UTC is Monday in Tokyo.
    const sunday = Date.UTC(2026, 10, 29, 20);
    const tokyo = judge(ev('lesson-completed', sunday, { activeSeconds: 60 }), emptyLedger(), { now: sunday + minute, timezone: 'Asia/Tokyo' });
    expect(tokyo).toMatchObject({ status: 'accepted', date: '2026-11-30', week: '2026-W49', weekOpen: true });
    // A week-48 completion sent on Tuesday of week 49: all-time XP, not the closed week's board.
    const late = judge(ev('lesson-completed', Date.UTC(2026, 10, 26, 12), { activeSeconds: 60 }), emptyLedger(), {
      now: Date.UTC(2026, 11, 1, 12),
      timezone: 'UTC',
    });
    expect(late).toMatchObject({ status: 'accepted', xp: 50, week: '2026-W48', weekOpen: false });
  });

  it('judges every kind and claimed time as the table says', () => {
    const claims = [undefined, 0, 1, 19, 20, 59, 60, 3600, rules.maxActiveSecondsPerDay, rules.maxActiveSecondsPerDay + 1];
    for (const kind of eventKinds) {
      for (const activeSeconds of claims) {
        const verdict = judge(ev(kind, now - minute, { activeSeconds }), emptyLedger(), context);
        let expected = 'accepted';
        if (timedKinds.has(kind)) {
          if (activeSeconds === undefined) expected = 'no_active_time';
          else if (activeSeconds < minActiveSeconds(kind, rules)) expected = 'too_fast';
          else if (activeSeconds > rules.maxActiveSecondsPerDay) expected = 'too_long';
        } else if (anchoredKinds.has(kind)) expected = 'unanchored';
        else if (kind === 'certificate-earned') expected = 'not_certified';
        expect(`${kind} ${activeSeconds}: ${codeOf(verdict)}`).toBe(`${kind} ${activeSeconds}: ${expected}`);
        if (verdict.status === 'accepted') expect(verdict.xp).toBe(earnedXp(ev(kind, 0), emptyStreak, 'UTC'));
      }
    }
  });
});

// Arbitrary clients: any kinds, instants over four days, any claims, two courses.
const anyEvent = fc.record({
  kind: fc.constantFrom<EventKind>(...eventKinds),
  offset: fc.integer({ min: 0, max: 4 * 24 * 60 }), // minutes before now
  activeSeconds: fc.option(fc.constantFrom(0, 5, 20, 60, 600, 3600, 4 * 3600, 17 * 3600), { nil: undefined }),
  course: fc.constantFrom('a', 'b'),
  score: fc.integer({ min: 0, max: 100 }),
});
type Arb = { kind: EventKind; offset: number; activeSeconds: number | undefined; course: string; score: number };
const toEvents = (arbs: Arb[]) =>
  arbs.map((a, i) => ({
    idempotencyKey: `e${i}`,
    kind: a.kind,
    occurredAt: now - a.offset * minute,
    activeSeconds: a.activeSeconds,
    courseId: a.course,
    facts: { score: a.score },
  }));

/** The adapter's part: a key seen before is a duplicate; the rest is judged batch by batch. */
function ingestAll(batches: Completion[][]) {
  const ledger = emptyLedger();
  const seen = new Set<string>();
  const accepted: { event: Completion; verdict: Extract<Verdict, { status: 'accepted' }> }[] = [];
  for (const batch of batches) {
    const fresh = batch.filter((e) => !seen.has(e.idempotencyKey));
    for (const e of fresh) seen.add(e.idempotencyKey);
    const verdicts = judgeBatch(fresh, ledger, context);
    for (const e of fresh) {
      const v = verdicts.get(e.idempotencyKey)!;
      if (v.status === 'accepted') accepted.push({ event: e, verdict: v });
    }
  }
  return { ledger, accepted, total: accepted.reduce((sum, a) => sum + a.verdict.xp, 0) };
}

/**
 * Splits events into batches at the given cut points, shuffles each batch, replays some batches,
 * and (when `reorder`) sends the batches in a shuffled order too.
 */
const delivery = (events: Completion[], reorder = true) =>
  fc
    .tuple(fc.array(fc.nat(events.length), { maxLength: 6 }), fc.array(fc.nat(), { maxLength: 8 }), fc.array(fc.nat(), { maxLength: 4 }), fc.nat())
    .map(([cuts, order, replays, seed]) => {
      const points = [...new Set([0, ...cuts, events.length])].sort((a, b) => a - b);
      const batches = points
        .slice(1)
        .map((end, i) => events.slice(points[i], end).sort((x, y) => ((x.occurredAt * 7 + seed) % 13) - ((y.occurredAt * 7 + seed) % 13)));
      for (let i = 0; reorder && i < order.length && batches.length > 1; i++) {
        const a = order[i]! % batches.length;
        [batches[0], batches[a]] = [batches[a]!, batches[0]!];
      }
      // A replay comes after the batch it repeats (the app resends what it has sent).
      for (const r of replays) {
        if (batches.length === 0) continue;
        const i = r % batches.length;
        batches.splice(i + 1 + (r % (batches.length - i)), 0, batches[i]!);
      }
      return batches;
    });

/** The most one timed completion can bring in a day: a hint-free challenge, and the module under par it finishes. */
const mostPerCompletion =
  awardFor({ kind: 'challenge-completed', hintsUsed: 0 }, { streakActive: true })!.amount +
  awardFor({ kind: 'module-completed', underPar: true }, { streakActive: true })!.amount;

/**
 * One learner's completions of `kinds` one after the other, each claiming 60% of the time since
 * the previous one (within it, as the app computes it; a day then holds under 16 h); with
 * `modules`, each may be followed by the module it finishes.
 */
const completionHistory = (kinds: Iterable<EventKind>, modules: boolean) =>
  fc
    .array(
      fc.record({
        gap: fc.integer({ min: 100, max: 2 * 3600 }),
        kind: fc.constantFrom<EventKind>(...kinds),
        module: modules ? fc.boolean() : fc.constant(false),
        score: fc.integer({ min: 0, max: 100 }),
      }),
      { maxLength: 50 },
    )
    .map((steps) => {
      let at = now - 20 * day;
      const events: Completion[] = [];
      steps.forEach((s, i) => {
        at += s.gap * 1000;
        events.push({ idempotencyKey: `h${i}`, kind: s.kind, occurredAt: at, activeSeconds: Math.ceil(s.gap * 0.6), courseId: 'a', facts: { score: s.score } });
        if (s.module) events.push({ idempotencyKey: `m${i}`, kind: 'module-completed', occurredAt: at, courseId: 'a', facts: {} });
      });
      return events;
    });

describe('completion rules: properties', () => {
  it('no combination of events, however sent, earns more than a day allows', () => {
    fc.assert(
      fc.property(
        fc.array(anyEvent, { maxLength: 60 }).chain((arbs) => {
          const events = toEvents(arbs);
          return fc.tuple(fc.constant(events), delivery(events));
        }),
        ([, batches]) => {
          const { ledger, accepted } = ingestAll(batches);
          const perDay = new Map<string, { xp: number; active: number; completions: number }>();
          for (const { event, verdict } of accepted) {
            const d = perDay.get(verdict.date) ?? { xp: 0, active: 0, completions: 0 };
            perDay.set(verdict.date, {
              xp: d.xp + verdict.xp,
              active: d.active + verdict.activeSeconds,
              completions: d.completions + (timedKinds.has(event.kind) ? 1 : 0),
            });
          }
          for (const d of perDay.values()) {
            expect(d.xp).toBeLessThanOrEqual(rules.dailyXpCap);
            expect(d.active).toBeLessThanOrEqual(rules.maxActiveSecondsPerDay);
            // At most a challenge and one module per completion, and completions fit the day.
            expect(d.xp).toBeLessThanOrEqual(d.completions * mostPerCompletion);
            expect(d.completions).toBeLessThanOrEqual(rules.maxActiveSecondsPerDay / rules.minActiveSeconds['lesson-completed']);
          }
          // Accepted spans never overlap, each claim is within bounds, each key counts once.
          for (let i = 1; i < ledger.spans.length; i++) expect(ledger.spans[i]!.start).toBeGreaterThanOrEqual(ledger.spans[i - 1]!.end);
          for (const { event } of accepted) {
            if (timedKinds.has(event.kind)) expect(event.activeSeconds).toBeGreaterThanOrEqual(minActiveSeconds(event.kind, rules));
          }
          expect(new Set(accepted.map((a) => a.event.idempotencyKey)).size).toBe(accepted.length);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("a batch's verdicts do not depend on the order of its events", () => {
    fc.assert(
      fc.property(
        fc.array(anyEvent, { maxLength: 40 }).chain((arbs) => {
          const events = toEvents(arbs);
          return fc.tuple(fc.constant(events), fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }));
        }),
        ([events, shuffled]) => {
          expect(judgeBatch(shuffled, emptyLedger(), context)).toEqual(judgeBatch(events, emptyLedger(), context));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('an honest history earns the same total however it is split, ordered and replayed', () => {
    const honest = completionHistory(timedKinds, true);
    const sameTotal = (events: Completion[], batches: Completion[][]) => {
      const once = ingestAll([events]);
      expect(once.accepted.length).toBe(events.length);
      if (new Set(batches.flat().map((e) => e.idempotencyKey)).size === events.length) expect(ingestAll(batches).total).toBe(once.total);
    };
    // Batches in the app's order (its outbox drains oldest first: the streak bonus, as in the app,
    // depends on the history before an event), shuffled inside and replayed.
    fc.assert(
      fc.property(
        honest.chain((events) => fc.tuple(fc.constant(events), delivery(events, false))),
        ([events, batches]) => sameTotal(events, batches),
      ),
      { numRuns: 300 },
    );
  });

  it('without the streak bonus, batches in any order earn the same total', () => {
    // Quizzes and challenges carry no streak bonus, so what they earn does not depend on what came first.
    const untouched = completionHistory(['quiz-passed', 'challenge-completed'], false);
    fc.assert(
      fc.property(
        untouched.chain((events) => fc.tuple(fc.constant(events), delivery(events))),
        ([events, batches]) => {
          if (new Set(batches.flat().map((e) => e.idempotencyKey)).size === events.length) expect(ingestAll(batches).total).toBe(ingestAll([events]).total);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('canonical order puts a completion before the module it anchors', () => {
    const lesson = ev('lesson-completed', now, { activeSeconds: 60 });
    const module = { ...ev('module-completed', now), idempotencyKey: 'a-first-by-key' };
    expect(canonicalOrder([module, lesson]).map((e) => e.kind)).toEqual(['lesson-completed', 'module-completed']);
  });
});

describe('completion rules: streak and certificates, as the app scores them', () => {
  const lesson = (occurredAt: number, extra: Partial<Completion> = {}) => ev('lesson-completed', occurredAt, { activeSeconds: 60, courseId: 'c', ...extra });
  const xpOf = (verdicts: Map<string, Verdict>, events: Completion[]) =>
    events.map((e) => {
      const v = verdicts.get(e.idempotencyKey)!;
      return v.status === 'accepted' ? v.xp : v.code;
    });

  it('the streak bonus starts with the second qualifying event, a passing check included', () => {
    const first = now - 3 * day;
    const events = [ev('check-passed', first), lesson(first + minute), lesson(first + day)];
    expect(xpOf(judgeBatch(events, emptyLedger(), context), events)).toEqual([0, 55, 55]);
  });

  it('freezes earned on the 7th day bridge a missed day; two missed days break the streak', () => {
    const start = now - 20 * day;
    const week = Array.from({ length: 7 }, (_, i) => lesson(start + i * day));
    const ledger = emptyLedger();
    judgeBatch(week, ledger, context);
    expect(ledger.streak).toMatchObject({ current: 7, freezes: 1 });
    const afterGap = [lesson(start + 8 * day)]; // day 8 missed: one freeze covers it
    expect(xpOf(judgeBatch(afterGap, ledger, context), afterGap)).toEqual([55]);
    expect(ledger.streak).toMatchObject({ current: 8, freezes: 0 });
    const broken = [lesson(start + 11 * day)];
    expect(xpOf(judgeBatch(broken, ledger, context), broken)).toEqual([50]);
    expect(ledger.streak).toMatchObject({ current: 1 });
  });

  it('a certificate earns its XP once, only when the server issued it, outside the daily cap', () => {
    const ledger = emptyLedger();
    ledger.certificates.set(certificateKey('c', 'gold'), false);
    ledger.goldExceptional.add('c');
    ledger.days.set('2026-11-25', { xp: rules.dailyXpCap, activeSeconds: 0 });
    const forged = ev('certificate-earned', now - minute, { courseId: 'c', facts: { tier: 'silver' } });
    const gold = ev('certificate-earned', now - minute, { courseId: 'c', facts: { tier: 'gold', exceptional: true } });
    const again = ev('certificate-earned', now, { courseId: 'c', facts: { tier: 'gold' } });
    expect(xpOf(judgeBatch([forged, gold, again], ledger, context), [forged, gold, again])).toEqual(['not_certified', 5000, 'not_certified']);
    expect(ledger.days.get('2026-11-25')!.xp).toBe(rules.dailyXpCap);
  });

  it("Gold's exceptional bonus comes from the server's review, never from the client's fact", () => {
    const ledger = emptyLedger();
    ledger.certificates.set(certificateKey('c', 'gold'), false);
    const claimed = ev('certificate-earned', now - minute, { courseId: 'c', facts: { tier: 'gold', exceptional: true } });
    expect(xpOf(judgeBatch([claimed], ledger, context), [claimed])).toEqual([2500]);
  });
});
