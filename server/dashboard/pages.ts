// The dashboard's pages, rendered on the server (no script runs in them): every interpolated
// value is escaped by hono/html, tables have captions and column headers, and every control is a
// native link or button, so the pages work by keyboard and in any browser.
import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { CohortTable, LearnerDetail, ManagedCohort } from './data';
import { pageSize, type TableView } from './paging';
import { riskLabels } from './rules';

export type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

export const day = (at: number | null) => (at === null ? '—' : new Date(at).toISOString().slice(0, 10));
export const when = (at: number) => new Date(at).toISOString().slice(0, 16).replace('T', ' ');

/** A column header the table is sorted by (or may be): its aria-sort tells screen readers which. */
export interface SortColumn {
  readonly label: Html | string;
  readonly ariaSort: 'ascending' | 'descending' | null;
}
const isSortColumn = (c: Html | string | SortColumn): c is SortColumn => typeof c === 'object' && 'ariaSort' in c;

/** Every table of the dashboard: scrolls sideways on its own, with a caption and column headers. */
export function table(caption: Html | string, columns: readonly (Html | string | SortColumn)[], rows: readonly Html[]): Html {
  return html`<div class="table-wrap">
    <table>
      <caption>
        ${caption}
      </caption>
      <thead>
        <tr>
          ${columns.map((c) =>
            isSortColumn(c)
              ? c.ariaSort
                ? html`<th scope="col" aria-sort="${c.ariaSort}">${c.label}</th>`
                : html`<th scope="col">${c.label}</th>`
              : html`<th scope="col">${c}</th>`,
          )}
        </tr>
      </thead>
      <tbody>
        ${rows}
      </tbody>
    </table>
  </div>`;
}

export function layout(title: string, body: Html, signedIn: boolean): Html {
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title} · Dronacharya instructor dashboard</title>
        <link rel="stylesheet" href="/dashboard/assets/dashboard.css" />
      </head>
      <body>
        <header class="bar">
          <span class="brand">Dronacharya · Instructors</span>
          ${
            signedIn
              ? html`<nav aria-label="Dashboard"><a href="/dashboard">Cohorts</a><a href="/dashboard/reviews">Gold reviews</a></nav>
                  <form method="post" action="/dashboard/sign-out"><button class="quiet" type="submit">Sign out</button></form>`
              : ''
          }
        </header>
        <main>${body}</main>
      </body>
    </html>`;
}

export function signInPage(error: string | null): Html {
  return layout(
    'Sign in',
    html`<h1>Sign in</h1>
      <p class="muted">Use the email and password of your Dronacharya account (set them in the app under Settings → Account).</p>
      ${error ? html`<p class="error" role="alert">${error}</p>` : ''}
      <form class="sign-in" method="post" action="/dashboard/sign-in">
        <label>Email <input type="email" name="email" autocomplete="username" required /></label>
        <label>Password <input type="password" name="password" autocomplete="current-password" required /></label>
        <div><button type="submit">Sign in</button></div>
      </form>`,
    false,
  );
}

export function cohortsPage(cohorts: readonly ManagedCohort[]): Html {
  const body = cohorts.length
    ? table(
        'Cohorts you instruct or whose organisation you own',
        ['Cohort', 'Organisation', 'Learners'],
        cohorts.map(
          (c) =>
            html`<tr>
              <th scope="row"><a href="/dashboard/cohorts/${c.id}">${c.name}</a></th>
              <td>${c.orgName}</td>
              <td class="num">${c.learners}</td>
            </tr>`,
        ),
      )
    : html`<p>You instruct no cohort yet. Create one in an organisation where you are an instructor or owner, or ask an owner for an instructor invite.</p>`;
  return layout(
    'Cohorts',
    html`<h1>Cohorts</h1>
      ${body}`,
    true,
  );
}

function progressCell(cell: CohortTable['rows'][number]['cells'][number]): Html {
  const of = cell.total === null ? html`${cell.done} lessons` : html`${cell.done}/${cell.total} (${cell.percent}%)`;
  return html`<td>
    ${of}<span class="bar-track" aria-hidden="true"><span class="bar-fill w${Math.round(cell.percent / 5) * 5}"></span></span>
    <span class="muted">Struggle ${cell.struggle} · done ${day(cell.predictedAt)}</span>
    ${cell.risk ? html`<br /><span class="risk">${riskLabels[cell.risk]}</span>` : ''}
  </td>`;
}

/**
 * The cohort's week and one page of its table. Column headers are links that sort by them (again
 * to reverse); the pages are links too, so every control works by keyboard without script.
 */
export function cohortPage(t: CohortTable, view: TableView): Html {
  const summary: [string, Html | number][] = [
    ['Active learners', html`${t.week.activeLearners} of ${t.learners}`],
    ['Lessons done', t.week.lessonsDone],
    ['XP earned', t.week.xp],
    ['Hints revealed', t.week.hints],
    ['At risk', t.atRisk],
  ];
  const first = (t.page - 1) * pageSize;
  const base = `/dashboard/cohorts/${t.cohort.id}`;
  const href = (sort: string, dir: string, page: number) => `${base}?sort=${sort}&dir=${dir}${page > 1 ? `&page=${page}` : ''}`;
  const sortable = (sort: string, label: Html | string): SortColumn => {
    const current = view.sort === sort;
    const next = current && view.dir === 'asc' ? 'desc' : 'asc';
    return {
      label: html`<a href="${href(sort, next, 1)}">${label}</a>`,
      ariaSort: current ? (view.dir === 'asc' ? 'ascending' : 'descending') : null,
    };
  };
  const pages =
    t.pages > 1
      ? html`<nav class="pages" aria-label="Pages of learners">
          ${t.page > 1 ? html`<a href="${href(view.sort, view.dir, t.page - 1)}">Previous</a>` : ''}
          <span aria-current="page">Page ${t.page} of ${t.pages}</span>
          ${t.page < t.pages ? html`<a href="${href(view.sort, view.dir, t.page + 1)}">Next</a>` : ''}
        </nav>`
      : '';
  const progress = t.courses.length
    ? html`${table(
        html`Progress per assigned course: lessons done, struggle index (0–100, from hints and time per lesson against the cohort), predicted completion.
        Learners ${first + Math.min(1, t.rows.length)}–${first + t.rows.length} of ${t.learners}.`,
        [
          sortable('name', 'Learner'),
          ...t.courses.map((c, i) =>
            sortable(`course-${i}`, html`${c.title}${c.dueAt === null ? '' : html`<br /><span class="muted">due ${day(c.dueAt)}</span>`}`),
          ),
          sortable('last-active', 'Last active'),
          sortable('at-risk', 'At risk'),
        ],
        t.rows.map(
          (r) =>
            html`<tr>
              <th scope="row"><a href="${base}/learners/${r.learnerId}">${r.displayName}</a></th>
              ${r.cells.map(progressCell)}
              <td>${day(r.lastActiveAt)}</td>
              <td>${r.atRisk ? html`<span class="risk">Yes</span>` : html`<span class="ok">No</span>`}</td>
            </tr>`,
        ),
      )}
      ${pages}`
    : html`<p>No course is assigned to this cohort yet: assign one from the app (Settings → Organisation) to see progress here.</p>`;
  return layout(
    t.cohort.name,
    html`<h1>${t.cohort.name}</h1>
      <h2>This week <span class="muted">(since Monday, UTC)</span></h2>
      <dl class="summary">
        ${summary.map(
          ([term, value]) =>
            html`<div>
              <dt>${term}</dt>
              <dd>${value}</dd>
            </div>`,
        )}
      </dl>
      <h2>Learners</h2>
      <p><a class="button" href="${base}/export.csv" download>Export CSV (every learner)</a></p>
      ${progress}`,
    true,
  );
}

export function learnerPage(d: LearnerDetail): Html {
  const title = (courseId: string, lessonId: string | null) =>
    d.courses.find((c) => c.courseId === courseId)?.lessons.find((l) => l.id === lessonId)?.title ?? lessonId ?? '—';
  return layout(
    d.learner.displayName,
    html`<p><a href="/dashboard/cohorts/${d.cohort.id}">← ${d.cohort.name}</a></p>
      <h1>${d.learner.displayName}</h1>
      <p class="muted">
        What this learner shares with the cohort: progress in its assigned courses, attempts and certificates. Concept mastery stays on their computer.
      </p>
      ${d.courses.map(
        (c) =>
          html`<h2>${c.title}</h2>
            ${
              c.lessons.length
                ? html`<ul class="lessons" aria-label="Lessons of ${c.title}">
                    ${c.lessons.map((l) => html`<li>${c.done.has(l.id) ? html`<span class="ok">Done</span>` : html`<span class="muted">Not yet</span>`} ${l.title}</li>`)}
                  </ul>`
                : html`<p>${c.done.size} lessons done (this course is not registered on the server, so its outline is unknown).</p>`
            }`,
      )}
      <h2>Certificates</h2>
      ${
        d.certificates.length
          ? html`<ul>
              ${d.certificates.map(
                (c) => html`<li>${c.tier} · ${c.courseId} · ${day(c.issuedAt)} ${c.revoked ? '(revoked)' : html`<a href="/verify/${c.id}">verify</a>`}</li>`,
              )}
            </ul>`
          : html`<p>None yet.</p>`
      }
      <h2>Attempts</h2>
      ${
        d.attempts.length
          ? table(
              `The latest ${d.attempts.length} events in assigned courses`,
              ['When (UTC)', 'What', 'Lesson', 'Score', 'XP'],
              d.attempts.map(
                (a) =>
                  html`<tr>
                    <td>${when(a.at)}</td>
                    <td>${a.kind}</td>
                    <td>${title(a.courseId, a.lessonId)}</td>
                    <td class="num">${a.score ?? '—'}</td>
                    <td class="num">${a.xp}</td>
                  </tr>`,
              ),
            )
          : html`<p>No attempts yet.</p>`
      }`,
    true,
  );
}

export const notFoundPage = (message: string) =>
  layout(
    'Not found',
    html`<h1>Not found</h1>
      <p>${message}</p>
      <p><a href="/dashboard">Your cohorts</a></p>`,
    true,
  );
