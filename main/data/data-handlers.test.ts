// The data calls inside a running app (serve mode, the desktop app): the export handed over in
// chunks, and erasing that reopens a fresh store in the same process.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultKeyDir } from '../app/app-config';
import { createApp, type DronaApp } from '../app/create-app';
import { silentLogger } from '../app/logger';
import { dispatchCall } from '../ipc/dispatch';
import { keyFileFor } from '../secrets/key-location';
import { useTempDirs } from '../testing/temp-dirs';
import { readZip } from './read-zip';
import { seedDataFolder } from './test-data-folder';

const tempDir = useTempDirs('drona-data-app-');
let app: DronaApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function running() {
  const dataDir = path.join(tempDir(), 'data');
  await seedDataFolder(dataDir);
  const started = createApp({ dataDir, mode: 'serve', version: '0.0.0-test', logger: silentLogger, builtinCoursesDir: null, backgroundWork: false });
  app = started;
  const seen: string[] = [];
  started.events.subscribe((name) => seen.push(name));
  const call = async <T>(name: string, input: unknown): Promise<T> => {
    const result = await dispatchCall(started.handlers, name, input, { sessionId: 's1', events: started.events }, silentLogger);
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    return result.value as T;
  };
  return { dataDir, app: started, seen, call };
}

describe('data calls in a running app', () => {
  it('hands the export over in chunks with progress, then forgets it', async () => {
    const { call, seen, dataDir } = await running();
    const built = await call<{ downloadId: string; fileName: string; bytes: number; workspaceFiles: number }>('data.export', {});
    expect(built).toMatchObject({ fileName: expect.stringMatching(/^dronacharya-export-.*\.zip$/), workspaceFiles: 2 });
    expect(seen).toContain('data.exportProgress');
    const parts: Buffer[] = [];
    for (let offset: number | null = 0; offset !== null;) {
      const chunk: { base64: string; nextOffset: number | null } = await call('data.exportChunk', { downloadId: built.downloadId, offset });
      parts.push(Buffer.from(chunk.base64, 'base64'));
      offset = chunk.nextOffset;
    }
    const zipFile = path.join(path.dirname(dataDir), 'got.zip');
    fs.writeFileSync(zipFile, Buffer.concat(parts));
    expect(fs.statSync(zipFile).size).toBe(built.bytes);
    expect((await readZip(zipFile)).has('tables/profile.csv')).toBe(true);
    await expect(call('data.exportChunk', { downloadId: built.downloadId, offset: 0 })).rejects.toThrow(/not_found/);
  });

  it('erases after the typed confirmation and reopens a fresh store without a restart', async () => {
    const { call, seen, dataDir, app: started } = await running();
    const keyFile = keyFileFor(dataDir, defaultKeyDir());
    fs.mkdirSync(path.dirname(keyFile), { recursive: true });
    fs.writeFileSync(keyFile, Buffer.alloc(32));
    await expect(call('data.delete', { confirmation: 'nope' })).rejects.toThrow(/invalid_input: Type "delete" or your name \(Asha\)/);
    expect(await call('profile.get', {})).toMatchObject({ name: 'Asha' });

    expect(await call('data.delete', { confirmation: ' DELETE ' })).toEqual({ erased: true });
    expect(seen).toContain('data.erased');
    expect(await call('profile.get', {})).toMatchObject({ name: '', firstRunCompleted: false });
    expect(fs.existsSync(path.join(dataDir, 'workspaces'))).toBe(false);
    expect(fs.existsSync(keyFile)).toBe(false);
    expect('services' in started.state()).toBe(true);
  });

  it('refuses while another process holds the folder, erasing nothing', async () => {
    const { call, dataDir } = await running();
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      fs.writeFileSync(path.join(dataDir, 'in-use', String(other.pid)), JSON.stringify({ pid: other.pid, mode: 'electron', since: 1 }));
      await expect(call('data.delete', { confirmation: 'delete' })).rejects.toThrow(new RegExp(`conflict: .*process ${other.pid} \\(electron`));
      expect(await call('profile.get', {})).toMatchObject({ name: 'Asha' });
    } finally {
      other.kill();
    }
  });
});
