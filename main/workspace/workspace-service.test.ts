import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DronaError } from '../../preload/contract';
import { until } from '../../common/testing/until';
import { tempWorkspaces } from './testing/temp-workspaces';
import type { StarterFile, WorkspaceService } from './workspace-service';

const starters: StarterFile[] = [
  { path: 'main.py', content: 'def add(a, b):\n    pass\n', role: 'editable' },
  { path: 'data/words.txt', content: 'alpha\nbeta\n', role: 'readOnly' },
  { path: 'helper.py', content: 'SECRET = 1\n', role: 'hidden' },
];

const openWorkspaces = tempWorkspaces();

function setup(): { service: WorkspaceService; dataDir: string } {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'drona-workspace-'));
  const { service } = openWorkspaces(dataDir, async (courseId) => (courseId === 'py' ? starters : null));
  return { service, dataDir };
}

describe('WorkspaceService', () => {
  it('creates the workspace on disk from the starter files, with their roles', async () => {
    const { service, dataDir } = setup();
    const opened = await service.open('py', 'add');
    expect(opened.root).toBe(path.join(dataDir, 'workspaces', 'py', 'add'));
    expect(opened.files).toEqual([
      { path: 'helper.py', content: 'SECRET = 1\n', role: 'hidden' },
      { path: 'main.py', content: starters[0]!.content, role: 'editable' },
      { path: 'data/words.txt', content: 'alpha\nbeta\n', role: 'readOnly' },
    ]);
    expect(fs.readFileSync(path.join(opened.root, 'main.py'), 'utf8')).toBe(starters[0]!.content);
  });

  it('refuses a lesson without an exercise and paths that leave the workspace', async () => {
    const { service } = setup();
    await expect(service.open('js', 'none')).rejects.toMatchObject({ code: 'not_found' });
    await service.open('py', 'add');
    await expect(service.write('py', 'add', '../escape.py', 'x', false)).rejects.toBeInstanceOf(DronaError);
    expect(() => service.rootOf('../etc', 'x')).toThrow(DronaError);
  });

  it('keeps what the learner wrote across reopening, and never rewrites it from the starter', async () => {
    const { service } = setup();
    await service.open('py', 'add');
    await service.write('py', 'add', 'main.py', 'def add(a, b):\n    return a + b\n', false);
    const again = await service.open('py', 'add');
    expect(again.files.find((file) => file.path === 'main.py')!.content).toContain('return a + b');
  });

  it('refuses to change read-only and hidden files', async () => {
    const { service } = setup();
    await service.open('py', 'add');
    await expect(service.write('py', 'add', 'data/words.txt', 'x', true)).rejects.toMatchObject({ code: 'read_only' });
    await expect(service.delete('py', 'add', 'helper.py')).rejects.toMatchObject({ code: 'read_only' });
  });

  it('records a snapshot only for a save that changes the text; a draft records none', async () => {
    const { service } = setup();
    await service.open('py', 'add');
    expect((await service.write('py', 'add', 'main.py', 'v1', false)).snapshotId).toBeNull();
    const first = await service.write('py', 'add', 'main.py', 'v1', true);
    expect(first.snapshotId).not.toBeNull();
    expect((await service.write('py', 'add', 'main.py', 'v1', true)).snapshotId).toBeNull();
    expect((await service.write('py', 'add', 'main.py', 'v2', true)).snapshotId).not.toBeNull();
    const history = service.history('py', 'add', 'main.py');
    expect(history.map((entry) => entry.reason)).toEqual(['save', 'save']);
    expect(history[0]!.createdAt).toBeGreaterThan(history[1]!.createdAt);
  });

  it('files each snapshot under what saved it: typing, Run or Check', async () => {
    const { service } = setup();
    await service.open('py', 'add');
    await service.write('py', 'add', 'main.py', 'typed', true);
    await service.write('py', 'add', 'main.py', 'ran', true, 'run');
    await service.write('py', 'add', 'main.py', 'checked', true, 'check');
    expect(service.history('py', 'add', 'main.py').map((entry) => entry.reason)).toEqual(['check', 'run', 'save']);
  });

  it('shows a diff against the current text and restores an old snapshot, keeping the current text first', async () => {
    const { service, dataDir } = setup();
    await service.open('py', 'add');
    const old = (await service.write('py', 'add', 'main.py', 'line one\nline two\n', true)).snapshotId!;
    await service.write('py', 'add', 'main.py', 'line one\nline 2\n', true);
    await service.write('py', 'add', 'main.py', 'typed but not saved\n', false);
    const view = service.snapshot('py', 'add', old, 'line one\nline 2\n');
    expect(view.content).toBe('line one\nline two\n');
    expect(view.patch).toContain('-line two');
    expect(view.patch).toContain('+line 2');
    const restored = await service.restore('py', 'add', old);
    expect(restored).toEqual({ path: 'main.py', content: 'line one\nline two\n', role: 'editable' });
    expect(fs.readFileSync(path.join(dataDir, 'workspaces/py/add/main.py'), 'utf8')).toBe('line one\nline two\n');
    const contents = service.history('py', 'add', 'main.py').map((entry) => service.snapshot('py', 'add', entry.id, '').content);
    expect(contents).toContain('typed but not saved\n');
  });

  it('reset to starter keeps the current text as a snapshot', async () => {
    const { service } = setup();
    await service.open('py', 'add');
    await service.write('py', 'add', 'main.py', 'my work', false);
    const reset = await service.reset('py', 'add');
    expect(reset.files.find((file) => file.path === 'main.py')!.content).toBe(starters[0]!.content);
    const [latest] = service.history('py', 'add', 'main.py');
    expect(latest!.reason).toBe('reset');
    expect(service.snapshot('py', 'add', latest!.id, '').content).toBe('my work');
  });

  it('creates, renames, trashes and restores files', async () => {
    const { service } = setup();
    await service.open('py', 'add');
    await service.createFile('py', 'add', 'notes/todo.md');
    await expect(service.createFile('py', 'add', 'notes/todo.md')).rejects.toMatchObject({ code: 'conflict' });
    await service.write('py', 'add', 'notes/todo.md', 'remember', true);
    await service.rename('py', 'add', 'notes/todo.md', 'todo.md');
    const entry = await service.delete('py', 'add', 'todo.md');
    expect((await service.open('py', 'add')).files.map((file) => file.path)).not.toContain('todo.md');
    expect(service.trash('py', 'add')).toEqual([entry]);
    await service.createFile('py', 'add', 'todo.md');
    const back = await service.restoreTrash('py', 'add', entry.id);
    expect(back).toEqual({ path: 'todo (restored).md', content: 'remember', role: 'editable' });
    expect(service.trash('py', 'add')).toEqual([]);
  });

  it('reports external edits to the viewing windows, but not its own writes', async () => {
    const { service } = setup();
    const opened = await service.open('py', 'add');
    const changes: { path: string; content: string | null }[] = [];
    service.onExternalChange((change) => changes.push({ path: change.path, content: change.content }));
    await service.view('window-1', 'py', 'add');
    expect(service.viewersOf('py', 'add')).toEqual(['window-1']);
    await service.write('py', 'add', 'main.py', 'from the editor\n', true);
    fs.writeFileSync(path.join(opened.root, 'main.py'), 'from the terminal\n');
    await until(() => changes.length > 0, 'the external edit');
    expect(changes).toEqual([{ path: 'main.py', content: 'from the terminal\n' }]);
    expect(service.history('py', 'add', 'main.py')[0]!.reason).toBe('external');
    fs.rmSync(path.join(opened.root, 'main.py'));
    await until(() => changes.length > 1, 'the removal');
    expect(changes[1]).toEqual({ path: 'main.py', content: null });
    await service.endSession('window-1');
    expect(service.viewersOf('py', 'add')).toEqual([]);
  });

  it('never leaves a half-written file: what is on disk is always one whole save', async () => {
    const { service, dataDir } = setup();
    await service.open('py', 'add');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.string({ maxLength: 200 }), { minLength: 1, maxLength: 8 }), async (texts) => {
        for (const text of texts) await service.write('py', 'add', 'main.py', text, false);
        expect(fs.readFileSync(path.join(dataDir, 'workspaces/py/add/main.py'), 'utf8')).toBe(texts.at(-1));
        expect(fs.readdirSync(path.join(dataDir, 'workspaces/py/add')).filter((name) => name.includes('drona-tmp'))).toEqual([]);
      }),
      { numRuns: 30 },
    );
  });
});
