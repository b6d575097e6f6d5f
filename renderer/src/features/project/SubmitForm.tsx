// Submitting the project folder: main reads it and runs its tests in the sandbox (and, with a
// tutor provider, the Project Guide reviews it); each stage shows as it happens.
import { useEffect, useState } from 'react';
import { projectStages, type ProjectOverview } from '../../../../preload/contract/project';
import { client } from '../../platform/client';
import { useAction } from '../../platform/use-action';
import { onSubmitRun } from '../../platform/on-submit';

export function SubmitForm({ projectId, onSubmitted }: { projectId: number; onSubmitted: (next: ProjectOverview) => void }) {
  const [folder, setFolder] = useState('');
  const [demoUrl, setDemoUrl] = useState('');
  const [stage, setStage] = useState<{ index: number; detail: string } | null>(null);
  const { busy, error, act } = useAction();
  useEffect(
    () =>
      client().on('project.progress', (progress) => {
        if (progress.projectId === projectId) setStage({ index: projectStages.indexOf(progress.stage), detail: progress.detail });
      }),
    [projectId],
  );
  const submit = () =>
    act(async () => {
      setStage(null);
      const next = await client().call('project.submit', { projectId, folder: folder.trim(), ...(demoUrl.trim() ? { demoUrl: demoUrl.trim() } : {}) });
      onSubmitted(next);
    });
  return (
    <form className="project-submit" aria-label="Submit the project" onSubmit={onSubmitRun(submit)}>
      <label>
        Project folder (its full path on this computer)
        <input type="text" required value={folder} onChange={(e) => setFolder(e.target.value)} placeholder="/home/you/projects/tracker" spellCheck={false} />
      </label>
      <label>
        Link to a live demo (optional)
        <input type="url" value={demoUrl} onChange={(e) => setDemoUrl(e.target.value)} placeholder="https://" />
      </label>
      <p className="muted">The folder needs its tests (pytest&apos;s test_*.py, or *.test.js) and a README. Its tests run in the sandbox when you submit.</p>
      <button type="submit" className="button primary" disabled={busy}>
        {busy ? 'Submitting…' : 'Submit the project'}
      </button>
      {(busy || stage?.detail === 'Submitted') && stage && (
        <div role="status" className="project-progress">
          <progress max={projectStages.length - 1} value={stage.index} aria-label="Submission progress" /> {stage.detail}
        </div>
      )}
      {error && <p role="alert">{error}</p>}
    </form>
  );
}
