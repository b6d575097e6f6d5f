// The learner starts Docker while the app runs (on WebAssembly): the next Run finds Docker
// without restarting the app.
// The engine "starts" by a symlink to the real socket appearing where the service looks.
import Docker from 'dockerode';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
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
      // Docker now: it runs, or (no runner image here) says to build it; either way in Docker.
      const after = await sandbox.run({ language: 'python', files: [{ path: 'main.py', content: 'print(1)\n' }], entry: 'main.py' });
      expect(after.driver).toBe('docker');
      expect((await sandbox.status()).driver).toBe('docker');
    } finally {
      await sandbox.close();
    }
  }, 60_000);
});
