// The Gold project of a course, as the Certificates view offers it: pick a brief (or propose your
// own), tick off its milestones, submit the folder (main runs its tests in the sandbox), and see
// the review against the rubric, or enter a reviewer's scores when no tutor provider reviews.
import type { ProjectOverview } from '../../../../preload/contract/project';
import { client } from '../../platform/client';
import { useAction } from '../../platform/use-action';
import { useCall } from '../../platform/use-call';
import { BriefPicker } from './BriefPicker';
import { ReviewPanel } from './ReviewPanel';
import { SubmitForm } from './SubmitForm';
import './project.css';

export function ProjectView({ courseId, title, onChange }: { courseId: string; title: string; onChange?: () => void }) {
  const { data: overview, error, setData } = useCall('project.overview', { courseId });
  const milestones = useAction();
  if (error) return <p role="alert">The Gold project could not be loaded: {error}</p>;
  if (!overview) return null;
  const headingId = `project-${courseId}`;
  const update = (next: ProjectOverview) => {
    setData(next);
    onChange?.();
  };
  const project = overview.project;
  return (
    <section className="project-view" aria-labelledby={headingId}>
      <h4 id={headingId}>{title}: Gold project</h4>
      <p className="muted">
        Deliver a real project: its code, its tests and a README, with an optional link to a live demo. It is reviewed against the rubric (
        {overview.rubric.map((r) => `${r.title} ${r.weight}%`).join(', ')}); it passes at 75% overall with no category under 60%.
      </p>
      {project ? (
        <>
          <h5>
            {project.title}
            {project.briefId === null && <span className="muted"> (your own project)</span>}
          </h5>
          <p>{project.goal}</p>
          <fieldset className="project-milestones">
            <legend>
              Milestones: {project.milestones.filter((m) => m.done).length} of {project.milestones.length} done
            </legend>
            {project.milestones.map((milestone, index) => (
              <label key={index}>
                <input
                  type="checkbox"
                  checked={milestone.done}
                  disabled={milestones.busy}
                  onChange={(event) =>
                    void milestones.act(async () =>
                      update(await client().call('project.milestone', { projectId: project.projectId, index, done: event.target.checked })),
                    )
                  }
                />{' '}
                {milestone.title}
              </label>
            ))}
          </fieldset>
          {milestones.error && <p role="alert">{milestones.error}</p>}
          <SubmitForm projectId={project.projectId} onSubmitted={update} />
          <details className="project-change">
            <summary>Choose a different project</summary>
            <BriefPicker overview={overview} onChosen={update} />
          </details>
        </>
      ) : (
        <BriefPicker overview={overview} onChosen={update} />
      )}
      {overview.submissions.length > 0 && <ReviewPanel overview={overview} onReviewed={update} />}
    </section>
  );
}
