// Submissions and their reviews: what main measured (tests, README), each rubric category's score
// with its reasons, the verdict and what blocks it; and, for the latest submission, the Project
// Guide's review on request or a person's scores entered here.
import type { ProjectOverview, ProjectReviewView, ProjectSubmissionView } from '../../../../preload/contract/project';
import { client } from '../../platform/client';
import { ColumnHeads } from '../../platform/ColumnHeads';
import { useAction } from '../../platform/use-action';
import { ReviewerForm } from './ReviewerForm';
import { ServerReview } from './ServerReview';

function Review({ review }: { review: ProjectReviewView }) {
  const verdict = review.exceptional ? 'Accepted: exceptional' : review.accepted ? 'Accepted' : 'Not accepted yet';
  return (
    <div className="project-review">
      <p>
        <strong>
          {verdict}: {review.overall}% overall
        </strong>{' '}
        <span className="muted">
          reviewed by {review.reviewer.name}
          {review.reviewer.kind === 'project-guide' ? ' (the tutor, on your provider)' : ''} on {new Date(review.reviewedAt).toLocaleString()}
        </span>
      </p>
      <table>
        <caption className="visually-hidden">Rubric scores</caption>
        <ColumnHeads labels={['Category', 'Weight', 'Score', 'Why']} />
        <tbody>
          {review.categories.map((c) => (
            <tr key={c.category}>
              <th scope="row">{c.title}</th>
              <td>{c.weight}%</td>
              <td>{c.score}%</td>
              <td>
                <ul>
                  {c.reasons.map((reason, i) => (
                    <li key={i}>{reason}</li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {review.blockers.length > 0 && (
        <ul aria-label="What keeps it from passing">
          {review.blockers.map((blocker) => (
            <li key={blocker}>{blocker}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Submission({ submission }: { submission: ProjectSubmissionView }) {
  const { automated } = submission;
  const passed = submission.tests.filter((t) => t.status === 'pass').length;
  return (
    <>
      <p>
        Submitted {new Date(submission.submittedAt).toLocaleString()} from <code>{submission.folder}</code>
        {submission.demoUrl && (
          <>
            {' '}
            (demo: <a href={submission.demoUrl}>{submission.demoUrl}</a>)
          </>
        )}
        .
      </p>
      <ul className="project-checks" aria-label="Automated checks">
        <li>
          Tests: {passed} of {automated.testCount} passed in the sandbox{automated.testsPassed ? '' : ' (they must all pass)'}
        </li>
        <li>README: {automated.readme ? 'present' : 'missing'}</li>
      </ul>
      {submission.tests.some((t) => t.status !== 'pass') && (
        <ul aria-label="Failing tests">
          {submission.tests
            .filter((t) => t.status !== 'pass')
            .map((t) => (
              <li key={t.name}>
                {t.name}: {t.message ?? t.status}
              </li>
            ))}
        </ul>
      )}
      {submission.review ? <Review review={submission.review} /> : <p>Waiting for review.</p>}
    </>
  );
}

export function ReviewPanel({ overview, onReviewed }: { overview: ProjectOverview; onReviewed: (next: ProjectOverview) => void }) {
  const guide = useAction();
  const [latest, ...earlier] = overview.submissions;
  if (!latest) return null;
  return (
    <section className="project-submissions" aria-label="Project review">
      <h5>Review</h5>
      <Submission submission={latest} />
      <ServerReview submission={latest} />
      {overview.projectGuide && (
        <button
          type="button"
          className="button"
          disabled={guide.busy}
          onClick={() => void guide.act(async () => onReviewed(await client().call('project.draftReview', { submissionId: latest.submissionId })))}
        >
          {guide.busy ? 'The Project Guide is reviewing…' : 'Ask the Project Guide to review it'}
        </button>
      )}
      {guide.error && <p role="alert">{guide.error}</p>}
      <ReviewerForm submissionId={latest.submissionId} rubric={overview.rubric} open={!latest.review && !overview.projectGuide} onReviewed={onReviewed} />
      {earlier.length > 0 && (
        <details>
          <summary>Earlier submissions ({earlier.length})</summary>
          {earlier.map((submission) => (
            <div key={submission.submissionId} className="project-earlier">
              <Submission submission={submission} />
            </div>
          ))}
        </details>
      )}
    </section>
  );
}
