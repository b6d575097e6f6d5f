// What a learner's completions can earn, whoever sends them. A completion claims the active time
// spent on it, so it covers the span [occurredAt - activeSeconds, occurredAt] of the learner's
// time: spans never overlap, a local day holds a bounded sum of them, and the day is the one in
// the learner's account timezone (never an event's). Offline learners send weeks of history at
// once, so nothing here depends on when an event arrives, only on when it happened — except the
// streak bonus, which (as in the app) depends on the streak before the event: the app sends its
// events oldest first, so the server sees the history in the order the app scored it.
import { localDate, weekOf } from './calendar';
import { certificateTiers, type CertificateTier } from './certificate-criteria';
import { defaultPlausibility, type EventKind, type IncomingEvent, type Plausibility } from './plausibility';
import { addActivity, emptyStreak, streakStatus, type StreakState } from './streaks';
import { awardFor, QUALIFYING_KINDS, type AwardFacts } from './xp-rules';

/** Completions of a lesson: each claims its own active time. */
export const timedKinds: ReadonlySet<EventKind> = new Set<EventKind>(['lesson-completed', 'quiz-passed', 'challenge-completed']);

/** Earned by a lesson completion (the app derives it at that completion's instant): one per completion. */
export const anchoredKinds: ReadonlySet<EventKind> = new Set<EventKind>(['module-completed']);

export interface Completion extends IncomingEvent {
  readonly idempotencyKey: string;
  readonly courseId?: string | null | undefined;
  /** The active time the completion claims, in seconds (timed kinds must carry it). */
  readonly activeSeconds?: number | undefined;
}

export type Rejection = 'future' | 'too_old' | 'no_active_time' | 'too_fast' | 'too_long' | 'overlap' | 'day_full' | 'unanchored' | 'not_certified';

export type Verdict =
  | { readonly status: 'rejected'; readonly code: Rejection }
  | {
      readonly status: 'accepted';
      readonly xp: number;
      /** Local date and ISO week in the account's timezone. */
      readonly date: string;
      readonly week: string;
      /** False for a week already over: the XP counts all-time, never on a closed weekly board or league. */
      readonly weekOpen: boolean;
      /** Seconds of the day this completion takes (0 for untimed kinds). */
      readonly activeSeconds: number;
    };

/** The part of a learner's history the rules look at; the adapter loads it for a batch's time window. */
export interface Ledger {
  /** Accepted timed completions' spans [start, end] in ms, sorted and pairwise disjoint. */
  readonly spans: { start: number; end: number }[];
  /** Per local day: XP counted against the daily cap and active seconds claimed. */
  readonly days: Map<string, { xp: number; activeSeconds: number }>;
  /** `${courseId} ${occurredAt}` of accepted timed completions → whether a module completion used it. */
  readonly anchors: Map<string, boolean>;
  /** `${courseId} ${tier}` of certificates the server issued (and not revoked) → whether their XP was granted. */
  readonly certificates: Map<string, boolean>;
  /** Courses whose Silver exam the server graded as passed at the learner's first attempt: Silver's +50 % rests on this, not on the client's fact. */
  readonly silverFirstAttempts: Set<string>;
  /** Courses whose Gold project a person on the server accepted as exceptional: Gold's +100 % rests on this, not on the client's fact. */
  readonly goldExceptional: Set<string>;
  /** The learner's streak (days in the account timezone), before the events being judged. */
  streak: StreakState;
}

export interface Context {
  readonly now: number;
  /** The learner's account timezone. */
  readonly timezone: string;
}

export const emptyLedger = (): Ledger => ({
  spans: [],
  days: new Map(),
  anchors: new Map(),
  certificates: new Map(),
  silverFirstAttempts: new Set(),
  goldExceptional: new Set(),
  streak: emptyStreak,
});
export const anchorKey = (courseId: string | null | undefined, occurredAt: number) => `${courseId ?? ''} ${occurredAt}`;
export const certificateKey = (courseId: string | null | undefined, tier: unknown) => `${courseId ?? ''} ${String(tier)}`;

/** Certificates' XP rests on evidence the server holds (it issued them), so the daily cap leaves it out. */
const uncapped: ReadonlySet<EventKind> = new Set<EventKind>(['certificate-earned']);

const flag = (value: unknown) => (typeof value === 'boolean' ? value : undefined);
const count = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

/** What the XP table reads, from the facts a client sent (anything else is ignored, never trusted as a total). */
export function awardFacts(event: IncomingEvent): AwardFacts {
  const { facts } = event;
  const score = count(facts.score);
  return {
    kind: event.kind,
    firstAttempt: flag(facts.firstAttempt),
    hintsUsed: count(facts.hintsUsed),
    score: score === undefined ? undefined : Math.max(0, Math.min(100, score)),
    underPar: flag(facts.underPar),
    tier: certificateTiers.find((tier): tier is CertificateTier => tier === facts.tier),
    exceptional: flag(facts.exceptional),
    // The award table itself refuses an odd cost (negative, fractional) in favour of the default.
    hintXpCost: count(facts.hintXpCost),
  };
}

/** The XP an event earns by the app's table, with the learner's streak as it stood before it. */
export function earnedXp(event: IncomingEvent, streak: StreakState, timezone: string): number {
  const before = streakStatus(streak, event.occurredAt, timezone);
  return awardFor(awardFacts(event), { streakActive: before.alive && before.current > 0 })?.amount ?? 0;
}

/** The least active time a completion of `kind` may claim: never zero. */
export const minActiveSeconds = (kind: EventKind, rules: Plausibility) =>
  Math.max(1, rules.minActiveSeconds[kind] ?? rules.minActiveSeconds['lesson-completed']);

/** Index of the first span ending after `at` (spans are disjoint, so ends are sorted like starts). */
function firstEndingAfter(spans: Ledger['spans'], at: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.end > at) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Whether [start, end] overlaps an accepted span; touching ends do not overlap. */
export function overlaps(spans: Ledger['spans'], start: number, end: number): boolean {
  const next = spans[firstEndingAfter(spans, start)];
  return next !== undefined && next.start < end;
}

/** The event with the facts the server holds in place of the client's: Silver's first-attempt pass, Gold's exceptional review. */
function serverFacts(event: Completion, ledger: Ledger): Completion {
  if (event.kind !== 'certificate-earned') return event;
  const course = event.courseId ?? '';
  if (event.facts.tier === 'silver') return { ...event, facts: { ...event.facts, firstAttempt: ledger.silverFirstAttempts.has(course) } };
  if (event.facts.tier === 'gold') return { ...event, facts: { ...event.facts, exceptional: ledger.goldExceptional.has(course) } };
  return event;
}

/** The verdict on one event given the ledger (which it does not change). */
export function judge(event: Completion, ledger: Ledger, context: Context, rules: Plausibility = defaultPlausibility): Verdict {
  const { now, timezone } = context;
  if (event.occurredAt > now + rules.futureSkewMs) return { status: 'rejected', code: 'future' };
  if (event.occurredAt < now - rules.maxAgeDays * 86_400_000) return { status: 'rejected', code: 'too_old' };
  const date = localDate(event.occurredAt, timezone);
  const week = weekOf(event.occurredAt, timezone);
  const day = ledger.days.get(date) ?? { xp: 0, activeSeconds: 0 };
  let activeSeconds = 0;
  if (timedKinds.has(event.kind)) {
    const claimed = event.activeSeconds;
    if (claimed === undefined) return { status: 'rejected', code: 'no_active_time' };
    if (claimed < minActiveSeconds(event.kind, rules)) return { status: 'rejected', code: 'too_fast' };
    if (claimed > rules.maxActiveSecondsPerDay) return { status: 'rejected', code: 'too_long' };
    if (overlaps(ledger.spans, event.occurredAt - claimed * 1000, event.occurredAt)) return { status: 'rejected', code: 'overlap' };
    if (day.activeSeconds + claimed > rules.maxActiveSecondsPerDay) return { status: 'rejected', code: 'day_full' };
    activeSeconds = claimed;
  } else if (anchoredKinds.has(event.kind) && ledger.anchors.get(anchorKey(event.courseId, event.occurredAt)) !== false) {
    return { status: 'rejected', code: 'unanchored' };
  } else if (event.kind === 'certificate-earned' && ledger.certificates.get(certificateKey(event.courseId, event.facts.tier)) !== false) {
    return { status: 'rejected', code: 'not_certified' };
  }
  const earned = earnedXp(serverFacts(event, ledger), ledger.streak, timezone);
  const xp = uncapped.has(event.kind) ? earned : Math.max(0, Math.min(earned, rules.dailyXpCap - day.xp));
  return { status: 'accepted', xp, date, week, weekOpen: week >= weekOf(now, timezone), activeSeconds };
}

/** Adds an accepted event to the ledger. */
export function record(ledger: Ledger, event: Completion, verdict: Verdict, timezone: string): void {
  if (verdict.status !== 'accepted') return;
  const day = ledger.days.get(verdict.date) ?? { xp: 0, activeSeconds: 0 };
  const counted = uncapped.has(event.kind) ? 0 : verdict.xp;
  ledger.days.set(verdict.date, { xp: day.xp + counted, activeSeconds: day.activeSeconds + verdict.activeSeconds });
  if (QUALIFYING_KINDS.has(event.kind)) ledger.streak = addActivity(ledger.streak, { occurredAt: event.occurredAt, timezone, localDate: verdict.date });
  if (event.kind === 'certificate-earned') ledger.certificates.set(certificateKey(event.courseId, event.facts.tier), true);
  if (timedKinds.has(event.kind)) {
    const span = { start: event.occurredAt - verdict.activeSeconds * 1000, end: event.occurredAt };
    ledger.spans.splice(firstEndingAfter(ledger.spans, span.start), 0, span);
    const key = anchorKey(event.courseId, event.occurredAt);
    if (!ledger.anchors.has(key)) ledger.anchors.set(key, false);
  } else if (anchoredKinds.has(event.kind)) {
    ledger.anchors.set(anchorKey(event.courseId, event.occurredAt), true);
  }
}

/**
 * The order a batch is judged in, whatever order it came in: by time, lesson completions before
 * the module completions they anchor, then by key. A batch's verdicts do not depend on its order.
 */
export function canonicalOrder<E extends Completion>(events: readonly E[]): E[] {
  const rank = (e: Completion) => (timedKinds.has(e.kind) ? 0 : anchoredKinds.has(e.kind) ? 2 : 1);
  return [...events].sort(
    (a, b) => a.occurredAt - b.occurredAt || rank(a) - rank(b) || (a.idempotencyKey < b.idempotencyKey ? -1 : a.idempotencyKey > b.idempotencyKey ? 1 : 0),
  );
}

/** Judges a batch of distinct events against the ledger (updated in place); verdicts by idempotency key. */
export function judgeBatch(events: readonly Completion[], ledger: Ledger, context: Context, rules: Plausibility = defaultPlausibility): Map<string, Verdict> {
  const verdicts = new Map<string, Verdict>();
  for (const event of canonicalOrder(events)) {
    const verdict = judge(event, ledger, context, rules);
    record(ledger, event, verdict, context.timezone);
    verdicts.set(event.idempotencyKey, verdict);
  }
  return verdicts;
}
