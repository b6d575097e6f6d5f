// The hosted API's routes (Hono: small, fast, web-standard Request/Response, so the same app
// runs in tests through app.request() without a socket and behind @hono/node-server in prod).
import crypto from 'node:crypto';
import { Hono, type Context } from 'hono';
import { sql, type Database } from './db/database';
import { ApiError } from './api-error';
import {
  certificateRequest,
  courseRegistration,
  eventsRequest,
  profileUpdateRequest,
  refreshRequest,
  registerRequest,
  revokeRequest,
} from '../common/sync-api/schemas';
import { accessTokenCache, issueTokens, rotateRefresh } from './auth';
import { clientAddress, trustedProxies } from './client-address';
import { listCourses, registerCourse, summaryOf } from './course-registry';
import { issueCertificate, issuerProfile, listCertificates, revokeCertificate, type Issuer } from './certificates';
import { verificationPage } from './verification-page';
import { serverTierRecords, type TierRecords } from './tier-records';
import { examRoutes } from './exam-routes';
import { projectRoutes } from './project-routes';
import { ingestBatch } from './event-batch';
import type { EventResult } from '../common/sync-api/schemas';
import { ingestGroup, setTimezone, setVisibility, type IngestRequest } from './ingest';
import { GroupCommit, type GroupCommitOptions } from './group-commit';
import type { ServerKeys } from './keys';
import { boardName, boardPage, league, rankAround } from './leaderboards';
import { RateLimiter, type RateLimit, type Taken } from './rate-limit';
import type { RankFeed } from './rank-feed';
import { Metrics, rankIndexMetrics } from './metrics';
import { dashboardRoutes } from './dashboard/routes';
import { limitRequestBodies } from './request-limits';
import { isTimezone } from '../common/rules/calendar';
import { defaultPlausibility, type Plausibility } from '../common/rules/plausibility';
import { messageOf } from '../common/errors';
import { updateFeedRoutes } from './update-feed/routes';
import { body, type Env } from './route-kit';
import { accountRoutes } from './accounts';
import { accountDataRoutes } from './account-data';
import { learnerRecordRoutes } from './learner-records';
import { orgRoutes, setSeatLimit } from './orgs';
import { learnerCohortRoutes } from './learner-cohorts';
import { seatLimitRequest } from '../common/sync-api/account-schemas';
import { defaultPasswordCost, type PasswordCost } from './passwords';

export interface ApiConfig {
  readonly db: Database;
  readonly keys: ServerKeys;
  readonly issuer: Issuer;
  /** Bearer token for /v1/admin/*; admin routes are off without one. */
  readonly adminToken?: string | undefined;
  readonly rateLimit?: RateLimit;
  /** Reverse proxies whose X-Forwarded-For names the client (addresses or CIDR ranges); none by default. */
  readonly trustedProxies?: readonly string[];
  readonly plausibility?: Plausibility;
  readonly now?: () => number;
  readonly log?: (entry: Record<string, unknown>) => void;
  /** A release folder from electron-builder, served at /updates/ as a generic update feed; none by default. */
  readonly updateFeedDir?: string | null | undefined;
  /** Where Silver's graded exams and Gold's accepted reviews are looked up; by default what this server holds. */
  readonly tierRecords?: TierRecords;
  /** scrypt cost of new password hashes (tests lower it). */
  readonly passwordCost?: PasswordCost;
  /** Attempts at guessable secrets (sign-in per address and per email, link and invite codes). */
  readonly guardLimit?: RateLimit;
  /** Serve /metrics to anyone (the port is private to the scraper); otherwise it needs the admin token. */
  readonly metricsPublic?: boolean;
  /** How ingestion requests are grouped into transactions. */
  readonly ingestion?: GroupCommitOptions;
  /** The instance's rank index: rank-around-me answers from it once it is loaded (see rank-feed.ts). */
  readonly rankFeed?: RankFeed;
}

const socketPeer = (c: Context) => (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket?.remoteAddress;

/** Learner and certificate ids are UUIDs: anything else names nothing (and never reaches the database). */
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A page cursor is `<score>:<learner id>`, the score a PostgreSQL integer. */
function validCursor(after: string): boolean {
  const match = /^(-?\d{1,10}):(.+)$/.exec(after);
  return match !== null && Math.abs(Number(match[1])) <= 2_147_483_647 && uuid.test(match[2]!);
}

export function createApi(config: ApiConfig): Hono<Env> {
  const { db, keys, issuer } = config;
  const now = config.now ?? Date.now;
  const rules = config.plausibility ?? defaultPlausibility;
  const log = config.log ?? (() => {});
  const trusted = trustedProxies(config.trustedProxies ?? []);
  const limiter = new RateLimiter(db, 'req', config.rateLimit ?? { burst: 60, perSecond: 10 }, now);
  const guardLimit = config.guardLimit ?? { burst: 10, perSecond: 1 / 60 };
  const guardLimiter = new RateLimiter(db, 'guard', guardLimit, now);
  // Guesses from every client together: a hundred clients' worth, so many addresses gain no more.
  const sharedGuardLimiter = new RateLimiter(db, 'guard-all', { burst: guardLimit.burst * 100, perSecond: guardLimit.perSecond * 100 }, now);
  // Concurrent ingestion requests share transactions, so a commit's flush answers many of them.
  // Each request's rate-limit token is taken in its group's transaction too (a round trip and a
  // commit fewer per request); a refused request writes nothing.
  const ingestion = new GroupCommit(
    db,
    async (q, requests: (IngestRequest & { limitKey: string })[]): Promise<(EventResult[] | Taken)[]> => {
      const taken = await limiter.takeEach(
        q,
        requests.map((request) => request.limitKey),
      );
      const granted = requests.filter((_, i) => taken[i]!.ok);
      const results = granted.length > 0 ? await ingestGroup(q, granted, rules) : [];
      let next = 0;
      return taken.map((take) => (take.ok ? results[next++]! : take));
    },
    // Two transactions at once: a group's count rows are locked in key order, so they wait for
    // each other rather than deadlock, and one group's round trips overlap the other's.
    { concurrency: 2, ...config.ingestion },
  );
  const authenticate = accessTokenCache(keys.accessSecret);
  const address = (c: Context) => clientAddress(socketPeer(c), c.req.header('x-forwarded-for'), trusted);
  const app = new Hono<Env>();

  app.onError((error, c) => {
    if (error instanceof ApiError) {
      return c.json(
        { error: { code: error.code, message: error.message, ...(error.details === undefined ? {} : { details: error.details }) } },
        error.status as 400,
      );
    }
    log({ level: 'error', msg: 'unhandled', path: c.req.path, error: error.stack ?? String(error) });
    return c.json({ error: { code: 'internal', message: 'The server failed to handle this request; try again later.' } }, 500);
  });
  app.notFound((c) => c.json({ error: { code: 'not_found', message: `No route for ${c.req.method} ${c.req.path}.` } }, 404));

  const metrics = new Metrics();
  app.use('*', async (c, next) => {
    const started = performance.now();
    await next();
    const ms = performance.now() - started;
    metrics.record(c.req.method, c.req.routePath, c.res.status, ms / 1000);
    log({ level: 'info', msg: 'request', method: c.req.method, path: c.req.routePath, status: c.res.status, ms: Math.round(ms * 10) / 10 });
  });

  app.use('*', limitRequestBodies());

  const refuse = (taken: Taken) => {
    if (!taken.ok)
      throw new ApiError(429, 'rate_limited', `Too many requests; wait ${taken.retryAfterSeconds} s and try again.`, {
        retryAfterSeconds: taken.retryAfterSeconds,
      });
  };
  const limit = async (key: string, from = limiter) => refuse(await from.take(key));
  /** Takes the request's token now if its route has not taken it in its own statement. */
  const takePending = async (c: Context<Env>) => {
    const key = c.get('pendingTake');
    c.set('pendingTake', undefined);
    if (key !== undefined) await limit(key);
  };
  // Rank-around-me takes its token in the statement that reads the rank: one round trip, not two.
  const takesOwnToken = /^\/v1\/leaderboards\/[^/]+\/around-me$/;
  // Ingestion takes it in its group's transaction.
  const takesOwnTokenOnPost = /^\/v1\/events$/;

  // Every /v1 route but sign-up and refresh needs an access token, and is limited per learner.
  app.use('/v1/*', async (c, next) => {
    const open =
      ['/v1/learners', '/v1/auth/refresh', '/v1/auth/sign-in', '/v1/auth/link'].includes(c.req.path) ||
      c.req.path.startsWith('/v1/credentials/') ||
      c.req.path.startsWith('/v1/admin/');
    if (open) {
      await limit(`ip:${address(c)}`);
      return next();
    }
    const { learnerId, sessionId } = await authenticate(c.req.header('authorization'), now());
    c.set('learnerId', learnerId);
    c.set('sessionId', sessionId);
    if (!(c.req.method === 'GET' ? takesOwnToken : takesOwnTokenOnPost).test(c.req.path)) {
      await limit(`learner:${learnerId}`);
      return next();
    }
    c.set('pendingTake', `learner:${learnerId}`);
    await next();
    // Every request takes a token: one whose route did not (no route matched) takes it now.
    await takePending(c);
  });

  const guard = (key: string, scope: 'client' | 'all' = 'client') => limit(key, scope === 'all' ? sharedGuardLimiter : guardLimiter);
  accountRoutes(app, { db, keys, now, passwordCost: config.passwordCost ?? defaultPasswordCost, guard, address });
  accountDataRoutes(app, db);
  learnerRecordRoutes(app, db);
  orgRoutes(app, { db, now, guard, address });
  dashboardRoutes(app, {
    db,
    keys,
    now,
    passwordCost: config.passwordCost ?? defaultPasswordCost,
    secureCookies: issuer.baseUrl.startsWith('https:'),
    guard,
    limit: (key) => limit(key),
    address,
  });
  learnerCohortRoutes(app, { db, now, guard, address });

  if (config.updateFeedDir) app.route('/updates', updateFeedRoutes(config.updateFeedDir));

  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    try {
      await db.query(sql`select 1`);
      // Ready or not, nothing more: the rank index's figures (board sizes) are the admin's, in /metrics.
      return c.json({ status: 'ready', database: db.engine });
    } catch (error) {
      return c.json({ error: { code: 'not_ready', message: `The database does not answer: ${messageOf(error)}` } }, 503);
    }
  });

  app.get('/.well-known/jwks.json', (c) => c.json({ keys: [keys.credential.publicJwk] }));
  app.get('/issuer', (c) =>
    c.json({ '@context': 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json', ...issuerProfile(issuer), publicKey: keys.credential.publicJwk }),
  );
  app.get('/verify/:id', async (c) => {
    const page = await verificationPage(db, keys, issuer, c.req.param('id'), now());
    return c.html(page.html, page.status as 200);
  });
  app.get('/v1/credentials/:id', async (c) => {
    if (!uuid.test(c.req.param('id'))) throw new ApiError(404, 'not_found', 'No certificate has this id.');
    const [row] = await db.query<{ jwt: string }>(sql`select jwt from certificates where id = ${c.req.param('id')}`);
    if (!row) throw new ApiError(404, 'not_found', 'No certificate has this id.');
    return c.text(row.jwt, 200, { 'content-type': 'application/jwt' });
  });

  app.post('/v1/learners', async (c) => {
    const input = await body(c, registerRequest);
    if (!isTimezone(input.timezone)) throw new ApiError(400, 'invalid_input', `"${input.timezone}" is not an IANA timezone (for example Europe/Paris).`);
    const id = crypto.randomUUID();
    await db.query(sql`insert into learners (id, display_name, email, timezone, timezone_changed_at, opted_in, created_at)
      values (${id}, ${input.displayName}, ${input.email ?? null}, ${input.timezone}, ${now()}, ${input.optedIn}, ${now()})`);
    return c.json(await issueTokens(db, keys.accessSecret, id, crypto.randomUUID(), now()), 201);
  });
  app.post('/v1/auth/refresh', async (c) => {
    const input = await body(c, refreshRequest);
    return c.json(await rotateRefresh(db, keys.accessSecret, input.refreshToken, now()));
  });

  const profile = async (learnerId: string) => {
    const [row] = await db.query<{
      id: string;
      display_name: string;
      email: string | null;
      timezone: string;
      opted_in: boolean;
      total_xp: number;
      streak: number;
    }>(sql`select id, display_name, email, timezone, opted_in, total_xp, streak from learners where id = ${learnerId}`);
    if (!row) throw new ApiError(404, 'unknown_learner', 'This learner no longer exists on the server; sign in again.');
    return {
      learnerId: row.id,
      displayName: row.display_name,
      email: row.email,
      timezone: row.timezone,
      optedIn: row.opted_in,
      totalXp: row.total_xp,
      streak: row.streak,
    };
  };
  app.get('/v1/me', async (c) => c.json(await profile(c.get('learnerId'))));
  app.patch('/v1/me', async (c) => {
    const input = await body(c, profileUpdateRequest);
    const learnerId = c.get('learnerId');
    if (input.timezone !== undefined && !isTimezone(input.timezone)) throw new ApiError(400, 'invalid_input', `"${input.timezone}" is not an IANA timezone.`);
    await db.transaction(async (q) => {
      if (input.displayName !== undefined) await q(sql`update learners set display_name = ${input.displayName} where id = ${learnerId}`);
      if (input.timezone !== undefined) await setTimezone(q, learnerId, input.timezone, now());
      if (input.optedIn !== undefined) {
        await q(sql`update learners set opted_in = ${input.optedIn} where id = ${learnerId}`);
        await setVisibility(q, learnerId, input.optedIn);
      }
    });
    return c.json(await profile(learnerId));
  });

  app.post('/v1/events', async (c) => {
    const input = await body(c, eventsRequest);
    const results = await ingestBatch(input.events, async (events) => {
      const limitKey = c.get('pendingTake');
      // ingestBatch calls this at most once, with the token still pending (else the middleware takes it).
      if (limitKey === undefined) throw new Error('ingestion without a pending rate-limit take');
      c.set('pendingTake', undefined);
      const answer = await ingestion.run({ learnerId: c.get('learnerId'), events, now: now(), limitKey });
      if (!Array.isArray(answer)) refuse(answer);
      return answer as EventResult[];
    });
    return c.json({ results });
  });

  app.get('/v1/league', async (c) => c.json(await league(db, c.get('learnerId'), now())));
  const resolveBoard = async (c: Context<Env>) => {
    const board = c.req.param('board') ?? '';
    // Only the week board depends on the learner's timezone: spare the others a lookup, and the
    // week board too while the rank index holds it (current as the index's ranks are).
    const learnerId = c.get('learnerId');
    const timezone = board === 'week' ? (config.rankFeed?.timezone(learnerId) ?? (await profile(learnerId)).timezone) : 'UTC';
    const name = boardName(board, timezone, now());
    if (!name) throw new ApiError(400, 'invalid_input', 'A board is all, streak, week or course:<course id>.');
    return name;
  };
  app.get('/v1/leaderboards/:board/around-me', async (c) => {
    const key = c.get('pendingTake');
    const name = key === undefined || c.req.param('board') === 'week' ? null : boardName(c.req.param('board'), 'UTC', now());
    if (key === undefined || name === null) {
      // The week board reads the learner's timezone first, and a bad board is refused: take the token before either.
      await takePending(c);
      const board = await resolveBoard(c);
      return c.json(config.rankFeed?.around(board, c.get('learnerId')) ?? (await rankAround(db, board, c.get('learnerId'))));
    }
    if (config.rankFeed?.ready) {
      // The index answers without a statement: the token is taken on its own, then the rank read.
      await takePending(c);
      return c.json(config.rankFeed.around(name, c.get('learnerId')) ?? (await rankAround(db, name, c.get('learnerId'))));
    }
    c.set('pendingTake', undefined);
    const taking = limiter.taking(key);
    const answer = async (granted: boolean) => refuse(await taking.answer(granted));
    return c.json(await rankAround(db, name, c.get('learnerId'), 5, { statement: taking.statement, answer }));
  });
  app.get('/v1/leaderboards/:board', async (c) => {
    const limitParam = Number(c.req.query('limit') ?? 20);
    if (!Number.isInteger(limitParam) || limitParam < 1 || limitParam > 100)
      throw new ApiError(400, 'invalid_input', 'limit must be a whole number from 1 to 100.');
    const after = c.req.query('after') ?? null;
    if (after !== null && !validCursor(after)) throw new ApiError(400, 'invalid_input', 'after must be the next cursor of a previous page.');
    return c.json(await boardPage(db, await resolveBoard(c), after, limitParam));
  });

  app.post('/v1/certificates', async (c) => {
    const input = await body(c, certificateRequest);
    return c.json(await issueCertificate(db, keys, issuer, c.get('learnerId'), input, now(), config.tierRecords ?? serverTierRecords(db)), 201);
  });
  app.get('/v1/certificates', async (c) => c.json({ certificates: await listCertificates(db, issuer, c.get('learnerId')) }));

  const requireAdmin = (c: Context) => {
    const token = c.req.header('authorization');
    const expected = config.adminToken ? `Bearer ${config.adminToken}` : null;
    if (!expected || !token || token.length !== expected.length || !crypto.timingSafeEqual(Buffer.from(token), Buffer.from(expected))) {
      throw new ApiError(401, 'unauthenticated', "Admin routes need the server's admin token (set DRONA_ADMIN_TOKEN when starting the server).");
    }
  };
  app.get('/metrics', (c) => {
    if (!config.metricsPublic) requireAdmin(c);
    return c.text(metrics.render(db.engine, config.rankFeed ? rankIndexMetrics(config.rankFeed) : []), 200, {
      'content-type': 'text/plain; version=0.0.4; charset=utf-8',
    });
  });
  app.post('/v1/admin/certificates/:id/revoke', async (c) => {
    requireAdmin(c);
    if (!uuid.test(c.req.param('id'))) throw new ApiError(404, 'not_found', 'No certificate has this id.');
    // The reason is optional: an empty or non-JSON body revokes without one.
    const input = revokeRequest.safeParse(await c.req.json().catch(() => ({})));
    if (!input.success)
      throw new ApiError(
        400,
        'invalid_input',
        'The reason must be text of at most 500 characters; see details.',
        input.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
      );
    await revokeCertificate(db, c.req.param('id'), input.data.reason, now());
    return c.json({ revoked: true });
  });
  app.put('/v1/admin/courses/:id', async (c) => {
    requireAdmin(c);
    const input = await body(c, courseRegistration);
    if (input.id !== c.req.param('id'))
      throw new ApiError(400, 'invalid_input', `The path names course "${c.req.param('id')}" but the body registers "${input.id}".`);
    const { outcome, course } = await registerCourse(db, input, input.registeredBy ?? 'admin', now());
    return c.json({ outcome, ...summaryOf(course) }, outcome === 'registered' ? 201 : 200);
  });
  app.put('/v1/admin/orgs/:id/seats', async (c) => {
    requireAdmin(c);
    if (!uuid.test(c.req.param('id'))) throw new ApiError(404, 'not_found', 'No organisation has this id.');
    const { seatLimit } = await body(c, seatLimitRequest);
    await setSeatLimit(db, c.req.param('id'), seatLimit);
    return c.json({ seatLimit });
  });
  app.get('/v1/admin/courses', async (c) => {
    requireAdmin(c);
    return c.json({ courses: (await listCourses(db)).map(summaryOf) });
  });
  examRoutes(app, { db, now, requireAdmin });
  projectRoutes(app, { db, now, requireAdmin });

  return app;
}
