// Event ingestion: each event once per (learner, idempotency key), checked for plausibility,
// scored by the server's own rules, and folded into the boards and the learner's league.
// Over 350 lines: reading a round's state, judging it and writing it set-based are one sequence
// whose steps share the round's writes; split, each part would only make sense beside the others.
import { sql } from './db/database';
import type { EventInput, EventResult } from '../common/sync-api/schemas';
import { ApiError } from './api-error';
import { stripeOf } from './score-stripes';
import { progressOfMany, writeProgress, type LearnerEvents, type ProgressRow, type StoredEvent } from './course-progress';
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

/** A request's fresh events to judge, of a learner whose row is locked. */
interface ToJudge {
  readonly learnerId: string;
  readonly state: LearnerState & { id: string };
  readonly events: EventInput[];
  readonly now: number;
}

/**
 * Each learner's accepted completions around their batch's instants (a stored span ends at most
 * a day's cap after it starts), and the days the batch falls on: one statement each for all the
 * round's learners. Instants outside the accepted age window are clamped: an absurd date never
 * widens the scan.
 */
async function loadLedgers(q: Q, items: readonly ToJudge[], rules: Plausibility): Promise<Ledger[]> {
  const ledgers = items.map(({ state }) => {
    const ledger = emptyLedger();
    ledger.streak = resumeStreak(state.streak, state.streak_freezes, state.last_active_date, state.timezone);
    return ledger;
  });
  for (const [i, { learnerId, events }] of items.entries())
    if (events.some((event) => event.kind === 'certificate-earned')) await loadCertificates(q, learnerId, ledgers[i]!);
  const spans: { i: number; learner_id: string; from: number; to: number }[] = [];
  const dates: { i: number; learner_id: string; local_date: string }[] = [];
  for (const [i, { learnerId, state, events, now }] of items.entries()) {
    const oldest = now - rules.maxAgeDays * 86_400_000;
    const newest = now + rules.futureSkewMs;
    const times = events.map((event) => Math.min(newest, Math.max(oldest, event.occurredAt)));
    const reach = rules.maxActiveSecondsPerDay * 1000;
    spans.push({ i, learner_id: learnerId, from: Math.floor(Math.min(...times) - reach), to: Math.ceil(Math.max(...times) + reach) });
    for (const date of new Set(times.map((at) => localDate(at, state.timezone)))) dates.push({ i, learner_id: learnerId, local_date: date });
  }
  const rows = await q<{
    i: number;
    kind: string;
    course_id: string | null;
    occurred_at: number;
    active_seconds: number | null;
  }>(sql`select k.i, e.kind, e.course_id, e.occurred_at, e.active_seconds
    from jsonb_to_recordset(${JSON.stringify(spans)}::jsonb) as k(i int, learner_id text, "from" bigint, "to" bigint)
    join events e on e.learner_id = k.learner_id and e.occurred_at >= k."from" and e.occurred_at <= k."to"
    and e.kind in (${sql.join(
      ruledKinds.map((kind) => sql`${kind}`),
      sql`, `,
    )})`);
  // Each learner's rows in time order (a stable sort: ties as the statement gave them).
  const ordered = rows.map((row) => ({ ...row, at: Number(row.occurred_at) })).sort((a, b) => a.i - b.i || a.at - b.at);
  for (const row of ordered) {
    const ledger = ledgers[row.i]!;
    const at = row.at;
    const key = anchorKey(row.course_id, at);
    if (row.kind === 'module-completed') {
      ledger.anchors.set(key, true);
      continue;
    }
    // Events stored before completions carried their time hold only their instant.
    ledger.spans.push({ start: at - (row.active_seconds ?? 0) * 1000, end: at });
    if (!ledger.anchors.has(key)) ledger.anchors.set(key, false);
  }
  for (const ledger of ledgers) ledger.spans.sort((a, b) => a.start - b.start);
  const days = await q<{ i: number; local_date: string; xp: number; active_seconds: number }>(sql`select k.i, d.local_date, d.xp, d.active_seconds
    from jsonb_to_recordset(${JSON.stringify(dates)}::jsonb) as k(i int, learner_id text, local_date text)
    join daily_xp d on d.learner_id = k.learner_id and d.local_date = k.local_date`);
  for (const day of days) ledgers[day.i]!.days.set(day.local_date, { xp: day.xp, activeSeconds: day.active_seconds });
  return ledgers;
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

/** One POST /v1/events: the learner's valid events, received at `now`. */
export interface IngestRequest {
  readonly learnerId: string;
  readonly events: readonly EventInput[];
  readonly now: number;
}

/**
 * Ingests a group of requests inside the transaction `q` belongs to (a group commit's: see
 * group-commit.ts), under their learners' row locks. Each step is one statement for the whole
 * group rather than a few per request (per-statement costs, in the server and in PostgreSQL, were
 * most of ingestion's CPU): requests of distinct learners are written together, a learner's later
 * request in a following round, so it sees the earlier one as if each ran alone.
 */
export async function ingestGroup(q: Q, requests: readonly IngestRequest[], rules: Plausibility): Promise<EventResult[][]> {
  const rounds: number[][] = [];
  const taken = new Map<string, number>();
  requests.forEach((request, i) => {
    const round = taken.get(request.learnerId) ?? 0;
    taken.set(request.learnerId, round + 1);
    (rounds[round] ??= []).push(i);
  });
  const results: EventResult[][] = [];
  // The rounds' count changes, written once by the last round (see scoreUpserts).
  const counts: CountChange[] = [];
  for (const [r, round] of rounds.entries()) {
    const answered = await ingestRound(
      q,
      round.map((i) => requests[i]!),
      rules,
      counts,
      r === rounds.length - 1,
    );
    round.forEach((i, j) => (results[i] = answered[j]!));
  }
  return results;
}

/** A change of a score_counts row's count, carried from a group's earlier round to its last. */
interface CountChange {
  board: string;
  score: number;
  stripe: number;
  n: number;
}

/** What a round writes, gathered from each of its requests and written once at its end. */
interface Writes {
  refused: Record<string, unknown>[];
  events: Record<string, unknown>[];
  progress: ProgressRow[];
  daily: { learner_id: string; local_date: string; xp: number; active_seconds: number }[];
  boards: BoardChange[];
  leagueXp: { learner_id: string; week: string; xp: number }[];
  learners: (LearnerState & { id: string })[];
}

/** A round: requests of distinct learners. */
async function ingestRound(q: Q, requests: readonly IngestRequest[], rules: Plausibility, counts: CountChange[], last: boolean): Promise<EventResult[][]> {
  const ids = requests.map((r) => r.learnerId);
  // Locked in one order, so two groups wait rather than deadlock on each other's learners.
  const learnerRows = await q<
    LearnerState & { id: string }
  >(sql`select id, opted_in, timezone, league_tier, tier_settled_week, total_xp, streak, streak_freezes, last_active_date
      from learners where id in (${list(ids)}) order by id for update`);
  const states = new Map(learnerRows.map((row) => [row.id, row]));
  const pairs = JSON.stringify(requests.flatMap((r) => r.events.map((e) => ({ learner_id: r.learnerId, idempotency_key: e.idempotencyKey }))));
  // A key refused before is answered with its reason again: a rejection is final.
  const seenRows = await q<{ learner_id: string; idempotency_key: string; code: string | null }>(sql`with k as (
      select distinct * from jsonb_to_recordset(${pairs}::jsonb) as k(learner_id text, idempotency_key text))
    select e.learner_id, e.idempotency_key, null as code from events e join k using (learner_id, idempotency_key)
    union all select r.learner_id, r.idempotency_key, r.code from refused_events r join k using (learner_id, idempotency_key)`);
  const seenKey = (learnerId: string, key: string) => `${learnerId}\n${key}`;
  const seen = new Set(seenRows.map((r) => seenKey(r.learner_id, r.idempotency_key)));
  const refused = new Map(seenRows.flatMap((r) => (r.code === null ? [] : [[seenKey(r.learner_id, r.idempotency_key), r.code] as const])));
  const writes: Writes = { refused: [], events: [], progress: [], daily: [], boards: [], leagueXp: [], learners: [] };
  // A key is judged once: the first time it appears, in this batch or before.
  const toJudge: (ToJudge | null)[] = requests.map(({ learnerId, events, now }) => {
    const row = states.get(learnerId);
    if (!row) return null;
    const fresh = new Map<string, EventInput>();
    for (const event of events) {
      const key = event.idempotencyKey;
      if (!seen.has(seenKey(learnerId, key)) && !fresh.has(key)) fresh.set(key, event);
    }
    return fresh.size === 0 ? null : { learnerId, state: { ...row }, events: [...fresh.values()], now };
  });
  const judging = toJudge.filter((item): item is ToJudge => item !== null);
  const ledgers = judging.length === 0 ? [] : await loadLedgers(q, judging, rules);
  const verdicts = new Map<ToJudge, Map<string, Verdict>>();
  const stored: LearnerEvents[] = [];
  const judgedBatches: { state: LearnerState & { id: string }; pending: Pending; ledger: Ledger }[] = [];
  for (const [i, item] of judging.entries()) {
    const judged = await judge(q, item, ledgers[i]!, rules, writes);
    verdicts.set(item, judged.verdicts);
    if (judged.stored.length > 0) {
      stored.push({ learnerId: item.learnerId, events: judged.stored });
      judgedBatches.push({ state: item.state, pending: judged.pending, ledger: ledgers[i]! });
    }
  }
  // The lessons each batch finishes for the first time, read for all of them at once (each
  // learner's before their batch is stored: the round's writes come after).
  if (stored.length > 0) writes.progress.push(...(await progressOfMany(q, stored)));
  for (const { state, pending, ledger } of judgedBatches) gather(writes, state, pending, ledger);
  const answers: EventResult[][] = requests.map(({ learnerId, events }, r) => {
    if (!states.has(learnerId))
      return events.map((event) => ({ idempotencyKey: event.idempotencyKey, status: 'rejected' as const, code: 'unknown_learner', xp: 0 }));
    const item = toJudge[r];
    const judged = (item && verdicts.get(item)) ?? new Map<string, Verdict>();
    const results: EventResult[] = [];
    const answered = new Set<string>();
    for (const event of events) {
      const key = event.idempotencyKey;
      const verdict = answered.has(key) ? undefined : judged.get(key);
      const refusedBefore = answered.has(key) ? undefined : refused.get(seenKey(learnerId, key));
      answered.add(key);
      if (refusedBefore) results.push({ idempotencyKey: key, status: 'rejected', code: refusedBefore, xp: 0 });
      else if (!verdict) results.push({ idempotencyKey: key, status: 'duplicate', xp: 0 });
      else if (verdict.status === 'rejected') results.push({ idempotencyKey: key, status: 'rejected', code: verdict.code, xp: 0 });
      else results.push({ idempotencyKey: key, status: 'accepted', ...(verdict.weekOpen ? {} : { code: 'week_closed' }), xp: verdict.xp });
    }
    return results;
  });
  await write(q, writes, counts, last);
  return answers;
}

const list = (values: readonly string[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

/**
 * Judges the batch with the pure rules, and adds its events to the round's writes; returns the
 * verdicts, the accepted events (for the progress rows) and what they add up to.
 */
async function judge(
  q: Q,
  { learnerId, state, events, now }: ToJudge,
  ledger: Ledger,
  rules: Plausibility,
  writes: Writes,
): Promise<{ verdicts: Map<string, Verdict>; stored: StoredEvent[]; pending: Pending }> {
  const verdicts = judgeBatch(events, ledger, { now, timezone: state.timezone }, rules);
  const pending: Pending = { daily: new Set(), weekXp: new Map(), courseXp: new Map(), xpChanged: false, streakChanged: false };
  const stored: StoredEvent[] = [];
  const ordered = canonicalOrder(events);
  // With refused events in the batch, ids are drawn up front in the batch's order across both
  // tables (one sequence), so the restore feed replays the batch in the order it was judged.
  const ids = ordered.some((event) => verdicts.get(event.idempotencyKey)!.status !== 'accepted')
    ? (await q<{ id: string }>(sql`select nextval('events_id_seq') as id from generate_series(1, ${ordered.length})`))
        .map((r) => Number(r.id))
        .sort((a, b) => a - b)
    : null;
  const accepted = [];
  for (const [index, event] of ordered.entries()) {
    const verdict = verdicts.get(event.idempotencyKey)!;
    const common = {
      id: ids ? ids[index] : null,
      learner_id: learnerId,
      idempotency_key: event.idempotencyKey,
      kind: event.kind,
      course_id: event.courseId ?? null,
      lesson_id: event.lessonId ?? null,
      occurred_at: event.occurredAt,
      facts: event.facts,
      received_at: now,
    };
    if (verdict.status !== 'accepted') {
      writes.refused.push({ ...common, code: verdict.code });
      continue;
    }
    const { xp, date, week } = verdict;
    const activeSeconds = timedKinds.has(event.kind) ? verdict.activeSeconds : null;
    accepted.push({ ...common, local_date: date, week, xp, active_seconds: activeSeconds });
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
  writes.events.push(...accepted);
  return { verdicts, stored, pending };
}

/** Adds the batch's days, boards, league XP and learner row to the round's writes. */
function gather(writes: Writes, state: LearnerState & { id: string }, pending: Pending, ledger: Ledger) {
  const learnerId = state.id;
  const visible = state.opted_in;
  const board = (name: string, value: number, add: boolean) => writes.boards.push({ learner_id: learnerId, board: name, value, add, visible });
  if (pending.streakChanged) board('streak', state.streak, false);
  if (pending.xpChanged) board('all', state.total_xp, false);
  // Weeks in time order, so a league that settles sees the weeks before it complete.
  const weeks = [...pending.weekXp].sort(([a], [b]) => (a < b ? -1 : 1));
  for (const [week, xp] of weeks) board(`week:${week}`, xp, true);
  for (const [courseId, xp] of pending.courseXp) board(`course:${courseId}`, xp, true);
  for (const date of pending.daily) {
    const day = ledger.days.get(date)!;
    writes.daily.push({ learner_id: learnerId, local_date: date, xp: day.xp, active_seconds: day.activeSeconds });
  }
  // That week's league is settled: its XP no longer counts.
  for (const [week, xp] of weeks)
    if (state.tier_settled_week === null || week > state.tier_settled_week) writes.leagueXp.push({ learner_id: learnerId, week, xp });
  writes.learners.push(state);
}

/**
 * The round's writes: a statement for all its learners' events, days, boards and learner rows
 * (their tables distinct, so no part needs another's effect; one round trip rather than four),
 * after the refused events, the courses and the leagues (whose settling changes the learner rows).
 */
async function write(q: Q, writes: Writes, counts: CountChange[], last: boolean) {
  const eventColumns = `learner_id text, idempotency_key text, kind text, course_id text, lesson_id text, occurred_at bigint, facts jsonb, received_at bigint`;
  // Kept so a new computer restores them (GET /v1/events); they count nowhere.
  if (writes.refused.length > 0)
    await q(sql`insert into refused_events (id, learner_id, idempotency_key, kind, course_id, lesson_id, occurred_at, code, facts, received_at)
      select coalesce(id, nextval('events_id_seq')), learner_id, idempotency_key, kind, course_id, lesson_id, occurred_at, code, facts, received_at
      from jsonb_to_recordset(${JSON.stringify(writes.refused)}::jsonb) as v(id bigint, ${sql.raw(eventColumns)}, code text)`);
  if (writes.events.length === 0) {
    if (last && counts.length > 0) await q(sql`with ${countUpserts(counts, null)}`);
    return;
  }
  await writeProgress(q, writes.progress);
  await addLeagueXp(q, writes);
  const carried =
    await q<CountChange>(sql`with stored as (insert into events (id, learner_id, idempotency_key, kind, course_id, lesson_id, occurred_at, local_date, week, xp, active_seconds, facts, received_at)
      select coalesce(id, nextval('events_id_seq')), learner_id, idempotency_key, kind, course_id, lesson_id, occurred_at, local_date, week, xp, active_seconds, facts, received_at
      from jsonb_to_recordset(${JSON.stringify(writes.events)}::jsonb) as v(id bigint, ${sql.raw(eventColumns)}, local_date text, week text, xp int, active_seconds int)),
    days as (insert into daily_xp (learner_id, local_date, xp, active_seconds)
      select * from jsonb_to_recordset(${JSON.stringify(writes.daily)}::jsonb) as v(learner_id text, local_date text, xp int, active_seconds int)
      on conflict (learner_id, local_date) do update set xp = excluded.xp, active_seconds = excluded.active_seconds),
    learner_rows as (update learners l set league_tier = v.league_tier, tier_settled_week = v.tier_settled_week, total_xp = v.total_xp, streak = v.streak,
        streak_freezes = v.streak_freezes, last_active_date = v.last_active_date
      from jsonb_to_recordset(${JSON.stringify(writes.learners)}::jsonb) as v(id text, league_tier int, tier_settled_week text, total_xp int, streak int,
        streak_freezes int, last_active_date text)
      where l.id = v.id),
    ${scoreUpserts(writes.boards, counts, last)}`);
  counts.push(...carried);
}

/** A board's new score for a learner: `value`, or `value` more than it was. */
interface BoardChange {
  learner_id: string;
  board: string;
  value: number;
  add: boolean;
  /** The learner is on the boards (counted in score_counts). */
  visible: boolean;
}

/**
 * The common table expressions and final statement of the round's statement that set the learners'
 * scores on their boards, keeping the per-score counts of visible learners in step (the old
 * score's count less one and the new one's plus one, in the learner's stripe of each: a contended
 * single row per score made every batch wait, measured as 123 of 135 samples of waiting ingestion
 * at 1M learners). The counts rows are shared by all learners, so a group writes them once, in
 * its last round's statement with the earlier rounds' changes (`counts`, which an earlier round's
 * statement returns instead), summed per row and locked in (board, score, stripe) order: two
 * groups written at once then wait for each other's rows rather than deadlock on them.
 */
function scoreUpserts(changes: readonly BoardChange[], counts: readonly CountChange[], last: boolean) {
  return sql`input as (select * from jsonb_to_recordset(${JSON.stringify(changes)}::jsonb)
      as i(learner_id text, board text, value int, add boolean, visible boolean)),
    next as (select i.learner_id, i.board, i.visible, ${stripeOf(sql`i.learner_id`)} as stripe, o.score as old,
        case when i.add and o.score is not null then o.score + i.value else i.value end as score
      from input i left join scores o on o.board = i.board and o.learner_id = i.learner_id),
    changed as (select * from next where old is distinct from score),
    saved as (insert into scores (board, learner_id, score, visible) select board, learner_id, score, visible from changed
      on conflict (learner_id, board) do update set score = excluded.score),
    counted as (select board, old as score, stripe, -1 as n from changed where old is not null and visible
      union all select board, score, stripe, 1 from changed where visible),
    ${last ? countUpserts(counts, sql`select * from counted`) : sql`summed as (select board, score, stripe, sum(n)::int as n from counted group by 1, 2, 3) select * from summed`}`;
}

/**
 * The statement's end that adds `counts` (and the rows of `more`, a query of the same columns) to
 * score_counts: each row once, in one order for every transaction (see scoreUpserts).
 */
function countUpserts(counts: readonly CountChange[], more: ReturnType<typeof sql> | null) {
  return sql`carried as (select * from jsonb_to_recordset(${JSON.stringify(counts)}::jsonb) as c(board text, score int, stripe smallint, n int)
      ${more === null ? sql`` : sql`union all ${more}`})
    insert into score_counts (board, score, stripe, n) select board, score, stripe, sum(n) from carried group by board, score, stripe
      order by board, score, stripe
      on conflict (board, score, stripe) do update set n = score_counts.n + excluded.n`;
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

/**
 * Adds the round's XP to its learners' leagues: one statement for the leagues they are in, then
 * each league to join (a learner's first XP of a week) in week order per learner.
 */
async function addLeagueXp(q: Q, writes: Writes) {
  if (writes.leagueXp.length === 0) return;
  const updated = await q<{ learner_id: string; week: string }>(sql`update league_members m set xp = m.xp + v.xp
    from jsonb_to_recordset(${JSON.stringify(writes.leagueXp)}::jsonb) as v(learner_id text, week text, xp int)
    where m.week = v.week and m.learner_id = v.learner_id returning m.learner_id, m.week`);
  const done = new Set(updated.map((r) => `${r.learner_id}\n${r.week}`));
  const states = new Map(writes.learners.map((state) => [state.id, state]));
  for (const { learner_id: learnerId, week, xp } of writes.leagueXp) {
    if (done.has(`${learnerId}\n${week}`)) continue;
    const state = states.get(learnerId)!;
    await settleBefore(q, learnerId, state, week);
    const tier = state.league_tier;
    let [league] = await q<{ id: number }>(sql`update leagues set size = size + 1 where id = (
        select id from leagues where week = ${week} and tier = ${tier} and size < ${leagueSize} order by id limit 1 for update skip locked)
      returning id`);
    if (!league) [league] = await q<{ id: number }>(sql`insert into leagues (week, tier, size) values (${week}, ${tier}, 1) returning id`);
    await q(sql`insert into league_members (week, learner_id, league_id, tier, xp) values (${week}, ${learnerId}, ${league!.id}, ${tier}, ${xp})`);
  }
}
