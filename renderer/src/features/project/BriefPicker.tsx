// Choosing the Gold project: one of the course's briefs, or the learner's own (a title, a goal
// and milestones, one per line).
import { useId, useState } from 'react';
import type { ProjectOverview } from '../../../../preload/contract/project';
import { client } from '../../platform/client';
import { ActionSubmit } from '../../platform/ActionSubmit';
import { useAction } from '../../platform/use-action';
import { onSubmitRun } from '../../platform/on-submit';

const OWN = 'own';

export function BriefPicker({ overview, onChosen }: { overview: ProjectOverview; onChosen: (next: ProjectOverview) => void }) {
  const [picked, setPicked] = useState<string>(overview.briefs[0]?.id ?? OWN);
  const [own, setOwn] = useState({ title: '', goal: '', milestones: '' });
  const { busy, error, act } = useAction();
  const id = useId();
  const choose = () =>
    act(async () => {
      const courseId = overview.courseId;
      const milestones = own.milestones
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean);
      const choice = picked === OWN ? { courseId, own: { title: own.title, goal: own.goal, milestones } } : { courseId, briefId: picked };
      onChosen(await client().call('project.choose', choice));
    });
  return (
    <form className="project-briefs" onSubmit={onSubmitRun(choose)}>
      <fieldset>
        <legend>Pick a project</legend>
        {overview.briefs.map((brief) => (
          <label key={brief.id} className="project-brief">
            <input type="radio" name={`${id}-brief`} value={brief.id} checked={picked === brief.id} onChange={() => setPicked(brief.id)} />
            <span>
              <strong>{brief.title}</strong>: {brief.goal}
              <span className="muted"> ({brief.milestones.length} milestones)</span>
            </span>
          </label>
        ))}
        <label className="project-brief">
          <input type="radio" name={`${id}-brief`} value={OWN} checked={picked === OWN} onChange={() => setPicked(OWN)} />
          <span>
            <strong>Propose my own</strong>
          </span>
        </label>
      </fieldset>
      {picked === OWN && (
        <div className="project-own">
          <label>
            Title
            <input type="text" required maxLength={200} value={own.title} onChange={(e) => setOwn({ ...own, title: e.target.value })} />
          </label>
          <label>
            Goal
            <textarea required rows={2} maxLength={4000} value={own.goal} onChange={(e) => setOwn({ ...own, goal: e.target.value })} />
          </label>
          <label>
            Milestones, one per line
            <textarea required rows={4} value={own.milestones} onChange={(e) => setOwn({ ...own, milestones: e.target.value })} />
          </label>
        </div>
      )}
      <ActionSubmit busy={busy} error={error} busyLabel="Saving…">
        Take on this project
      </ActionSubmit>
    </form>
  );
}
