// Event ingestion: each event once per (learner, idempotency key), checked for plausibility,
// scored by the server's own rules, and folded into the boards and the learner's league.
import { sql, type Database } from './db/database';
import type { EventInput, EventResult } from './api-schemas';
import { daysBetween, isTimezone, localDate, weekOf } from './rules/calendar';
import { outcome, tierAfter } from './rules/leagues';
import { leagueSize } from './rules/leagues';
import { baseXp, cappedXp, nextStreak, rejectionOf, type Plausibility } from './rules/xp-rules';

type Q = <T = Record<string, unknown>>(query: ReturnType<typeof sql>) => Promise<T[]>;

interface LearnerState {
  opted_in: boolean;
  league_tier: number;
  tier_settled_week: string | null;
  total_xp: number;
  streak: number;
  last_active_date: string | null;
  last_completion_at: number | null;
}

/** What a batch adds up to, written once at its end (a few statements, not a few per event). */
interface Pending {
  daily: Map<string, number>;
  weekXp: Map<string, number>;
  courseXp: Map<string, number>;
  streakChanged: boolean;
}

export async function ingestEvents(db: Database, learnerId: string, events: readonly EventInput[], now: number, rules: Plausibility): Promise<EventResult[]> {
  return db.transaction(async (q) => {
    const [row] = await q<LearnerState>(sql`select opted_in, league_tier, tier_settled_week, total_xp, streak, last_active_date, last_completion_at
      from learners where id = ${learnerId} for update`);
    if (!row) return events.map((event) => ({ idempotencyKey: event.idempotencyKey, status: 'rejected' as const, code: 'unknown_learner', xp: 0 }));
    const state: LearnerState = { ...row, last_completion_at: row.last_completion_at === null ? null : Number(row.last_completion_at) };
    const keys = events.map((event) => event.idempotencyKey);
    const seenRows = await q<{ idempotency_key: string }>(sql`select idempotency_key from events
      where learner_id = ${learnerId} and idempotency_key in (${sql.join(keys.map((key) => sql`${key}`), sql`, `)})`);
    const seen = new Set(seenRows.map((r) => r.idempotency_key));
    const pending: Pending = { daily: new Map(), weekXp: new Map(), courseXp: new Map(), streakChanged: false };
    const results: EventResult[] = [];
    for (const event of events) results.push(await ingestOne(q, learnerId, state, seen, pending, event, now, rules));
    await flush(q, learnerId, state, pending);
    return results;
  });
}

async function ingestOne(q: Q, learnerId: string, state: LearnerState, seen: Set<string>, pending: Pending, event: EventInput, now: number, rules: Plausibility): Promise<EventResult> {
  const key = event.idempotencyKey;
  if (seen.has(key)) return { idempotencyKey: key, status: 'duplicate', xp: 0 };
  if (!isTimezone(event.timezone)) return { idempotencyKey: key, status: 'rejected', code: 'bad_timezone', xp: 0 };
  const rejection = rejectionOf(event, now, state.last_completion_at, rules);
  if (rejection) return { idempotencyKey: key, status: 'rejected', code: rejection, xp: 0 };

  const date = localDate(event.occurredAt, event.timezone);
  const week = weekOf(event.occurredAt, event.timezone);
  if (!pending.daily.has(date)) {
    const [today] = await q<{ xp: number }>(sql`select xp from daily_xp where learner_id = ${learnerId} and local_date = ${date}`);
    pending.daily.set(date, today?.xp ?? 0);
  }
  const xp = cappedXp(baseXp(event), pending.daily.get(date)!, rules);
  await q(sql`insert into events (learner_id, idempotency_key, kind, course_id, lesson_id, occurred_at, local_date, week, xp, facts, received_at)
    values (${learnerId}, ${key}, ${event.kind}, ${event.courseId ?? null}, ${event.lessonId ?? null}, ${event.occurredAt}, ${date}, ${week}, ${xp},
      ${JSON.stringify(event.facts)}::jsonb, ${now})`);
  seen.add(key);

  if (event.kind === 'lesson-completed') state.last_completion_at = Math.max(state.last_completion_at ?? 0, event.occurredAt);
  const streakBefore = state.streak;
  state.streak = nextStreak(state.last_active_date, state.streak, date, daysBetween);
  if (state.last_active_date === null || date > state.last_active_date) state.last_active_date = date;
  if (state.streak !== streakBefore) pending.streakChanged = true;
  if (xp > 0) {
    state.total_xp += xp;
    pending.daily.set(date, pending.daily.get(date)! + xp);
    pending.weekXp.set(week, (pending.weekXp.get(week) ?? 0) + xp);
    if (event.courseId) pending.courseXp.set(event.courseId, (pending.courseXp.get(event.courseId) ?? 0) + xp);
  }
  return { idempotencyKey: key, status: 'accepted', xp };
}

async function flush(q: Q, learnerId: string, state: LearnerState, pending: Pending) {
  const visible = state.opted_in;
  if (pending.streakChanged) await upsertScore(q, 'streak', learnerId, state.streak, visible, 'set');
  for (const [date, xp] of pending.daily) {
    await q(sql`insert into daily_xp (learner_id, local_date, xp) values (${learnerId}, ${date}, ${xp})
      on conflict (learner_id, local_date) do update set xp = excluded.xp`);
  }
  if (pending.weekXp.size > 0) await upsertScore(q, 'all', learnerId, state.total_xp, visible, 'set');
  // Weeks in time order, so a league that settles sees the weeks before it complete.
  for (const [week, xp] of [...pending.weekXp].sort(([a], [b]) => (a < b ? -1 : 1))) {
    await upsertScore(q, `week:${week}`, learnerId, xp, visible, 'add');
    await addLeagueXp(q, learnerId, state, week, xp);
  }
  for (const [courseId, xp] of pending.courseXp) await upsertScore(q, `course:${courseId}`, learnerId, xp, visible, 'add');
  await q(sql`update learners set league_tier = ${state.league_tier}, tier_settled_week = ${state.tier_settled_week},
    total_xp = ${state.total_xp}, streak = ${state.streak}, last_active_date = ${state.last_active_date},
    last_completion_at = ${state.last_completion_at} where id = ${learnerId}`);
}

async function upsertScore(q: Q, board: string, learnerId: string, value: number, visible: boolean, mode: 'set' | 'add') {
  const [old] = await q<{ score: number }>(sql`select score from scores where board = ${board} and learner_id = ${learnerId}`);
  const next = mode === 'set' || !old ? value : old.score + value;
  if (old && old.score === next) return;
  await q(sql`insert into scores (board, learner_id, score, visible) values (${board}, ${learnerId}, ${next}, ${visible})
    on conflict (board, learner_id) do update set score = excluded.score`);
  if (!visible) return;
  if (old) await q(sql`update score_counts set n = n - 1 where board = ${board} and score = ${old.score}`);
  await q(sql`insert into score_counts (board, score, n) values (${board}, ${next}, 1) on conflict (board, score) do update set n = score_counts.n + 1`);
}

/** Shows or hides a learner on every board, keeping the per-score counts in step. */
export async function setVisibility(q: Q, learnerId: string, visible: boolean): Promise<void> {
  const changed = await q<{ board: string; score: number }>(sql`update scores set visible = ${visible}
    where learner_id = ${learnerId} and visible = ${!visible} returning board, score`);
  for (const row of changed) {
    await (visible
      ? q(sql`insert into score_counts (board, score, n) values (${row.board}, ${row.score}, 1) on conflict (board, score) do update set n = score_counts.n + 1`)
      : q(sql`update score_counts set n = n - 1 where board = ${row.board} and score = ${row.score}`));
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
