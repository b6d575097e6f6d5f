// Event ingestion: each event once per (learner, idempotency key), checked for plausibility,
// scored by the server's own rules, and folded into the boards and the learner's league.
import { sql } from './db/database';
import type { EventInput, EventResult } from '../common/sync-api/schemas';
import { ApiError } from './api-error';
import { recordProgress, type StoredEvent } from './course-progress';
import { localDate, timezoneChangeAllowedAt, timezoneChangeDays } from '../common/rules/calendar';
import {
  anchoredKinds,
  anchorKey,
  canonicalOrder,
  certificateKey,
  emptyLedger,
  judgeBatch,
  timedKinds,
  type Ledger,
  type Verdict,
} from '../common/rules/completion-rules';
import { outcome, tierAfter } from '../common/rules/leagues';
import { leagueSize } from '../common/rules/leagues';
import type { Plausibility } from '../common/rules/plausibility';
import { dateOfDay, resumeStreak } from '../common/rules/streaks';

type Q = <T = Record<string, unknown>>(query: ReturnType<typeof sql>) => Promise<T[]>;

interface LearnerState {
  opted_in: boolean;
  timezone: string;
  league_tier: number;
  tier_settled_week: string | null;
  total_xp: number;
  streak: number;
  streak_freezes: number;
  last_active_date: string | null;
}

/** What a batch adds up to, written once at its end (a few statements, not a few per event). */
interface Pending {
  daily: Set<string>;
  weekXp: Map<string, number>;
  courseXp: Map<string, number>;
  xpChanged: boolean;
  streakChanged: boolean;
}

const ruledKinds = [...timedKinds, ...anchoredKinds];

/**
 * The learner's accepted completions around the batch's instants (a stored span ends at most a
 * day's cap after it starts), and the days the batch falls on. Instants outside the accepted age
 * window are clamped: an absurd date never widens the scan.
 */
async function loadLedger(q: Q, learnerId: string, state: LearnerState, events: readonly EventInput[], now: number, rules: Plausibility): Promise<Ledger> {
  const { timezone } = state;
  const ledger = emptyLedger();
  ledger.streak = resumeStreak(state.streak, state.streak_freezes, state.last_active_date, timezone);
  if (events.some((event) => event.kind === 'certificate-earned')) await loadCertificates(q, learnerId, ledger);
  const oldest = now - rules.maxAgeDays * 86_400_000;
  const newest = now + rules.futureSkewMs;
  const times = events.map((event) => Math.min(newest, Math.max(oldest, event.occurredAt)));
  const reach = rules.maxActiveSecondsPerDay * 1000;
  const from = Math.min(...times) - reach;
  const to = Math.max(...times) + reach;
  const rows = await q<{
    kind: string;
    course_id: string | null;
    occurred_at: number;
    active_seconds: number | null;
  }>(sql`select kind, course_id, occurred_at, active_seconds
    from events where learner_id = ${learnerId} and occurred_at >= ${from} and occurred_at <= ${to}
    and kind in (${sql.join(
      ruledKinds.map((kind) => sql`${kind}`),
      sql`, `,
    )}) order by occurred_at`);
  for (const row of rows) {
    const at = Number(row.occurred_at);
    const key = anchorKey(row.course_id, at);
    if (row.kind === 'module-completed') {
      ledger.anchors.set(key, true);
      continue;
    }
    // Events stored before completions carried their time hold only their instant.
    ledger.spans.push({ start: at - (row.active_seconds ?? 0) * 1000, end: at });
    if (!ledger.anchors.has(key)) ledger.anchors.set(key, false);
  }
  ledger.spans.sort((a, b) => a.start - b.start);
  const dates = [...new Set(times.map((at) => localDate(at, timezone)))];
  const days = await q<{ local_date: string; xp: number; active_seconds: number }>(sql`select local_date, xp, active_seconds from daily_xp
    where learner_id = ${learnerId} and local_date in (${sql.join(
      dates.map((date) => sql`${date}`),
      sql`, `,
    )})`);
  for (const day of days) ledger.days.set(day.local_date, { xp: day.xp, activeSeconds: day.active_seconds });
  return ledger;
}

/** The learner's unrevoked certificates, which of them already earned their XP, the exams passed at the first attempt and the exceptional projects. */
async function loadCertificates(q: Q, learnerId: string, ledger: Ledger): Promise<void> {
  const issued = await q<{ course_id: string; tier: string }>(
    sql`select course_id, tier from certificates where learner_id = ${learnerId} and revoked_at is null`,
  );
  for (const row of issued) ledger.certificates.set(certificateKey(row.course_id, row.tier), false);
  const granted = await q<{ course_id: string | null; tier: string | null }>(sql`select course_id, facts->>'tier' as tier from events
    where learner_id = ${learnerId} and kind = 'certificate-earned'`);
  for (const row of granted) ledger.certificates.set(certificateKey(row.course_id, row.tier), true);
  const firstPasses = await q<{ course_id: string }>(sql`select course_id from exam_attempts
    where learner_id = ${learnerId} and status = 'passed' and first_attempt`);
  for (const row of firstPasses) ledger.silverFirstAttempts.add(row.course_id);
  const exceptional = await q<{ course_id: string }>(sql`select course_id from project_submissions
    where learner_id = ${learnerId} and status = 'accepted' and exceptional`);
  for (const row of exceptional) ledger.goldExceptional.add(row.course_id);
}

/**
 * Ingests a learner's batch inside the transaction `q` belongs to (a group commit's, shared with
 * other requests: see group-commit.ts), under the learner's row lock.
 */
export async function ingestEvents(q: Q, learnerId: string, events: readonly EventInput[], now: number, rules: Plausibility): Promise<EventResult[]> {
  const [row] = await q<LearnerState>(sql`select opted_in, timezone, league_tier, tier_settled_week, total_xp, streak, streak_freezes, last_active_date
      from learners where id = ${learnerId} for update`);
  if (!row) return events.map((event) => ({ idempotencyKey: event.idempotencyKey, status: 'rejected' as const, code: 'unknown_learner', xp: 0 }));
  const state: LearnerState = { ...row };
  const keys = sql.join(
    events.map((event) => sql`${event.idempotencyKey}`),
    sql`, `,
  );
  // A key refused before is answered with its reason again: a rejection is final.
  const seenRows = await q<{ idempotency_key: string; code: string | null }>(sql`select idempotency_key, null as code from events
      where learner_id = ${learnerId} and idempotency_key in (${keys})
      union all select idempotency_key, code from refused_events where learner_id = ${learnerId} and idempotency_key in (${keys})`);
  const seen = new Set(seenRows.map((r) => r.idempotency_key));
  const refused = new Map(seenRows.flatMap((r) => (r.code === null ? [] : [[r.idempotency_key, r.code] as const])));
  // A key is judged once: the first time it appears, in this batch or before.
  const fresh = new Map<string, EventInput>();
  for (const event of events) if (!seen.has(event.idempotencyKey) && !fresh.has(event.idempotencyKey)) fresh.set(event.idempotencyKey, event);
  const judged = fresh.size === 0 ? new Map<string, Verdict>() : await judge(q, learnerId, state, [...fresh.values()], now, rules);
  const results: EventResult[] = [];
  const answered = new Set<string>();
  for (const event of events) {
    const key = event.idempotencyKey;
    const verdict = answered.has(key) ? undefined : judged.get(key);
    const refusedBefore = answered.has(key) ? undefined : refused.get(key);
    answered.add(key);
    if (refusedBefore) results.push({ idempotencyKey: key, status: 'rejected', code: refusedBefore, xp: 0 });
    else if (!verdict) results.push({ idempotencyKey: key, status: 'duplicate', xp: 0 });
    else if (verdict.status === 'rejected') results.push({ idempotencyKey: key, status: 'rejected', code: verdict.code, xp: 0 });
    else results.push({ idempotencyKey: key, status: 'accepted', ...(verdict.weekOpen ? {} : { code: 'week_closed' }), xp: verdict.xp });
  }
  return results;
}

/** Judges the batch with the pure rules, then stores what they accepted and folds it into the boards. */
async function judge(q: Q, learnerId: string, state: LearnerState, events: EventInput[], now: number, rules: Plausibility): Promise<Map<string, Verdict>> {
  const ledger = await loadLedger(q, learnerId, state, events, now, rules);
  const verdicts = judgeBatch(events, ledger, { now, timezone: state.timezone }, rules);
  const pending: Pending = { daily: new Set(), weekXp: new Map(), courseXp: new Map(), xpChanged: false, streakChanged: false };
  const rows = [];
  const refused = [];
  const stored: StoredEvent[] = [];
  const ordered = canonicalOrder(events);
  // With refused events in the batch, ids are drawn up front in the batch's order across both
  // tables (one sequence), so the restore feed replays the batch in the order it was judged.
  const ids = ordered.some((event) => verdicts.get(event.idempotencyKey)!.status !== 'accepted')
    ? (await q<{ id: string }>(sql`select nextval('events_id_seq') as id from generate_series(1, ${ordered.length})`))
        .map((r) => Number(r.id))
        .sort((a, b) => a - b)
    : null;
  const idColumn = ids ? sql`id, ` : sql``;
  for (const [index, event] of ordered.entries()) {
    const verdict = verdicts.get(event.idempotencyKey)!;
    const id = ids ? sql`${ids[index]}, ` : sql``;
    if (verdict.status !== 'accepted') {
      refused.push(sql`(${id}${learnerId}, ${event.idempotencyKey}, ${event.kind}, ${event.courseId ?? null}, ${event.lessonId ?? null}, ${event.occurredAt},
        ${verdict.code}, ${JSON.stringify(event.facts)}::jsonb, ${now})`);
      continue;
    }
    const { xp, date, week } = verdict;
    const activeSeconds = timedKinds.has(event.kind) ? verdict.activeSeconds : null;
    rows.push(sql`(${id}${learnerId}, ${event.idempotencyKey}, ${event.kind}, ${event.courseId ?? null}, ${event.lessonId ?? null}, ${event.occurredAt}, ${date}, ${week},
      ${xp}, ${activeSeconds}, ${JSON.stringify(event.facts)}::jsonb, ${now})`);
    stored.push({ kind: event.kind, courseId: event.courseId ?? null, lessonId: event.lessonId ?? null, occurredAt: event.occurredAt, xp, activeSeconds });
    pending.daily.add(date);
    if (xp > 0) {
      state.total_xp += xp;
      pending.xpChanged = true;
      if (verdict.weekOpen) pending.weekXp.set(week, (pending.weekXp.get(week) ?? 0) + xp);
      if (event.courseId) pending.courseXp.set(event.courseId, (pending.courseXp.get(event.courseId) ?? 0) + xp);
    }
  }
  // The streak, with freezes, as the rules left it (the same rule as the app's: common/rules/streaks.ts).
  const { current, freezes, lastDay } = ledger.streak;
  if (current !== state.streak) pending.streakChanged = true;
  Object.assign(state, { streak: current, streak_freezes: freezes, last_active_date: lastDay === null ? null : dateOfDay(lastDay) });
  // Kept so a new computer restores them (GET /v1/events); they count nowhere.
  if (refused.length > 0)
    await q(sql`insert into refused_events (${idColumn}learner_id, idempotency_key, kind, course_id, lesson_id, occurred_at, code, facts, received_at)
      values ${sql.join(refused, sql`, `)}`);
  if (rows.length > 0) {
    await recordProgress(q, learnerId, stored);
    await q(sql`insert into events (${idColumn}learner_id, idempotency_key, kind, course_id, lesson_id, occurred_at, local_date, week, xp, active_seconds, facts, received_at)
      values ${sql.join(rows, sql`, `)}`);
    await flush(q, learnerId, state, pending, ledger);
  }
  return verdicts;
}

async function flush(q: Q, learnerId: string, state: LearnerState, pending: Pending, ledger: Ledger) {
  const visible = state.opted_in;
  const boards: BoardChange[] = [];
  if (pending.streakChanged) boards.push({ board: 'streak', value: state.streak, add: false });
  if (pending.xpChanged) boards.push({ board: 'all', value: state.total_xp, add: false });
  // Weeks in time order, so a league that settles sees the weeks before it complete.
  const weeks = [...pending.weekXp].sort(([a], [b]) => (a < b ? -1 : 1));
  for (const [week, xp] of weeks) boards.push({ board: `week:${week}`, value: xp, add: true });
  for (const [courseId, xp] of pending.courseXp) boards.push({ board: `course:${courseId}`, value: xp, add: true });
  const days = [...pending.daily].map((date) => {
    const day = ledger.days.get(date)!;
    return sql`(${learnerId}, ${date}, ${day.xp}, ${day.activeSeconds})`;
  });
  if (days.length > 0)
    await q(sql`insert into daily_xp (learner_id, local_date, xp, active_seconds) values ${sql.join(days, sql`, `)}
      on conflict (learner_id, local_date) do update set xp = excluded.xp, active_seconds = excluded.active_seconds`);
  await upsertScores(q, learnerId, boards, visible);
  for (const [week, xp] of weeks) await addLeagueXp(q, learnerId, state, week, xp);
  await q(sql`update learners set league_tier = ${state.league_tier}, tier_settled_week = ${state.tier_settled_week},
    total_xp = ${state.total_xp}, streak = ${state.streak}, streak_freezes = ${state.streak_freezes}, last_active_date = ${state.last_active_date} where id = ${learnerId}`);
}

/** A board's new score for the learner: `value`, or `value` more than it was. */
interface BoardChange {
  board: string;
  value: number;
  add: boolean;
}

/**
 * Rows per score in score_counts: batches of learners at the same score rarely wait on one
 * another (an instance writes one ingestion transaction at a time, so the waits are between
 * instances), and a rank sums a quarter of the rows sixteen made it read (3,000 at 1M learners).
 */
const stripes = 4;
/** The learner's row of a score's count (FNV-1a of their id). */
export function stripeOf(learnerId: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < learnerId.length; i++) hash = Math.imul(hash ^ learnerId.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % stripes;
}

/**
 * Sets the learner's scores on several boards in one statement (a batch touches up to a dozen:
 * per-statement round trips were most of ingestion's time), keeping the per-score counts of
 * visible learners in step (the old score's count less one and the new one's plus one, in the
 * learner's stripe of each: a contended single row per score made every batch wait, measured
 * as 123 of 135 samples of waiting ingestion at 1M learners). Each (board, score) is changed
 * once, so no counts row is touched twice by the statement.
 */
async function upsertScores(q: Q, learnerId: string, changes: readonly BoardChange[], visible: boolean) {
  if (changes.length === 0) return;
  const input = sql.join(
    changes.map((c) => sql`(${c.board}::text, ${c.value}::int, ${c.add}::boolean)`),
    sql`, `,
  );
  await q(sql`with input (board, value, add) as (values ${input}),
    next as (select i.board, o.score as old, case when i.add and o.score is not null then o.score + i.value else i.value end as score
      from input i left join scores o on o.board = i.board and o.learner_id = ${learnerId}),
    changed as (select * from next where old is distinct from score),
    saved as (insert into scores (board, learner_id, score, visible) select board, ${learnerId}, score, ${visible} from changed
      on conflict (board, learner_id) do update set score = excluded.score),
    counted as (select board, old as score, -1 as n from changed where old is not null union all select board, score, 1 from changed)
    insert into score_counts (board, score, stripe, n) select board, score, ${stripeOf(learnerId)}, sum(n) from counted where ${visible} group by board, score
      on conflict (board, score, stripe) do update set n = score_counts.n + excluded.n`);
}

/**
 * Changes the account timezone (the days of the daily cap and the weeks of leagues), at most once
 * per `timezoneChangeDays`: each change re-dates the days ahead, so it must not be a game.
 */
export async function setTimezone(q: Q, learnerId: string, timezone: string, now: number): Promise<void> {
  const [row] = await q<{ timezone: string; timezone_changed_at: number | null }>(
    sql`select timezone, timezone_changed_at from learners where id = ${learnerId} for update`,
  );
  if (!row || row.timezone === timezone) return;
  const next = timezoneChangeAllowedAt(row.timezone_changed_at === null ? null : Number(row.timezone_changed_at));
  if (now < next) {
    throw new ApiError(
      429,
      'timezone_locked',
      `The timezone can change once every ${timezoneChangeDays} days; the next change is possible from ${new Date(next).toISOString()}.`,
      { retryAfterSeconds: Math.ceil((next - now) / 1000) },
    );
  }
  await q(sql`update learners set timezone = ${timezone}, timezone_changed_at = ${now} where id = ${learnerId}`);
}

/** Shows or hides a learner on every board, keeping the per-score counts in step. */
export async function setVisibility(q: Q, learnerId: string, visible: boolean): Promise<void> {
  const changed = await q<{ board: string; score: number }>(sql`update scores set visible = ${visible}
    where learner_id = ${learnerId} and visible = ${!visible} returning board, score`);
  for (const row of changed) {
    await q(sql`insert into score_counts (board, score, stripe, n) values (${row.board}, ${row.score}, ${stripeOf(learnerId)}, ${visible ? 1 : -1})
      on conflict (board, score, stripe) do update set n = score_counts.n + excluded.n`);
  }
}

/**
 * Settles the learner's last league before `week` (promotion or demotion, decided when their
 * own week has ended, i.e. when they first act in a later week) and returns their tier.
 */
export async function settleBefore(q: Q, learnerId: string, state: Pick<LearnerState, 'league_tier' | 'tier_settled_week'>, week: string): Promise<void> {
  const [last] = await q<{ week: string; league_id: number; tier: number; xp: number }>(sql`select week, league_id, tier, xp from league_members
    where learner_id = ${learnerId} and week < ${week} order by week desc limit 1`);
  if (!last || (state.tier_settled_week !== null && last.week <= state.tier_settled_week)) return;
  const [standing] = await q<{ ahead: number; size: number }>(sql`select
      count(*) filter (where xp > ${last.xp} or (xp = ${last.xp} and learner_id < ${learnerId}))::int as ahead,
      count(*)::int as size
    from league_members where league_id = ${last.league_id}`);
  state.league_tier = tierAfter(last.tier, outcome(standing!.ahead + 1, standing!.size, last.tier, last.xp));
  state.tier_settled_week = last.week;
}

async function addLeagueXp(q: Q, learnerId: string, state: LearnerState, week: string, xp: number) {
  if (state.tier_settled_week !== null && week <= state.tier_settled_week) return; // that week's league is settled
  const updated = await q(sql`update league_members set xp = xp + ${xp} where week = ${week} and learner_id = ${learnerId} returning league_id`);
  if (updated.length > 0) return;
  await settleBefore(q, learnerId, state, week);
  const tier = state.league_tier;
  let [league] = await q<{ id: number }>(sql`update leagues set size = size + 1 where id = (
      select id from leagues where week = ${week} and tier = ${tier} and size < ${leagueSize} order by id limit 1 for update skip locked)
    returning id`);
  if (!league) [league] = await q<{ id: number }>(sql`insert into leagues (week, tier, size) values (${week}, ${tier}, 1) returning id`);
  await q(sql`insert into league_members (week, learner_id, league_id, tier, xp) values (${week}, ${learnerId}, ${league!.id}, ${tier}, ${xp})`);
}
