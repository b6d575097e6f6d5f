// Attack: a full disk. A save that cannot be written must say so (not "Your work is saved"),
// leave the last saved text on disk as it was, and leave no temp file behind. And a save of the
// text already on disk writes nothing (no fsync for Run and Check to wait on).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../app/logger';
import type { ServicesAccess } from '../app/services';
import { dispatchCall } from '../ipc/dispatch';
import { EventBus } from '../ipc/event-bus';
import type { Handlers } from '../ipc/handlers';
import { openStore, type Store } from '../store/open-store';
import { workspaceHandlers } from './handlers';
import type { DurableWriteFs } from './workspace-fs';
import { WorkspaceService, type StarterFile } from './workspace-service';

const starters: StarterFile[] = [{ path: 'main.py', content: 'print("saved before")\n', role: 'editable' }];
const ref = { courseId: 'py', lessonId: 'add' };

/** As write(2) near a full disk: the first write goes out in part, the next fails with ENOSPC. */
function fullDisk(): DurableWriteFs {
  let calls = 0;
  return {
    writeSync(fd, buffer, offset, length) {
      calls += 1;
      if (calls > 1) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });
      return fs.writeSync(fd, buffer, offset, Math.ceil(length / 2));
    },
  };
}

let store: Store | undefined;
let cleanup: (() => void) | undefined;
afterEach(() => {
  store?.close();
  store = undefined;
  cleanup?.();
  cleanup = undefined;
});

/** workspace.write as the renderer calls it: through dispatch, the contract and the handlers. */
async function writeCall(service: WorkspaceService, content: string) {
  const handlers = workspaceHandlers((() => ({ workspace: service })) as unknown as ServicesAccess) as Handlers;
  return dispatchCall(
    handlers,
    'workspace.write',
    { ...ref, path: 'main.py', content, snapshot: true },
    { sessionId: 's', events: new EventBus() },
    createLogger(() => {}),
  );
}

const leftovers = (dir: string) => fs.readdirSync(dir).filter((name) => name.includes('drona-tmp'));

describe('a save on a full disk', () => {
  it('is reported as not saved, keeps the last saved text, and leaves no temp file (injected ENOSPC)', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'drona-full-'));
    store = openStore(path.join(dataDir, 'drona.db'));
    let failing: DurableWriteFs | null = null;
    const io: DurableWriteFs = {
      writeSync: (fd, buffer, offset, length) => (failing ? failing.writeSync(fd, buffer, offset, length) : fs.writeSync(fd, buffer, offset, length)),
    };
    const service = new WorkspaceService(store, dataDir, async () => starters, Date.now, io);
    const { root } = await service.open(ref.courseId, ref.lessonId);
    failing = fullDisk();
    const result = await writeCall(service, 'print("new work")\n'.repeat(100));
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'save_failed',
        message: 'main.py was not saved: the disk is full. The last saved version is unchanged; free some space, then save again.',
        details: { code: 'ENOSPC' },
      },
    });
    expect(fs.readFileSync(path.join(root, 'main.py'), 'utf8')).toBe(starters[0]!.content);
    expect(leftovers(root)).toEqual([]);
    expect(service.history(ref.courseId, ref.lessonId, 'main.py')).toEqual([]);
    failing = null;
    expect(await writeCall(service, 'print("new work")\n')).toMatchObject({ ok: true });
  });

  it('on a real full file system (a 64 KiB tmpfs) fails the same way', async () => {
    expect(process.getuid?.(), 'mounting a tmpfs needs root, as CI runs').toBe(0);
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'drona-full-'));
    const workspaces = path.join(dataDir, 'workspaces');
    fs.mkdirSync(workspaces);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k,mode=0700', 'tmpfs', workspaces]);
    cleanup = () => {
      execFileSync('umount', [workspaces]);
      fs.rmSync(dataDir, { recursive: true, force: true });
    };
    store = openStore(path.join(dataDir, 'drona.db'));
    const service = new WorkspaceService(store, dataDir, async () => starters);
    const { root } = await service.open(ref.courseId, ref.lessonId);
    const result = await writeCall(service, 'x'.repeat(200_000));
    expect(result).toMatchObject({ ok: false, error: { code: 'save_failed', message: expect.stringMatching(/^main\.py was not saved: the disk is full\./) } });
    expect(JSON.stringify(result)).not.toMatch(/work is saved/i);
    expect(fs.readFileSync(path.join(root, 'main.py'), 'utf8')).toBe(starters[0]!.content);
    expect(leftovers(root)).toEqual([]);
    await service.close();
  });
});

describe('a save of unchanged text', () => {
  it('does not rewrite the file (a Check saves every file first), and still records its snapshot', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'drona-same-'));
    cleanup = () => fs.rmSync(dataDir, { recursive: true, force: true });
    store = openStore(path.join(dataDir, 'drona.db'));
    let writes = 0;
    const io: DurableWriteFs = {
      writeSync: (fd, buffer, offset, length) => {
        writes += 1;
        return fs.writeSync(fd, buffer, offset, length);
      },
    };
    const service = new WorkspaceService(store, dataDir, async () => starters, Date.now, io);
    const { root } = await service.open(ref.courseId, ref.lessonId);
    writes = 0;
    expect(await writeCall(service, starters[0]!.content)).toMatchObject({ ok: true });
    expect(writes).toBe(0);
    expect(service.history(ref.courseId, ref.lessonId, 'main.py')).toHaveLength(1);
    expect(await writeCall(service, 'print("changed")\n')).toMatchObject({ ok: true });
    expect(writes).toBeGreaterThan(0);
    expect(fs.readFileSync(path.join(root, 'main.py'), 'utf8')).toBe('print("changed")\n');
  });
});
