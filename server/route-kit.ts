// What every route module shares: the context's variables, body parsing with zod, and the check
// that the request's session is still live.
import type { Context, Hono } from 'hono';
import type { z } from 'zod';
import { ApiError } from './api-error';
import { sql, type Database } from './db/database';
import { text } from '../common/sync-api/schemas';

export type Env = {
  Variables: {
    learnerId: string;
    sessionId: string | null;
    /** The rate-limit key whose token the route takes itself, in its own statement (not taken yet). */
    pendingTake?: string | undefined;
  };
};

export async function body<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch {
    throw new ApiError(400, 'invalid_json', 'The request body is not JSON; send Content-Type: application/json with a JSON object.');
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new ApiError(
      400,
      'invalid_input',
      'The request does not have the expected shape; see details.',
      parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    );
  }
  return parsed.data;
}

/**
 * The learner, once their session is checked against the database: account and organisation
 * routes refuse a revoked session at once, not only when its access token expires.
 */
export async function liveLearner(db: Database, c: Context<Env>): Promise<string> {
  const learnerId = c.get('learnerId');
  const sessionId = c.get('sessionId');
  const [row] = sessionId
    ? await db.query<{ revoked_at: number | null }>(sql`select revoked_at from sessions where id = ${sessionId} and learner_id = ${learnerId}`)
    : [];
  if (!row || row.revoked_at !== null) throw new ApiError(401, 'session_revoked', 'This session was signed out; sign in again.');
  return learnerId;
}

/** A path parameter that must be a UUID: anything else names nothing (and never reaches the database). */
export function uuidParam(c: Context, name: string, what: string): string {
  const value = c.req.param(name) ?? '';
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(value)) throw new ApiError(404, 'not_found', `No ${what} has this id.`);
  return value;
}

/** What a route module with a learner side and an admin review queue needs. */
export interface ReviewRouteDeps {
  readonly db: Database;
  readonly now: () => number;
  readonly requireAdmin: (c: Context) => void;
}

/**
 * Work a person reviews (exam attempts, project submissions): the queue of the instructors who
 * teach the learner's cohort, one piece of it and an instructor's review, each for a live
 * session; and the admin's queue and review. Ids are UUIDs in the path parameter `param`.
 */
export interface ReviewQueue<I extends z.ZodType, A extends z.ZodType> {
  /** `/v1/reviews/<instructorPath>` and `/v1/reviews/<instructorPath>/:<param>`. */
  readonly instructorPath: string;
  /** `/v1/admin/<adminQueuePath>`. */
  readonly adminQueuePath: string;
  /** `/v1/admin/<adminItemPath>/:<param>/review`. */
  readonly adminItemPath: string;
  readonly param: string;
  /** What the id names, for a 404. */
  readonly what: string;
  readonly instructorRequest: I;
  readonly adminRequest: A;
  instructorQueue(personId: string): Promise<object>;
  instructorItem(personId: string, id: string): Promise<object>;
  instructorReview(personId: string, id: string, input: z.output<I>, now: number): Promise<object>;
  adminQueue(): Promise<object>;
  adminReview(id: string, input: z.output<A>, now: number): Promise<object>;
}

export function reviewQueueRoutes<I extends z.ZodType, A extends z.ZodType>(
  app: Hono<Env>,
  { db, now, requireAdmin }: ReviewRouteDeps,
  queue: ReviewQueue<I, A>,
): void {
  const id = (c: Context) => uuidParam(c, queue.param, queue.what);
  const item = `/v1/reviews/${queue.instructorPath}/:${queue.param}`;
  app.get(`/v1/reviews/${queue.instructorPath}`, async (c) => c.json(await queue.instructorQueue(await liveLearner(db, c))));
  app.get(item, async (c) => c.json(await queue.instructorItem(await liveLearner(db, c), id(c))));
  app.post(item, async (c) => {
    const personId = await liveLearner(db, c);
    const itemId = id(c);
    return c.json(await queue.instructorReview(personId, itemId, await body(c, queue.instructorRequest), now()));
  });

  app.get(`/v1/admin/${queue.adminQueuePath}`, async (c) => {
    requireAdmin(c);
    return c.json(await queue.adminQueue());
  });
  app.post(`/v1/admin/${queue.adminItemPath}/:${queue.param}/review`, async (c) => {
    requireAdmin(c);
    const itemId = id(c);
    return c.json(await queue.adminReview(itemId, await body(c, queue.adminRequest), now()));
  });
}

const courseIdText = text().min(1).max(120);

/** The :courseId path parameter, or a 400 naming what it must be. */
export function courseIdParam(c: Context): string {
  const courseId = courseIdText.safeParse(c.req.param('courseId'));
  if (!courseId.success) throw new ApiError(400, 'invalid_input', 'The course id must be 1–120 storable characters.');
  return courseId.data;
}
