// The instructor dashboard at /dashboard: sign in, the cohorts you manage, a cohort's table and
// weekly summary, one learner's detail, the table as CSV, and the Gold review queue. Server-rendered, no script; the
// data readers (data.ts) decide who sees what.
import type { Context, Hono, Next } from 'hono';
import type { Database } from '../db/database';
import { ApiError } from '../api-error';
import type { ServerKeys } from '../keys';
import type { PasswordCost } from '../passwords';
import type { Env } from '../route-kit';
import { cohortTable, learnerDetail, managedCohorts } from './data';
import { cohortPage, cohortsPage, learnerPage, notFoundPage, signInPage } from './pages';
import { instructorQueue, instructorReview, instructorSubmission } from '../project-reviews';
import { blankDraft, readReviewForm } from './review-form';
import { refusedPage, reviewPage, reviewQueuePage } from './review-pages';
import { tableView } from './paging';
import { csvRow, riskLabels } from './rules';
import { checkPassword, endSession, sessionOf, startSession } from './session';
import { dashboardCss } from './styles';

export interface DashboardDeps {
  readonly db: Database;
  readonly keys: ServerKeys;
  readonly now: () => number;
  readonly passwordCost: PasswordCost;
  /** Cookies only over HTTPS when the server's public address is HTTPS. */
  readonly secureCookies: boolean;
  readonly guard: (key: string) => Promise<void>;
  /** The per-client request limit every /v1 route has. */
  readonly limit: (key: string) => Promise<void>;
  readonly address: (c: Context) => string;
}

type DashboardEnv = Env & { Variables: { personId: string; dashboardSession: string } };

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const notYours = 'No cohort or learner of yours has this address.';
const noSubmission = 'No Gold project from a cohort you teach has this address.';

/** A form from another site is refused even where SameSite cookies are not enforced. */
function sameOrigin(c: Context): boolean {
  const origin = c.req.header('origin');
  if (!origin) return true;
  try {
    return new URL(origin).host === c.req.header('host');
  } catch {
    return false;
  }
}

export function dashboardRoutes(app: Hono<Env>, deps: DashboardDeps): void {
  const { db, keys, now } = deps;
  const dash = app as unknown as Hono<DashboardEnv>;

  dash.use('/dashboard/*', async (c, next) => {
    await next();
    c.header('content-security-policy', "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
    c.header('x-content-type-options', 'nosniff');
    // same-origin, not no-referrer: with no-referrer, browsers send "Origin: null" on the pages' own forms.
    c.header('referrer-policy', 'same-origin');
    if (!c.res.headers.has('cache-control')) c.header('cache-control', 'no-store');
  });
  dash.get('/dashboard/assets/dashboard.css', (c) =>
    c.body(dashboardCss(), 200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'max-age=300' }),
  );

  dash.get('/dashboard/sign-in', async (c) => {
    await deps.limit(`ip:${deps.address(c)}`);
    return c.html(signInPage(null));
  });
  dash.post('/dashboard/sign-in', async (c) => {
    if (!sameOrigin(c)) return c.html(signInPage('This form was sent from another site; sign in from this page.'), 403);
    const form = await c.req.parseBody();
    const email = typeof form.email === 'string' ? form.email.slice(0, 200) : '';
    const password = typeof form.password === 'string' ? form.password.slice(0, 200) : '';
    await deps.guard(`sign-in:ip:${deps.address(c)}`);
    await deps.guard(`sign-in:email:${email.trim().toLowerCase()}`);
    const personId = email && password ? await checkPassword(db, email, password, deps.passwordCost) : null;
    if (!personId) return c.html(signInPage('This email and password do not match an account.'), 401);
    await startSession(c, db, keys, personId, now(), deps.secureCookies);
    return c.redirect('/dashboard', 303);
  });

  const signedIn = async (c: Context<DashboardEnv>, next: Next) => {
    const session = await sessionOf(c, db, keys, now());
    if (!session) return c.req.method === 'GET' ? c.redirect('/dashboard/sign-in', 303) : c.html(signInPage('Sign in again.'), 401);
    await deps.limit(`learner:${session.personId}`);
    c.set('personId', session.personId);
    c.set('dashboardSession', session.sessionId);
    return next();
  };
  dash.use('/dashboard', signedIn);
  for (const path of ['/dashboard/cohorts/*', '/dashboard/reviews', '/dashboard/reviews/*', '/dashboard/sign-out']) dash.use(path, signedIn);

  dash.post('/dashboard/sign-out', async (c) => {
    if (!sameOrigin(c)) return c.html(notFoundPage('This form was sent from another site.'), 403);
    await endSession(c, db, c.get('dashboardSession'), now());
    return c.redirect('/dashboard/sign-in', 303);
  });

  dash.get('/dashboard', async (c) => c.html(cohortsPage(await managedCohorts(db.query, c.get('personId')))));

  /** Runs a page's reader; a cohort or learner the person does not manage is simply not found. */
  const page = async (c: Context<DashboardEnv>, render: () => Promise<Response>) => {
    const ids = [c.req.param('cohortId'), c.req.param('learnerId')].filter((id) => id !== undefined);
    if (!ids.every((id) => uuid.test(id))) return c.html(notFoundPage(notYours), 404);
    try {
      return await render();
    } catch (error) {
      if (error instanceof ApiError && (error.status === 404 || error.status === 403)) return c.html(notFoundPage(notYours), 404);
      throw error;
    }
  };

  dash.get('/dashboard/cohorts/:cohortId', (c) =>
    page(c, async () => {
      const view = tableView.parse(c.req.query());
      return c.html(cohortPage(await cohortTable(db.query, c.get('personId'), c.req.param('cohortId'), now(), view), view));
    }),
  );
  dash.get('/dashboard/cohorts/:cohortId/learners/:learnerId', (c) =>
    page(c, async () => c.html(learnerPage(await learnerDetail(db.query, c.get('personId'), c.req.param('cohortId'), c.req.param('learnerId'))))),
  );
  dash.get('/dashboard/cohorts/:cohortId/export.csv', (c) =>
    page(c, async () => {
      const t = await cohortTable(db.query, c.get('personId'), c.req.param('cohortId'), now(), null);
      const iso = (at: number | null) => (at === null ? null : new Date(at).toISOString());
      let csv = csvRow([
        'learner',
        'learner id',
        'course',
        'lessons done',
        'lessons',
        'percent',
        'struggle',
        'last active',
        'predicted completion',
        'due',
        'at risk',
      ]);
      for (const r of t.rows)
        for (const cell of r.cells)
          csv += csvRow([
            r.displayName,
            r.learnerId,
            cell.courseId,
            cell.done,
            cell.total,
            cell.percent,
            cell.struggle,
            iso(cell.lastAt),
            iso(cell.predictedAt),
            iso(cell.dueAt),
            cell.risk ? riskLabels[cell.risk] : null,
          ]);
      const file = t.cohort.name.replace(/[^\w.-]+/g, '-').slice(0, 60) || 'cohort';
      return c.body(csv, 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${file}.csv"` });
    }),
  );

  // Gold reviews: what the instructor may review is decided in project-reviews.ts, as for the API.
  const reviewing = async (c: Context<DashboardEnv>, render: () => Promise<Response>) => {
    const id = c.req.param('submissionId');
    if (id !== undefined && !uuid.test(id)) return c.html(notFoundPage(noSubmission), 404);
    try {
      return await render();
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return c.html(notFoundPage(noSubmission), 404);
      if (error instanceof ApiError && error.status === 403) return c.html(refusedPage(error.message), 403);
      throw error;
    }
  };
  dash.get('/dashboard/reviews', (c) => reviewing(c, async () => c.html(reviewQueuePage(await instructorQueue(db.query, c.get('personId'))))));
  dash.get('/dashboard/reviews/:submissionId', (c) =>
    reviewing(c, async () => {
      const s = await instructorSubmission(db.query, c.get('personId'), c.req.param('submissionId'));
      return c.html(reviewPage(s, blankDraft(s.submission.automated)));
    }),
  );
  dash.post('/dashboard/reviews/:submissionId', (c) =>
    reviewing(c, async () => {
      if (!sameOrigin(c)) return c.html(refusedPage('This form was sent from another site.'), 403);
      const personId = c.get('personId');
      const submissionId = c.req.param('submissionId');
      const { draft, review, problems } = readReviewForm(await c.req.parseBody());
      const again = async (status: 400 | 422, why: readonly string[]) =>
        c.html(reviewPage(await instructorSubmission(db.query, personId, submissionId), draft, why), status);
      if (!review) return again(400, problems);
      try {
        await instructorReview(db, personId, submissionId, review, now());
      } catch (error) {
        if (error instanceof ApiError && error.code === 'review_not_passing') return again(422, [error.message]);
        throw error;
      }
      return c.redirect(`/dashboard/reviews/${submissionId}`, 303);
    }),
  );
}
