// Attack: links made in the terminal inside a lesson folder (`ln -s ~/.ssh x`, `ln -s /etc/passwd
// f.py`) must not let any workspace operation read, write, move or delete what lies outside it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Store } from '../store/open-store';
import { silentLogger } from '../app/logger';
import { tutorSources } from '../tutor/tutor-sources';
import { tempWorkspaces } from './testing/temp-workspaces';
import type { StarterFile, WorkspaceService } from './workspace-service';

const starters: StarterFile[] = [{ path: 'main.py', content: 'print(1)\n', role: 'editable' }];
const SECRET = 'ssh-ed25519 PRIVATE KEY of the learner\n';

const openWorkspaces = tempWorkspaces();

/** Tutor sources over the workspace alone: a lesson without an exercise, no passages, no hints. */
function linkedSources(workspace: WorkspaceService, db: Store) {
  const courses = { getLesson: () => null, getExercise: () => null, passages: () => [] };
  const hints = { revealHint: () => Promise.resolve({ revealedHints: [] }) };
  return tutorSources({ courses, workspace, hints, store: db, logger: silentLogger });
}

/** A workspace with `f.py` linked to a secret file and `x/` linked to a secret folder, both outside. */
async function setup() {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'drona-links-'));
  const dataDir = path.join(base, 'data');
  const outside = path.join(base, 'outside');
  fs.mkdirSync(dataDir);
  fs.mkdirSync(outside);
  fs.writeFileSync(path.join(outside, 'id_ed25519'), SECRET);
  const { store, service } = openWorkspaces(dataDir, async () => starters);
  const root = (await service.open('py', 'add')).root;
  fs.symlinkSync(path.join(outside, 'id_ed25519'), path.join(root, 'f.py'));
  fs.symlinkSync(outside, path.join(root, 'x'));
  const outsideState = () =>
    fs
      .readdirSync(outside, { recursive: true, encoding: 'utf8' })
      .sort()
      .map((name) => [name, fs.readFileSync(path.join(outside, name), 'utf8')]);
  const before = outsideState();
  return { service, store, dataDir, root, outside, untouched: () => expect(outsideState()).toEqual(before) };
}

const refused = { code: 'outside_workspace', message: expect.stringMatching(/is a link to a place outside your lesson folder/) };

describe('links in a workspace that lead outside it', () => {
  it('are never read: not listed, so never shown, snapshotted or sent to Run', async () => {
    const { service, untouched } = await setup();
    const opened = await service.open('py', 'add');
    expect(opened.files.map((file) => file.path)).toEqual(['main.py']);
    expect(JSON.stringify(opened)).not.toContain('PRIVATE KEY');
    await expect(service.rename('py', 'add', 'f.py', 'g.py')).rejects.toMatchObject(refused);
    await expect(service.rename('py', 'add', 'x/id_ed25519', 'key.py')).rejects.toMatchObject(refused);
    await expect(service.delete('py', 'add', 'f.py')).rejects.toMatchObject(refused);
    expect(service.trash('py', 'add')).toEqual([]);
    untouched();
  });

  it('are never written through: write, create and rename targets are refused', async () => {
    const { service, untouched, root } = await setup();
    await expect(service.write('py', 'add', 'x/planted.py', 'evil', true)).rejects.toMatchObject(refused);
    await expect(service.write('py', 'add', 'x/id_ed25519', 'overwritten', false)).rejects.toMatchObject(refused);
    await expect(service.write('py', 'add', 'f.py', 'overwritten', false)).rejects.toMatchObject(refused);
    await expect(service.write('py', 'add', 'x/deeper/planted.py', 'evil', false)).rejects.toMatchObject(refused);
    await expect(service.createFile('py', 'add', 'x/new.py')).rejects.toMatchObject(refused);
    await expect(service.rename('py', 'add', 'main.py', 'x/main.py')).rejects.toMatchObject(refused);
    expect(fs.readFileSync(path.join(root, 'main.py'), 'utf8')).toBe(starters[0]!.content);
    untouched();
  });

  it('are never deleted through', async () => {
    const { service, untouched } = await setup();
    await expect(service.delete('py', 'add', 'x/id_ed25519')).rejects.toMatchObject(refused);
    untouched();
  });

  it('stop a history restore whose file became a link, or whose folder did', async () => {
    const { service, untouched, root, outside } = await setup();
    fs.mkdirSync(path.join(root, 'pkg'));
    const saved = (await service.write('py', 'add', 'pkg/mod.py', 'v1', true)).snapshotId!;
    const main = (await service.write('py', 'add', 'main.py', 'mine', true)).snapshotId!;
    fs.rmSync(path.join(root, 'pkg'), { recursive: true });
    fs.symlinkSync(outside, path.join(root, 'pkg'));
    fs.rmSync(path.join(root, 'main.py'));
    fs.symlinkSync(path.join(outside, 'id_ed25519'), path.join(root, 'main.py'));
    await expect(service.restore('py', 'add', saved)).rejects.toMatchObject(refused);
    await expect(service.restore('py', 'add', main)).rejects.toMatchObject(refused);
    await expect(service.reset('py', 'add')).rejects.toMatchObject(refused);
    const contents = service.history('py', 'add', 'main.py').map((entry) => service.snapshot('py', 'add', entry.id, '').content);
    expect(contents.join('')).not.toContain('PRIVATE KEY');
    untouched();
  });

  it('stop a trash restore: a trashed copy swapped for a link, or an entry aimed through a link', async () => {
    const { service, untouched, dataDir, outside } = await setup();
    await service.createFile('py', 'add', 'a.py');
    const first = await service.delete('py', 'add', 'a.py');
    const trashed = path.join(dataDir, 'workspace-trash', 'py', 'add', first.id);
    fs.rmSync(path.join(trashed, 'content'));
    fs.symlinkSync(path.join(outside, 'id_ed25519'), path.join(trashed, 'content'));
    await expect(service.restoreTrash('py', 'add', first.id)).rejects.toMatchObject(refused);

    await service.createFile('py', 'add', 'b.py');
    const second = await service.delete('py', 'add', 'b.py');
    const aimed = path.join(dataDir, 'workspace-trash', 'py', 'add', second.id, 'entry.json');
    fs.writeFileSync(aimed, JSON.stringify({ ...second, path: 'x/planted.py' }));
    await expect(service.restoreTrash('py', 'add', second.id)).rejects.toMatchObject(refused);
    expect((await service.open('py', 'add')).files.map((file) => file.path)).toEqual(['main.py']);
    untouched();
  });

  it('refuse a lesson folder or trash folder that is itself a link', async () => {
    const { service, store, untouched, dataDir, outside, root } = await setup();
    fs.rmSync(root, { recursive: true });
    fs.symlinkSync(outside, root);
    await expect(service.open('py', 'add')).rejects.toMatchObject({ code: 'outside_workspace' });
    await expect(service.write('py', 'add', 'main.py', 'x', false)).rejects.toMatchObject({ code: 'outside_workspace' });
    // The tutor reads the learner's files to send them to the model: not through the link either.
    await expect(linkedSources(service, store).learnerFiles('py', 'add')).rejects.toMatchObject({ code: 'outside_workspace' });
    fs.mkdirSync(path.join(dataDir, 'workspace-trash', 'js'), { recursive: true });
    fs.mkdirSync(path.join(outside, '1-aaaaaa'));
    fs.writeFileSync(path.join(outside, '1-aaaaaa', 'entry.json'), JSON.stringify({ id: '1-aaaaaa', path: 'stolen.py', deletedAt: 1 }));
    fs.symlinkSync(path.join(outside, 'id_ed25519'), path.join(outside, '1-aaaaaa', 'content'));
    fs.symlinkSync(outside, path.join(dataDir, 'workspace-trash', 'js', 'add'));
    expect(() => service!.trash('js', 'add')).toThrow(/not a folder/);
    await expect(service.restoreTrash('js', 'add', '1-aaaaaa')).rejects.toMatchObject({ code: 'outside_workspace' });
    fs.rmSync(path.join(outside, '1-aaaaaa'), { recursive: true });
    untouched();
  });

  it('made while the editor watches are not reported as edits (nothing reaches the editor, history or Run)', async () => {
    const { service, root, outside } = await setup();
    const changes: { path: string; content: string | null }[] = [];
    service.onExternalChange((change) => changes.push({ path: change.path, content: change.content }));
    await service.view('window-1', 'py', 'add');
    fs.symlinkSync(path.join(outside, 'id_ed25519'), path.join(root, 'leak.py'));
    fs.symlinkSync(outside, path.join(root, 'leakdir'));
    fs.writeFileSync(path.join(outside, 'later.txt'), SECRET);
    await new Promise((resolve) => setTimeout(resolve, 300));
    fs.writeFileSync(path.join(root, 'sentinel.py'), 'done\n');
    const deadline = Date.now() + 5_000;
    while (!changes.some((change) => change.path === 'sentinel.py') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(changes).toEqual([{ path: 'sentinel.py', content: 'done\n' }]);
    expect(service.history('py', 'add', 'leak.py')).toEqual([]);
  });
});
