import type { SQL } from 'drizzle-orm';
import { sql } from './db/database';

/**
 * The score_counts stripe of a learner id (an SQL expression): the score_stripes range it falls
 * in, compared as the database orders learner ids (see scoreStripes in db/schema.ts).
 */
export const stripeOf = (learnerId: SQL | string): SQL => sql`(select max(stripe) from score_stripes where first_id <= ${learnerId}::text)`;

/** The first id of the next stripe after the learner's (null for the last stripe). */
export const stripeEnd = (learnerId: SQL | string): SQL => sql`(select min(first_id) from score_stripes where first_id > ${learnerId}::text)`;

/**
 * Splits the learner ids present into four stripes at their quartiles and counts score_counts
 * again (as migration 0015 does): for a database loaded in bulk, whose ids the defaults (for random
 * UUIDs) would put in one stripe.
 */
export async function restripe(query: (statement: SQL) => Promise<unknown>): Promise<void> {
  await query(sql`delete from score_stripes`);
  await query(sql`insert into score_stripes (stripe, first_id) select 0, '' union all
    select row_number() over (order by b)::smallint, b from (select distinct b from unnest((select percentile_disc(array[0.25, 0.5, 0.75])
      within group (order by id) from learners)) as q(b) where b > '') bounds`);
  await query(sql`delete from score_counts`);
  await query(sql`insert into score_counts (board, score, stripe, n) select s.board, s.score, r.stripe, count(*)::int from scores s
    join (select stripe, first_id, lead(first_id) over (order by stripe) as next from score_stripes) r
      on s.learner_id >= r.first_id and (r.next is null or s.learner_id < r.next)
    where s.visible group by 1, 2, 3`);
}
