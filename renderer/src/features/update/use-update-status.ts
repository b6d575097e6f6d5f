import { useEffect, useState } from 'react';
import { messageOf } from '../../../../preload/contract';
import type { UpdateStatus } from '../../../../preload/contract/update';
import { useAppStore } from '../../app/app-store';
import { client } from '../../platform/client';
import { isDirty, useWorkspaceStore } from '../lesson/workspace-store';

/** The updater's state, kept current by `update.changed`. */
export function useUpdateStatus(): UpdateStatus | null {
  const [status, setStatus] = useState<UpdateStatus | null>(null);
  useEffect(() => {
    let live = true;
    client()
      .call('update.status', {})
      .then((next) => live && setStatus(next))
      .catch((error: unknown) => useAppStore.getState().appendOutput({ level: 'warn', source: 'update', message: messageOf(error) }));
    const off = client().on('update.changed', setStatus);
    return () => {
      live = false;
      off();
    };
  }, []);
  return status;
}

/** Saves every open file first; main still refuses when something stayed unsaved or an exam runs. */
export async function restartToUpdate(): Promise<void> {
  const workspace = useWorkspaceStore.getState();
  try {
    await workspace.saveAll();
    const after = useWorkspaceStore.getState();
    const unsavedWork = Object.keys(after.buffers).some((path) => isDirty(after, path));
    await client().call('update.restart', { unsavedWork });
  } catch (error) {
    useAppStore.getState().appendOutput({ level: 'warn', source: 'update', message: messageOf(error) });
  }
}

export const formatBytes = (bytes: number) => (bytes >= 1_048_576 ? `${(bytes / 1_048_576).toFixed(1)} MB` : `${Math.round(bytes / 1024)} KB`);
