// The learner starts Docker while the app runs (on WebAssembly): a Run soon after finds Docker
// without restarting the app. The engine "starts" by a symlink to the real socket appearing
// where the service looks. Without Docker, it is asked less and less often, and a Run that
// WebAssembly takes never waits for its answer.
import Docker from 'dockerode';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, expect, it, vi } from 'vitest';
import { describeWhen } from '../../common/testing/capabilities';
import { probeDocker } from './docker-driver';
import { SandboxService } from './sandbox-service';

const socket = '/var/run/docker.sock';
const available = fs.existsSync(socket) && (await probeDocker(new Docker({ socketPath: socket }))).ok;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drona-reprobe-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describeWhen(available, 'a Docker engine on /var/run/docker.sock', 'Docker started after the app', () => {
  it('is used by the next run, a few seconds later, with no restart', async () => {
    const link = path.join(dir, 'docker.sock');
    const sandbox = await SandboxService.create({ driver: 'auto', warm: false, docker: new Docker({ socketPath: link }) });
    try {
      const before = await sandbox.run({ language: 'python', files: [{ path: 'main.py', content: 'print(1)\n' }], entry: 'main.py' });
      // No engine yet: the code runs, isolated, in WebAssembly.
      expect(before).toMatchObject({ outcome: 'finished', driver: 'wasm', stdout: '1\n' });
      fs.symlinkSync(socket, link);
      await new Promise((resolve) => setTimeout(resolve, 5200));
      // This Run asks Docker again, and runs in WebAssembly without waiting for the answer.
      await sandbox.run({ language: 'python', files: [{ path: 'main.py', content: 'print(1)\n' }], entry: 'main.py' });
      await vi.waitFor(() => expect(sandbox['dockerDriver']).not.toBeNull(), { timeout: 10_000, interval: 50 });
      // Docker now: it runs, or (no runner image here) says to build it; either way in Docker.
      const after = await sandbox.run({ language: 'python', files: [{ path: 'main.py', content: 'print(1)\n' }], entry: 'main.py' });
      expect(after.driver).toBe('docker');
      expect((await sandbox.status()).driver).toBe('docker');
    } finally {
      await sandbox.close();
    }
  }, 60_000);
});

/** An engine that never answers yet: each probe is a call of `version`, refused at once unless `hold` keeps it waiting. */
function absentDocker() {
  const waiting: (() => void)[] = [];
  const version = vi.fn(() => new Promise<never>((_, reject) => waiting.push(() => reject(new Error('connect ENOENT /nonexistent/docker.sock')))));
  const docker = { version } as unknown as Docker;
  return { docker, version, answerAll: () => waiting.splice(0).forEach((answer) => answer()) };
}

afterEach(() => {
  vi.useRealTimers();
});

it('asks an absent Docker again 5 s after the first failure, then twice as long after each, up to a minute', async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  const engine = absentDocker();
  const created = SandboxService.create({ driver: 'auto', warm: false, docker: engine.docker });
  await vi.waitFor(() => expect(engine.version).toHaveBeenCalledTimes(1));
  // The first probe fails now.
  const start = Date.now();
  engine.answerAll();
  const sandbox = await created;
  // The status bar asks for the status (and so for Docker again) every few seconds while Python loads.
  const probesAt = async (seconds: number) => {
    vi.setSystemTime(start + seconds * 1000);
    const status = sandbox.refreshedStatus();
    await new Promise((resolve) => setTimeout(resolve, 0));
    engine.answerAll();
    expect((await status).driver).toBe('wasm');
    return engine.version.mock.calls.length;
  };
  try {
    expect(await probesAt(4.9)).toBe(1);
    expect(await probesAt(5)).toBe(2);
    expect(await probesAt(14.9)).toBe(2);
    expect(await probesAt(15)).toBe(3);
    expect(await probesAt(35)).toBe(4);
    expect(await probesAt(75)).toBe(5);
    expect(await probesAt(134)).toBe(5);
    expect(await probesAt(135)).toBe(6);
    expect(await probesAt(195)).toBe(7);
  } finally {
    await sandbox.close();
  }
});

it('runs code in WebAssembly at once while Docker is being asked again', async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  const engine = absentDocker();
  const created = SandboxService.create({ driver: 'auto', warm: false, docker: engine.docker });
  await vi.waitFor(() => expect(engine.version).toHaveBeenCalledTimes(1));
  engine.answerAll();
  const sandbox = await created;
  try {
    vi.setSystemTime(Date.now() + 6000);
    const ran = await sandbox.run({ language: 'javascript', files: [{ path: 'main.js', content: 'console.log(2);\n' }], entry: 'main.js' });
    // The second probe is still unanswered (version waits) when the Run's result is back.
    expect(engine.version).toHaveBeenCalledTimes(2);
    expect(ran).toMatchObject({ outcome: 'finished', driver: 'wasm', stdout: '2\n' });
    engine.answerAll();
  } finally {
    await sandbox.close();
  }
}, 120_000);
