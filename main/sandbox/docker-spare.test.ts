// The Docker pool's spare, against the real engine: a Run right after another, or right after a
// run that used up its container, takes a container started before it (its hostname is the
// container's id), so it never waits for a container to be created or cleaned.
import Docker from 'dockerode';
import { expect, it, vi } from 'vitest';
import { describeWhen } from '../../common/testing/capabilities';
import { DockerDriver, probeDocker } from './docker-driver';
import type { ExecSpec } from './driver';
import { imageExists } from './image-build';
import { defaultLimits } from './limits';
import { runnerImage } from './runner-images';

vi.setConfig({ testTimeout: 120_000 });

const docker = new Docker();
const probe = await probeDocker(docker);
const imagesReady = probe.ok && (await imageExists(docker, runnerImage('python').ref));
const missing = !probe.ok ? `a Docker engine (${probe.reason})` : 'the Python runner image (drona sandbox build --offline)';

const ownIds = async () =>
  new Set((await docker.listContainers({ all: true, filters: { label: [`dronacharya.owner-pid=${process.pid}`] } })).map((c) => c.Id.slice(0, 12)));

const spec = (code: string, timeoutMs = defaultLimits.timeoutMs, memoryBytes = defaultLimits.memoryBytes): ExecSpec => ({
  language: 'python',
  files: [{ path: 'main.py', content: code }],
  argv: ['python3', 'main.py'],
  env: {},
  limits: { ...defaultLimits, timeoutMs, memoryBytes },
});

/** Prints the container's hostname (its id) and its cgroup's memory limit (v2, else v1). */
const hostAndMemory = `import os, socket
for name in ('/sys/fs/cgroup/memory.max', '/sys/fs/cgroup/memory/memory.limit_in_bytes'):
    if os.path.exists(name):
        print(socket.gethostname(), open(name).read().strip())
        break
`;

describeWhen(imagesReady, missing, 'Docker spare container', () => {
  it('serves back-to-back Runs, and the Run after a timeout, from containers started before them', async () => {
    const driver = new DockerDriver({ docker, imageFor: (language) => runnerImage(language).ref, reapIntervalMs: 0 });
    const host = async () => {
      const outcome = await driver.execute(spec('import socket\nprint(socket.gethostname())'));
      expect(outcome.end, outcome.stderr).toEqual({ kind: 'exited', exitCode: 0 });
      return outcome.stdout.trim();
    };
    try {
      driver.prewarm(['python']);
      await driver.settled();
      const started = await ownIds();
      expect(started.size).toBe(2);
      // No wait in between: the first Run's container is still being cleaned when the second starts.
      const [first, second] = [await host(), await host()];
      expect(started.has(first) && started.has(second)).toBe(true);
      expect(second).not.toBe(first);

      await driver.settled();
      const beforeTimeout = await ownIds();
      expect((await driver.execute(spec('while True: pass', 1000))).end).toEqual({ kind: 'timeout' });
      // The timed-out container is thrown away; the next Run does not wait for its replacement.
      expect(beforeTimeout.has(await host())).toBe(true);
      await driver.settled();
      expect((await ownIds()).size).toBe(2);

      // An exercise's own memory limit (the greeting's 128 MB) is set on a warm container in
      // place, enforced for that run, and the next run gets its own limit back.
      const warmIds = await ownIds();
      const limited = await driver.execute(spec(hostAndMemory, defaultLimits.timeoutMs, 128 * 1024 * 1024));
      const [limitedHost, limitedMemory] = limited.stdout.trim().split(' ');
      expect(warmIds.has(limitedHost!)).toBe(true);
      expect(Number(limitedMemory)).toBe(128 * 1024 * 1024);
      const bomb = await driver.execute(spec('x = bytearray(200 * 1024 * 1024)\nprint(len(x))', defaultLimits.timeoutMs, 128 * 1024 * 1024));
      expect(bomb.end).toEqual({ kind: 'exited', exitCode: 137 });
      await driver.settled();
      const after = (await driver.execute(spec(hostAndMemory))).stdout.trim().split(' ');
      expect(Number(after[1])).toBe(defaultLimits.memoryBytes);
    } finally {
      await driver.close();
    }
    expect((await ownIds()).size).toBe(0);
  });
});
