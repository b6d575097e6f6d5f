// Rank queries. Order: score descending, ties by learner id descending. A rank is one plus the
// rows strictly ahead: the score_counts rows ahead of the learner's (board, score, stripe), that
// is every higher score and the ties in higher id ranges (stripes), plus the ties ahead within
// their own stripe, an index range of scores_order (board, visible, score, learner_id) that also
// gives the rows around as keyset pages.
import type { SQL } from 'drizzle-orm';
import { sql, type Database } from './db/database';
import type { AroundResponse, BoardRow, LeagueResponse } from '../common/sync-api/schemas';
import { weekOf } from '../common/rules/calendar';
import { leagueTiers, zones } from '../common/rules/leagues';
import { settleBefore } from './ingest';
import { stripeEnd, stripeOf } from './score-stripes';

interface ScoreRow {
  learner_id: string;
  display_name: string;
  score: number;
}

const ahead = (board: string, score: number | SQL, id: string) => sql`board = ${board} and visible and (score, learner_id) > (${score}::int, ${id}::text)`;
const behind = (board: string, score: number | SQL, id: string) => sql`board = ${board} and visible and (score, learner_id) < (${score}::int, ${id}::text)`;

/**
 * Rows ahead of (score, id): the counts of every higher score and of the ties' higher stripes, plus
 * the ties ahead in the id's own stripe (up to the next stripe's first id, an index range).
 */
const aheadSql = (board: string, score: SQL, id: string) => sql`
  (select coalesce(sum(n), 0)::int from score_counts where board = ${board} and (score, stripe) > (${score}::int, ${stripeOf(id)}))
  + (select count(*)::int from scores, (select ${stripeEnd(id)} as e) stripe where board = ${board} and visible and score = ${score}::int
      and (score, learner_id) > (${score}::int, ${id}::text)
      and (score, learner_id) < (case when stripe.e is null then ${score}::int + 1 else ${score}::int end, coalesce(stripe.e, '')))`;

/** Rows ahead (see aheadSql). */
async function countAhead(db: Database, board: string, score: number, id: string): Promise<number> {
  const [row] = await db.query<{ n: number }>(sql`select ${aheadSql(board, sql`${score}`, id)} as n`);
  return row!.n;
}

/**
 * The learner's rank on `board` and the ten around them (five above, five below), in one
 * statement: their row, the rows ahead (score_counts above their score plus the ties ahead), and
 * two keyset scans of scores_order. Four queries in two round trips, on a pool shared with every
 * other request, were most of the route's time at 16 connections.
 */
/**
 * A statement run before the rank is read, in the rank's own statement (a data-modifying CTE),
 * returning a row when the request may go on: a rate-limit take (see RateLimiter.taking) costs
 * no round trip of its own. `answer` is told whether it returned a row, and throws to refuse.
 */
export interface TakeFirst {
  readonly statement: SQL;
  answer(granted: boolean): Promise<void>;
}

export async function rankAround(db: Database, board: string, learnerId: string, span = 5, take?: TakeFirst): Promise<AroundResponse> {
  if (!Number.isInteger(span) || span < 0) throw new Error(`span must be a whole number, not ${span}`);
  // A literal, not a parameter: the statement keeps one generic plan (see the name below), and a
  // limit unknown to the planner is taken for a tenth of the board, which at 1M learners chose a
  // hash join over every learner (387 ms of PostgreSQL CPU per request instead of about 2).
  const limit = sql.raw(String(span));
  // Refused, the take returns no row and nothing else is read.
  const taken = take ? sql`taken as (${take.statement}), ` : sql``;
  const granted = take ? sql` and exists (select from taken)` : sql``;
  const rows = await db.query<ScoreRow & { part: 'me' | 'above' | 'below' | 'taken'; visible: boolean; n: number }>(
    sql`with ${taken}me as (
      select s.score, s.visible, l.display_name from scores s join learners l on l.id = s.learner_id where s.board = ${board} and s.learner_id = ${learnerId}${granted})
    select 'me' as part, ${learnerId}::text as learner_id, me.display_name, me.score, me.visible, case when me.visible then ${aheadSql(board, sql`me.score`, learnerId)} end::int as n
      from me
    union all select 'above', a.learner_id, l.display_name, a.score, true, a.i::int from me
      cross join lateral (select learner_id, score, row_number() over (order by score asc, learner_id asc) as i from (select learner_id, score from scores
        where me.visible and ${ahead(board, sql`me.score`, learnerId)} order by score asc, learner_id asc limit ${limit}) x) a join learners l on l.id = a.learner_id
    union all select 'below', b.learner_id, l.display_name, b.score, true, b.i::int from me
      cross join lateral (select learner_id, score, row_number() over (order by score desc, learner_id desc) as i from (select learner_id, score from scores
        where me.visible and ${behind(board, sql`me.score`, learnerId)} order by score desc, learner_id desc limit ${limit}) x) b join learners l on l.id = b.learner_id${
          take
            ? sql`
    union all select 'taken', null, null, null, null, null from taken`
            : sql``
        }`,
    // Prepared, planned once: planning took as long as running it (0.5 ms each, warm, 100k learners).
    `rank-around-${span}${take ? '-taking' : ''}`,
  );
  if (take) await take.answer(rows.some((r) => r.part === 'taken'));
  const mine = rows.find((r) => r.part === 'me');
  if (!mine || !mine.visible) {
    const page = await boardPage(db, board, null, span * 2);
    return { board, me: null, above: [], below: page.rows };
  }
  const rank = mine.n + 1;
  const row = (r: ScoreRow, n: number): BoardRow => ({ rank: n, learnerId: r.learner_id, displayName: r.display_name, score: r.score });
  // `n`: the learner's rows ahead, the others' place from the learner outwards.
  const part = (name: string) => rows.filter((r) => r.part === name).sort((a, b) => a.n - b.n);
  const above = part('above').reverse();
  return {
    board,
    me: { rank, learnerId, displayName: mine.display_name, score: mine.score },
    above: above.map((r, i) => row(r, rank - above.length + i)),
    below: part('below').map((r, i) => row(r, rank + 1 + i)),
  };
}

export const encodeCursor = (score: number, learnerId: string) => `${score}:${learnerId}`;

/** One keyset page from the top (after = the cursor of the previous page's last row). */
export async function boardPage(db: Database, board: string, after: string | null, limit: number) {
  let rows: ScoreRow[];
  let firstRank = 1;
  if (after) {
    const colon = after.indexOf(':');
    const score = Number(after.slice(0, colon));
    const id = after.slice(colon + 1);
    rows = await db.query<ScoreRow>(sql`select s.learner_id, l.display_name, s.score from scores s join learners l on l.id = s.learner_id
      where ${behind(board, score, id)} order by s.score desc, s.learner_id desc limit ${limit}`);
    firstRank = (await countAhead(db, board, score, id)) + 2;
  } else {
    rows = await db.query<ScoreRow>(sql`select s.learner_id, l.display_name, s.score from scores s join learners l on l.id = s.learner_id
      where board = ${board} and visible order by s.score desc, s.learner_id desc limit ${limit}`);
  }
  const last = rows.at(-1);
  return {
    board,
    rows: rows.map((r, i) => ({ rank: firstRank + i, learnerId: r.learner_id, displayName: r.display_name, score: r.score })),
    next: rows.length === limit && last ? encodeCursor(last.score, last.learner_id) : null,
  };
}

/** The board name for an API board id: `week` means the learner's current week in their timezone. */
export function boardName(board: string, timezone: string, now: number): string | null {
  if (board === 'all' || board === 'streak') return board;
  if (board === 'week') return `week:${weekOf(now, timezone)}`;
  if (/^course:[\w.-]{1,120}$/.test(board)) return board;
  return null;
}

export async function league(db: Database, learnerId: string, now: number): Promise<LeagueResponse> {
  return db.transaction(async (q) => {
    const [learner] = await q<{ timezone: string; league_tier: number; tier_settled_week: string | null; opted_in: boolean }>(
      sql`select timezone, league_tier, tier_settled_week, opted_in from learners where id = ${learnerId} for update`,
    );
    const week = weekOf(now, learner!.timezone);
    const [member] = await q<{ league_id: number; tier: number }>(
      sql`select league_id, tier from league_members where week = ${week} and learner_id = ${learnerId}`,
    );
    if (!member) {
      const state = { league_tier: learner!.league_tier, tier_settled_week: learner!.tier_settled_week };
      await settleBefore(q, learnerId, state, week);
      await q(sql`update learners set league_tier = ${state.league_tier}, tier_settled_week = ${state.tier_settled_week} where id = ${learnerId}`);
      const zone = zones(1);
      return { week, tier: state.league_tier, tierName: leagueTiers[state.league_tier]!, promote: zone.promote, demote: zone.demote, members: [] };
    }
    // A league has at most 30 members: ordering them is cheap (league_members_league index).
    const rows = await q<ScoreRow>(sql`select m.learner_id, l.display_name, m.xp as score from league_members m join learners l on l.id = m.learner_id
      where m.league_id = ${member.league_id} and (l.opted_in or l.id = ${learnerId}) order by m.xp desc, m.learner_id asc`);
    const zone = zones(rows.length);
    return {
      week,
      tier: member.tier,
      tierName: leagueTiers[member.tier]!,
      promote: zone.promote,
      demote: zone.demote,
      members: rows.map((r, i) => ({ rank: i + 1, learnerId: r.learner_id, displayName: r.display_name, score: r.score })),
    };
  });
}
