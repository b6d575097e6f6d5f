// The Gold review pages of the dashboard: the queue of projects waiting in the cohorts the
// instructor teaches, and one submission with its files and the rubric form. No script: native
// form controls in labelled fieldsets, errors in an alert, two submit buttons for the decision.
import { html } from 'hono/html';
import { rubricCategories, rubricTitles, rubricWeights, categoryFloorPercent } from '../../common/rules/project-review';
import { goldReviewPercent } from '../../common/rules/certificate-criteria';
import type { ReviewQueueEntry, ReviewSubmission } from '../project-reviews';
import { layout, table, when, type Html } from './pages';
import type { ReviewDraft } from './review-form';

const statusText = { 'pending-review': 'Waiting for review', accepted: 'Approved', 'not-accepted': 'Changes requested' } as const;

export function reviewQueuePage(queue: readonly ReviewQueueEntry[]): Html {
  const body = queue.length
    ? table(
        'Gold projects waiting for a review, oldest first',
        ['Project', 'Learner', 'Course', 'Submitted (UTC)'],
        queue.map(
          (s) =>
            html`<tr>
              <th scope="row"><a href="/dashboard/reviews/${s.submissionId}">${s.title}</a></th>
              <td>${s.learnerName}</td>
              <td>${s.courseTitle}</td>
              <td>${when(s.submittedAt)}</td>
            </tr>`,
        ),
      )
    : html`<p>No Gold project is waiting for you. Projects show here when a learner of a cohort you teach submits one for a course assigned to it.</p>`;
  return layout(
    'Gold reviews',
    html`<h1>Gold reviews</h1>
      <p class="muted">
        Score each rubric category from 0 to 100 with its reasons. A project passes at ${goldReviewPercent}% overall with no category under
        ${categoryFloorPercent}%; your approval lets the server issue the learner's Gold certificate.
      </p>
      ${body}`,
    true,
  );
}

const checked = (on: boolean) => (on ? html`checked` : '');

function reviewForm(s: ReviewSubmission, draft: ReviewDraft): Html {
  return html`<h2 id="review-heading">Your review</h2>
    <form class="review" method="post" action="/dashboard/reviews/${s.submissionId}" aria-labelledby="review-heading">
      ${rubricCategories.map(
        (category) =>
          html`<fieldset>
            <legend>${rubricTitles[category]} (${rubricWeights[category]}%)</legend>
            <label
              >Score (0–100) <input type="number" name="${category}-score" min="0" max="100" step="1" value="${draft.scores[category].score}" required
            /></label>
            <label>Reasons (one per line) <textarea name="${category}-reasons" rows="3" required>${draft.scores[category].reasons}</textarea></label>
          </fieldset>`,
      )}
      <fieldset>
        <legend>Automated checks, as you found them</legend>
        <label class="check"><input type="checkbox" name="testsPassed" ${checked(draft.automated.testsPassed)} /> The tests pass</label>
        <label>Tests counted <input type="number" name="testCount" min="0" step="1" value="${draft.automated.testCount}" required /></label>
        <label class="check"><input type="checkbox" name="lintClean" ${checked(draft.automated.lintClean)} /> Lint is clean</label>
        <label class="check"><input type="checkbox" name="readme" ${checked(draft.automated.readme)} /> It has a README</label>
      </fieldset>
      <label>Changes you ask for (shown to the learner, optional) <textarea name="note" rows="3">${draft.note}</textarea></label>
      <div class="actions">
        <button type="submit" name="decision" value="approve">Approve</button>
        <button class="quiet" type="submit" name="decision" value="request-changes">Request changes</button>
      </div>
    </form>`;
}

function reviewResult(s: ReviewSubmission): Html {
  const review = s.review!;
  return html`<h2>Review</h2>
    <p role="status">
      <strong>${statusText[s.status]}</strong> by ${review.reviewer} on ${when(review.reviewedAt)}: ${review.overall}%
      overall${review.exceptional ? ' (exceptional)' : ''}.
    </p>
    ${
      review.blockers.length
        ? html`<ul>
            ${review.blockers.map((b) => html`<li>${b}</li>`)}
          </ul>`
        : ''
    }
    ${table(
      'Rubric scores and reasons',
      ['Category', 'Score', 'Reasons'],
      rubricCategories.map(
        (category) =>
          html`<tr>
            <th scope="row">${rubricTitles[category]} (${rubricWeights[category]}%)</th>
            <td class="num">${review.scores[category].score}%</td>
            <td>${review.scores[category].reasons.join(' · ')}</td>
          </tr>`,
      ),
    )}`;
}

export function reviewPage(s: ReviewSubmission, draft: ReviewDraft, problems: readonly string[] = []): Html {
  const p = s.submission;
  return layout(
    s.title,
    html`<p><a href="/dashboard/reviews">← Gold reviews</a></p>
      <h1>${s.title}</h1>
      ${
        problems.length
          ? html`<div class="error" role="alert">
              <p>The review was not saved (<a href="#review-heading">your review</a> keeps what you typed):</p>
              <ul>
                ${problems.map((p) => html`<li>${p}</li>`)}
              </ul>
            </div>`
          : ''
      }
      <dl class="facts">
        <div>
          <dt>Learner</dt>
          <dd>${s.learnerName}</dd>
        </div>
        <div>
          <dt>Course</dt>
          <dd>${s.courseTitle}</dd>
        </div>
        <div>
          <dt>Submitted (UTC)</dt>
          <dd>${when(s.submittedAt)}</dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>${statusText[s.status]}</dd>
        </div>
        ${
          p.demoUrl
            ? html`<div>
                <dt>Live demo</dt>
                <dd><a href="${p.demoUrl}" rel="noreferrer noopener">${p.demoUrl}</a></dd>
              </div>`
            : ''
        }
      </dl>
      ${
        p.goal
          ? html`<h2>Goal</h2>
              <p>${p.goal}</p>`
          : ''
      }
      ${
        p.milestones.length
          ? html`<h2>Milestones</h2>
              <ul>
                ${p.milestones.map((m) => html`<li>${m}</li>`)}
              </ul>`
          : ''
      }
      <h2>What the app's checks found</h2>
      <ul aria-label="Automated checks from the app">
        <li>Tests: ${p.automated.testCount}, ${p.automated.testsPassed ? 'passing' : 'not passing'}</li>
        <li>Lint: ${p.automated.lintClean ? 'clean' : 'not clean'}</li>
        <li>README: ${p.automated.readme ? 'present' : 'missing'}</li>
      </ul>
      <h2>README</h2>
      <pre class="file" tabindex="0" role="region" aria-label="README">${p.readme}</pre>
      <h2>Files (${p.files.length})</h2>
      ${p.files.map(
        (f) =>
          html`<details class="file">
            <summary>${f.path}</summary>
            <pre tabindex="0" role="region" aria-label="${f.path}">${f.content}</pre>
          </details>`,
      )}
      ${s.status === 'pending-review' ? reviewForm(s, draft) : reviewResult(s)}`,
    true,
  );
}

/** A submission the person may not review (their own, or they teach no cohort), with why. */
export const refusedPage = (message: string) =>
  layout(
    'Not yours to review',
    html`<h1>Not yours to review</h1>
      <p>${message}</p>
      <p><a href="/dashboard">Your cohorts</a></p>`,
    true,
  );
