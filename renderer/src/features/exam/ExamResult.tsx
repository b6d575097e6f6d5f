// The result, as main graded it: the overall score against the pass mark, each section's score,
// the sections under the mark, and a design answer awaiting a person's review.
import type { ExamView } from '../../../../preload/contract/exam';
import { ColumnHeads } from '../../platform/ColumnHeads';
import { useExamMode } from './exam-store';

const verdictTitle = { passed: 'You passed the Silver exam', failed: 'You did not pass this time', 'pending-review': 'Waiting for review' } as const;

export function ExamResult({ view }: { view: ExamView }) {
  const exit = useExamMode((state) => state.exit);
  const result = view.result;
  return (
    <section className="exam-result" aria-labelledby="exam-result-title">
      <h2 id="exam-result-title">{result ? verdictTitle[result.verdict] : 'Exam submitted'}</h2>
      {result && (
        <>
          <p className="exam-overall">
            Overall: <strong>{result.overall}%</strong> (pass mark {result.passPercent}%)
            {result.verdict === 'passed' && result.firstAttempt ? ', on your first attempt.' : '.'}
          </p>
          {result.verdict === 'pending-review' && (
            <p>
              {view.gradedBy === 'server'
                ? 'Your challenges and design answer wait for a reviewer on your sync server; the verdict depends on them.'
                : "Your design answer waits for a person's review; the verdict depends on it."}
            </p>
          )}
          {result.failedSections.length > 0 && (
            <p>Under the pass mark: {result.failedSections.map((kind) => view.sections.find((section) => section.kind === kind)?.title ?? kind).join(', ')}.</p>
          )}
        </>
      )}
      <p className="exam-graded-by muted">{view.gradedBy === 'server' ? 'Graded by your sync server.' : 'Graded on this computer.'}</p>
      <table className="exam-scores">
        <caption>Scores per section</caption>
        <ColumnHeads labels={['Section', 'Score']} />
        <tbody>
          {view.sections.map((section) => (
            <tr key={section.kind}>
              <th scope="row">{section.title}</th>
              <td>
                {section.score === null ? 'awaiting review' : `${section.score}%`}
                {section.timedOut ? ' (time ran out)' : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="exam-actions">
        <button
          type="button"
          className="button primary"
          onClick={() => {
            if (document.fullscreenElement) void document.exitFullscreen();
            exit();
          }}
        >
          Leave exam mode
        </button>
      </div>
    </section>
  );
}
