import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { currentOwner, ownerLabels, ownerLabelsOf, ownerVerdict, processStart, type ContainerOwner, type ProcessProbe } from './container-owner';

const self: ContainerOwner = { pid: 100, start: 'boot/500', host: 'laptop', data: 'abc' };
/** Processes 100 (this one), 200 (started at boot/700) and 300 (start unreadable) are running. */
const probe: ProcessProbe = {
  alive: (pid) => [100, 200, 300].includes(pid),
  startOf: async (pid) => ({ 100: 'boot/500', 200: 'boot/700' })[pid as 100 | 200] ?? null,
};
const verdict = (owner: Partial<ContainerOwner>, drop: string[] = []) => {
  const labels = ownerLabelsOf({ ...self, ...owner });
  for (const name of drop) delete labels[name];
  return ownerVerdict(labels, self, probe);
};

describe('ownerVerdict', () => {
  it('keeps this instance’s and other live instances’ containers', async () => {
    expect(await verdict({})).toBe('mine');
    expect(await verdict({ pid: 200, start: 'boot/700' })).toBe('alive');
    expect(await verdict({ pid: 300, start: 'boot/900' })).toBe('alive');
    expect(await verdict({ pid: 200 }, [ownerLabels.start, ownerLabels.host, ownerLabels.data])).toBe('alive');
  });

  it('reaps the containers of exited owners, of reused pids and of an earlier boot', async () => {
    expect(await verdict({ pid: 400, start: 'boot/800' })).toBe('gone');
    expect(await verdict({ pid: 200, start: 'boot/600' })).toBe('gone');
    expect(await verdict({ pid: 100, start: 'boot/400' })).toBe('gone');
    expect(await verdict({ pid: 200, start: 'earlier-boot/700' })).toBe('gone');
    expect(await ownerVerdict({}, self, probe)).toBe('gone');
    expect(await ownerVerdict({ [ownerLabels.pid]: 'x' }, self, probe)).toBe('gone');
  });

  it('never judges another host’s containers', async () => {
    expect(await verdict({ pid: 400, host: 'other' })).toBe('other-host');
  });
});

describe('processStart', () => {
  it.runIf(process.platform === 'linux')('is stable for a process and differs for another', async () => {
    const mine = await processStart(process.pid);
    expect(mine).toMatch(/^[\w-]+\/\d+$/);
    expect(await processStart(process.pid)).toBe(mine);
    expect((await currentOwner('/data')).start).toBe(mine);
    const child = spawn('sleep', ['5']);
    try {
      const theirs = await processStart(child.pid!);
      expect(theirs).not.toBeNull();
      expect(theirs).not.toBe(mine);
    } finally {
      child.kill('SIGKILL');
    }
    expect(await processStart(2 ** 22 + 1)).toBeNull();
  });
});
