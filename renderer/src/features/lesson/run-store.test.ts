// Run with more code than one run may carry: the learner reads why, and nothing is sent. A
// Check's call leaves before anything is drawn or saved, and its result is shown in the same
// update that ends it, so the results draw once.
import { beforeEach, describe, expect, it } from 'vitest';
import type { DronaClient } from '../../../../preload/client';
import type { CheckResult } from '../../../../preload/contract/sandbox';
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

describe('a Check in the run store', () => {
  it('shows its result and ends in one update', async () => {
    const result = { status: 'fail', tests: [], durationMs: 5, driver: 'wasm', run: { diagnostics: [], stdout: '', stderr: '' } } as unknown as CheckResult;
    const calls: { name: string; kind: string | null }[] = [];
    const call = async (name: string) => {
      calls.push({ name, kind: useRunStore.getState().kind });
      return name === 'sandbox.check' ? result : undefined;
    };
    setClient({ transport: 'serve', call: call as never, on: () => () => {} } as DronaClient);
    const files = [{ path: 'main.py', content: 'x = 1\n', role: 'editable' as const }];
    useWorkspaceStore.setState({ ref: { courseId: 'c', lessonId: 'l' }, files, buffers: { 'main.py': 'x = 2\n' }, onDisk: {} });
    const states: { kind: string | null; shown: boolean; diagnostics: unknown }[] = [];
    const unsubscribe = useRunStore.subscribe((state) => states.push({ kind: state.kind, shown: state.lastCheck === result, diagnostics: state.diagnostics }));
    try {
      expect(await useRunStore.getState().check()).toBe(result);
    } finally {
      unsubscribe();
    }
    // The Check left first, before "Checking…" was set; the save of the changed file after it.
    expect(calls).toEqual([
      { name: 'sandbox.check', kind: null },
      { name: 'workspace.write', kind: 'check' },
    ]);
    expect(states.find((state) => state.shown)).toMatchObject({ kind: null });
    expect(states.filter((state) => state.shown && state.kind === 'check')).toEqual([]);
    // Starting on a clean slate, and ending with no diagnostics, kept the very same empty list.
    const none = useRunStore.getInitialState().diagnostics;
    expect(states.every((state) => state.diagnostics === none)).toBe(true);
  });
});
