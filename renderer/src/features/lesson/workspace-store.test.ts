// A save that main refuses (a full disk) is never shown as saved: the tab stays dirty and the
// reason stays on screen until a save of that file succeeds. A save of text already saved with a
// snapshot (each Run and Check saves first) asks main for nothing.
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

  it('send a save with a snapshot once per text, until the files come from elsewhere', async () => {
    const writes: { content: string; snapshot: boolean }[] = [];
    setClient({
      transport: 'serve',
      call: (async (name: string, input: { content: string; snapshot: boolean }) => {
        if (name !== 'workspace.write') throw new Error(`unexpected call ${name}`);
        writes.push({ content: input.content, snapshot: input.snapshot });
        return { savedAt: 1, snapshotId: null };
      }) as DronaClient['call'],
      on: () => () => undefined,
    });
    const files = [{ path: 'main.py', content: 'start', role: 'editable' as const }];
    useWorkspaceStore.setState({ ref: { courseId: 'py', lessonId: 'add' }, files, active: 'main.py' });
    const store = useWorkspaceStore.getState();
    store.reload(files);
    // The first Check saves (main records the snapshot); the next ones, with the same text, do not.
    await store.saveAll('check');
    await store.saveAll('check');
    expect(writes).toEqual([{ content: 'start', snapshot: true }]);
    // Typed, and the draft saved: the next Check's save still records the snapshot.
    store.edit('main.py', 'typed');
    await store.save('main.py', 'save');
    await store.saveAll('check');
    expect(writes.slice(1)).toEqual([{ content: 'typed', snapshot: true }]);
    // Back to text saved before, on disk only as a draft: saved again with a snapshot.
    useWorkspaceStore.setState({ buffers: { 'main.py': 'start' }, onDisk: { 'main.py': 'start' } });
    await store.saveAll('check');
    expect(writes.slice(2)).toEqual([{ content: 'start', snapshot: true }]);
    // An outside edit (or a reset) may have recorded snapshots of its own: saved again.
    store.applyExternal('main.py', 'start');
    await store.saveAll('check');
    expect(writes.slice(3)).toEqual([{ content: 'start', snapshot: true }]);
  });
});
