// State the API's instances share for running the service (not learner data): rate-limit buckets.
// Kept apart from schema.ts so each part stays readable; drizzle.config.ts reads it too.
import { bigint, doublePrecision, pgTable, text } from 'drizzle-orm/pg-core';

/**
 * One token bucket per key (learner, client address, guessed secret), shared by every instance so
 * several behind a load balancer limit as one. Unlogged in the migration: buckets are worth
 * nothing after a crash, and skipping the WAL keeps the write on every request cheap.
 */
export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  tokens: doublePrecision('tokens').notNull(),
  /** When the bucket was last taken from (ms since the epoch). */
  at: bigint('at', { mode: 'number' }).notNull(),
});
