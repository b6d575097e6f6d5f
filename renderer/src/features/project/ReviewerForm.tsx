// A person's review entered in the app: with no tutor provider, an instructor or mentor scores
// each rubric category (0–100) with a reason, under their name. Main judges it by the same rule
// as the Project Guide's; a certificate built on it is self-issued, so it says who reviewed.
import { useState } from 'react';
import type { ProjectOverview } from '../../../../preload/contract/project';
import { client } from '../../platform/client';
import { ActionSubmit } from '../../platform/ActionSubmit';
import { useAction } from '../../platform/use-action';
import { onSubmitRun } from '../../platform/on-submit';

type Rubric = ProjectOverview['rubric'];

export function ReviewerForm({
  submissionId,
  rubric,
  open,
  onReviewed,
}: {
  submissionId: number;
  rubric: Rubric;
  open: boolean;
  onReviewed: (next: ProjectOverview) => void;
}) {
  const [name, setName] = useState('');
  const [entries, setEntries] = useState<Record<string, { score: string; reason: string }>>(() =>
    Object.fromEntries(rubric.map((r) => [r.category, { score: '', reason: '' }])),
  );
  const { busy, error, act } = useAction();
  const save = () =>
    act(async () => {
      const scores = Object.fromEntries(
        rubric.map((r) => [r.category, { score: Number(entries[r.category]!.score), reasons: [entries[r.category]!.reason.trim()] }]),
      );
      onReviewed(await client().call('project.recordReview', { submissionId, reviewerName: name.trim(), scores: scores as never }));
    });
  return (
    <details className="project-reviewer" open={open}>
      <summary>Enter a reviewer&apos;s scores</summary>
      <form aria-label="Reviewer's scores" onSubmit={onSubmitRun(save)}>
        <p className="muted">
          For the person who reviewed the project (an instructor or mentor). Give each category a score from 0 to 100 and the reason for it.
        </p>
        <label>
          Reviewer&apos;s name
          <input type="text" required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        {rubric.map((r) => (
          <fieldset key={r.category} className="project-score">
            <legend>
              {r.title} ({r.weight}%)
            </legend>
            <label>
              Score
              <input
                type="number"
                required
                min={0}
                max={100}
                value={entries[r.category]!.score}
                onChange={(e) => setEntries({ ...entries, [r.category]: { ...entries[r.category]!, score: e.target.value } })}
              />
            </label>
            <label>
              Reason
              <input
                type="text"
                required
                maxLength={2000}
                value={entries[r.category]!.reason}
                onChange={(e) => setEntries({ ...entries, [r.category]: { ...entries[r.category]!, reason: e.target.value } })}
              />
            </label>
          </fieldset>
        ))}
        <ActionSubmit busy={busy} error={error} busyLabel="Saving…">
          Save the review
        </ActionSubmit>
      </form>
    </details>
  );
}
