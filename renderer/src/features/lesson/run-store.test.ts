// Run with more code than one run may carry: the learner reads why, and nothing is sent.
import { beforeEach, describe, expect, it } from 'vitest';
import type { DronaClient } from '../../../../preload/client';
import { workspaceLimits } from '../../../../preload/contract/workspace-limits';
import { useAppStore } from '../../app/app-store';
import { setClient } from '../../platform/client';
import { useRunStore } from './run-store';
import { useWorkspaceStore } from './workspace-store';

const sent: string[] = [];
beforeEach(() => {
  sent.length = 0;
  setClient({ transport: 'serve', call: async (name) => void sent.push(name) as never, on: () => () => {} } as DronaClient);
  useRunStore.getState().reset();
});

function workspace(files: { path: string; content: string }[]) {
  useWorkspaceStore.setState({ ref: { courseId: 'c', lessonId: 'l' }, files: files.map((file) => ({ ...file, role: 'readOnly' as const })), buffers: {} });
}

describe('run payload cap in the renderer', () => {
  it('refuses a workspace over the file count, saying so, without calling main', async () => {
    workspace(Array.from({ length: workspaceLimits.maxFiles + 10 }, (_, i) => ({ path: `f${i}.py`, content: 'print(1)' })));
    expect(await useRunStore.getState().run('python', 'f0.py')).toBeNull();
    expect(await useRunStore.getState().check()).toBeNull();
    expect(sent.filter((name) => name.startsWith('sandbox.'))).toEqual([]);
    const said = useAppStore.getState().output.map((line) => line.message);
    expect(said.filter((message) => message.includes(`at most ${workspaceLimits.maxFiles} files`))).toHaveLength(2);
  });

  it('refuses files too large together', async () => {
    const big = 'x'.repeat(workspaceLimits.maxFileBytes);
    workspace(Array.from({ length: 9 }, (_, i) => ({ path: `f${i}.py`, content: big })));
    expect(await useRunStore.getState().run('python', 'f0.py')).toBeNull();
    expect(sent).not.toContain('sandbox.run');
    expect(useAppStore.getState().output.at(-1)?.message).toMatch(/at most 8.0 MB of files/);
  });
});
