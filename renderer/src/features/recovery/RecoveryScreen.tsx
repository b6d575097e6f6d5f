import { useState } from 'react';
import type { AppStatus } from '../../../../preload/contract/app';
import { useAppStore } from '../../app/app-store';
import { client } from '../../platform/client';
import { useAction } from '../../platform/use-action';

type Recovery = Extract<AppStatus, { state: 'recovery' }>;

export function RecoveryScreen({ status }: { status: Recovery }) {
  const load = useAppStore((state) => state.load);
  const { busy, error, act } = useAction();
  const [keptAside, setKeptAside] = useState<string | null>(null);
  const { problem } = status;

  const recover = async (choice: { action: 'restore'; backupFile: string } | { action: 'fresh' }) => {
    await act(async () => {
      const result = await client().call('app.recoverStore', choice);
      setKeptAside(result.keptAside);
      await load();
    });
  };

  return (
    <main className="center-screen recovery" aria-labelledby="recovery-title">
      <h1 id="recovery-title">{problem.kind === 'newer' ? 'This data is from a newer Dronacharya' : 'Your progress database is damaged'}</h1>
      <p>{problem.detail}</p>
      <p className="muted">Nothing has been changed or deleted. Choose what to do:</p>
      <div className="recovery-actions">
        {problem.backups.map((backup) => (
          <button key={backup.file} className="button primary" disabled={busy} onClick={() => void recover({ action: 'restore', backupFile: backup.file })}>
            Restore the backup from {new Date(backup.takenAt).toLocaleString()}
          </button>
        ))}
        <button className="button" disabled={busy} onClick={() => void recover({ action: 'fresh' })}>
          Start fresh (the current file is kept aside)
        </button>
      </div>
      {problem.backups.length === 0 && <p className="muted">No backups were found next to {problem.file}.</p>}
      {keptAside && <p>The old file was kept at {keptAside}.</p>}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <details>
        <summary>Technical detail</summary>
        <code>{problem.file}</code>
      </details>
    </main>
  );
}
