// A save that main refuses (a full disk) is never shown as saved: the tab stays dirty and the
// reason stays on screen until a save of that file succeeds.
import { describe, expect, it } from 'vitest';
import { DronaError } from '../../../../preload/contract';
import type { DronaClient } from '../../../../preload/client';
import { setClient } from '../../platform/client';
import { isDirty, useWorkspaceStore } from './workspace-store';

const full = 'main.py was not saved: the disk is full. The last saved version is unchanged; free some space, then save again.';

describe('workspace store saves', () => {
  it('keep a failed save dirty and its reason visible, until a save succeeds', async () => {
    let diskFull = true;
    setClient({
      transport: 'serve',
      call: (async (name: string) => {
        if (name !== 'workspace.write') throw new Error(`unexpected call ${name}`);
        if (diskFull) throw new DronaError('save_failed', full);
        return { savedAt: 1, snapshotId: null };
      }) as DronaClient['call'],
      on: () => () => undefined,
    });
    useWorkspaceStore.setState({
      ref: { courseId: 'py', lessonId: 'add' },
      files: [{ path: 'main.py', content: 'old', role: 'editable' }],
      buffers: { 'main.py': 'new work' },
      onDisk: { 'main.py': 'old' },
      active: 'main.py',
    });
    await useWorkspaceStore.getState().save('main.py');
    expect(useWorkspaceStore.getState().saveErrors).toEqual({ 'main.py': full });
    expect(isDirty(useWorkspaceStore.getState(), 'main.py')).toBe(true);
    diskFull = false;
    await useWorkspaceStore.getState().save('main.py');
    expect(useWorkspaceStore.getState().saveErrors).toEqual({});
    expect(isDirty(useWorkspaceStore.getState(), 'main.py')).toBe(false);
  });
});
