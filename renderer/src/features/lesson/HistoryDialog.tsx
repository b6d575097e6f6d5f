// A file's snapshots: when and what saved each (typing, Run, Check, a restore...), a side-by-side
// comparison with the editor's text, and restore (which keeps the current text as a snapshot first).
import * as Dialog from '@radix-ui/react-dialog';
import { lazy, Suspense, useEffect, useState } from 'react';
import type { SnapshotSummary } from '../../../../preload/contract/workspace';
import { useAppStore } from '../../app/app-store';
import { useResolvedTheme } from '../../app/use-theme';
import { client } from '../../platform/client';
import { useCall } from '../../platform/use-call';
import { languageOf } from '../editor/language';
import { useWorkspaceStore } from './workspace-store';
import { messageOf } from '../../../../preload/contract';

// Monaco's diff editor comes with the editor's chunk, when History is first opened.
const DiffView = lazy(() => import('../editor/DiffView'));

/** What saved a snapshot, in the learner's words. */
export const snapshotReasonLabels: Readonly<Record<SnapshotSummary['reason'], string>> = {
  save: 'Saved while typing',
  run: 'Saved by Run',
  check: 'Saved by Check',
  reset: 'Before reset to starter',
  restore: 'Before a restore',
  external: 'Changed outside the editor',
};

export function HistoryDialog({ path, onClose }: { path: string; onClose(): void }) {
  const ref = useWorkspaceStore((state) => state.ref)!;
  const current = useWorkspaceStore((state) => state.buffers[path] ?? '');
  const [selected, setSelected] = useState<number | null>(null);
  // The editor's text is saved first, so the list ends with the snapshot of what is on screen.
  const [savedPath, setSavedPath] = useState<string | null>(null);
  useEffect(() => {
    void useWorkspaceStore
      .getState()
      .save(path)
      .then(() => setSavedPath(path));
  }, [path]);
  const history = useCall('workspace.history', savedPath === path ? { ...ref, path } : null);
  const entries = history.data;
  const snapshot = useCall('workspace.snapshot', selected === null ? null : { ...ref, id: selected, current }, [], { keepPrevious: true });
  const settings = useAppStore((state) => state.settings!);
  const theme = useResolvedTheme(settings.theme);
  const chosen = entries?.find((entry) => entry.id === selected);
  const failure = history.error ?? snapshot.error;

  const restore = async () => {
    if (selected === null) return;
    try {
      const file = await client().call('workspace.restore', { ...ref, id: selected });
      useWorkspaceStore.getState().replaceFile(file);
      useAppStore
        .getState()
        .appendOutput({ level: 'info', source: 'workspace', message: `${path} restored from a snapshot; the text before it is in History.` });
      onClose();
    } catch (error) {
      useAppStore.getState().appendOutput({ level: 'error', source: 'workspace', message: messageOf(error) });
    }
  };

  return (
    <Dialog.Root open onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="palette-overlay" />
        <Dialog.Content className="history-dialog" aria-describedby={undefined}>
          <Dialog.Title className="history-title">History of {path}</Dialog.Title>
          <div className="history-body">
            <ul className="history-list" aria-label="Snapshots">
              {failure && <li className="form-error">{failure}</li>}
              {entries?.length === 0 && <li className="muted">No snapshots yet: saving (Ctrl+S) takes one.</li>}
              {entries?.map((entry) => (
                <li key={entry.id}>
                  <button
                    className={`history-entry${entry.id === selected ? ' active' : ''}`}
                    aria-pressed={entry.id === selected}
                    onClick={() => setSelected(entry.id)}
                  >
                    <span>{new Date(entry.createdAt).toLocaleString()}</span>
                    <span className="muted">
                      {snapshotReasonLabels[entry.reason]} · {entry.size} lines changed
                    </span>
                  </button>
                </li>
              ))}
            </ul>
            <div className="history-diff">
              {selected === null ? (
                <p className="muted">Choose a snapshot to see how it differs from your current text.</p>
              ) : (
                <>
                  <div className="history-diff-heads" aria-hidden="true">
                    <span>{chosen ? `${snapshotReasonLabels[chosen.reason]}, ${new Date(chosen.createdAt).toLocaleString()}` : 'Snapshot'}</span>
                    <span>Your text now</span>
                  </div>
                  <div className="history-diff-editor">
                    {snapshot.data && (
                      <Suspense fallback={<p className="muted panel-pad">Loading the comparison…</p>}>
                        <DiffView
                          original={snapshot.data.content}
                          modified={current}
                          language={languageOf(path)}
                          theme={theme}
                          fontSize={Math.max(11, settings.editorFontSize - 1)}
                          label={`${path}: the snapshot (left) against your text now (right)`}
                        />
                      </Suspense>
                    )}
                  </div>
                </>
              )}
            </div>
          </div>
          <div className="history-actions">
            <button className="button primary" disabled={selected === null} onClick={() => void restore()}>
              Restore this snapshot
            </button>
            <Dialog.Close asChild>
              <button className="button">Close</button>
            </Dialog.Close>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
