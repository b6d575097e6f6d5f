import { useEffect } from 'react';
import { messageOf } from '../../../../preload/contract';
import type { UpdateStatus } from '../../../../preload/contract/update';
import { useAppStore } from '../../app/app-store';
import { client } from '../../platform/client';
import { useCall } from '../../platform/use-call';
import { isDirty, useWorkspaceStore } from '../lesson/workspace-store';

/** The updater's state, kept current by `update.changed`. */
export function useUpdateStatus(): UpdateStatus | null {
  const { data, error, setData } = useCall('update.status', {});
  useEffect(() => client().on('update.changed', setData), [setData]);
  useEffect(() => {
    if (error) useAppStore.getState().appendOutput({ level: 'warn', source: 'update', message: error });
  }, [error]);
  return data;
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
