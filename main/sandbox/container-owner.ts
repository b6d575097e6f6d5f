// Which app instance owns a sandbox container, and whether that instance is still running.
// Every container carries its owner's labels; a reaper removes containers whose owner is gone
// (crashed or killed), and never one of another live instance: several apps, tests and
// helpers may share one Docker engine.
import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';

export const ownerLabels = {
  pid: 'dronacharya.owner-pid',
  /** When the owner process started (with the boot it started in), so a reused pid is not mistaken for it. */
  start: 'dronacharya.owner-start',
  host: 'dronacharya.owner-host',
  /** A hash of the owner's data folder, to tell instances apart when looking at `docker ps`. */
  data: 'dronacharya.owner-data',
} as const;

export interface ContainerOwner {
  readonly pid: number;
  /** Null where this platform cannot tell (the pid alone then decides). */
  readonly start: string | null;
  readonly host: string;
  readonly data: string;
}

export interface ProcessProbe {
  alive(pid: number): boolean;
  /** The start id `processStart` gives for a running pid, or null when it cannot be read. */
  startOf(pid: number): Promise<string | null>;
}

export type OwnerVerdict = 'mine' | 'alive' | 'gone' | 'other-host';

export function ownerLabelsOf(owner: ContainerOwner): Record<string, string> {
  return {
    [ownerLabels.pid]: String(owner.pid),
    ...(owner.start ? { [ownerLabels.start]: owner.start } : {}),
    [ownerLabels.host]: owner.host,
    [ownerLabels.data]: owner.data,
  };
}

/**
 * Whose a container is. Another host's containers are never judged (its pids mean nothing
 * here); a container without a pid (made by no owner we know) is gone; a live pid whose
 * start differs from the label is a reused pid, so the owner is gone. When a start cannot
 * be read the owner counts as alive: a container kept too long costs memory, a container
 * removed under a live app breaks its Run.
 */
export async function ownerVerdict(labels: Readonly<Record<string, string>>, self: ContainerOwner, probe: ProcessProbe): Promise<OwnerVerdict> {
  const host = labels[ownerLabels.host];
  if (host !== undefined && host !== self.host) return 'other-host';
  const pid = Number(labels[ownerLabels.pid]);
  if (!Number.isSafeInteger(pid) || pid <= 0) return 'gone';
  const start = labels[ownerLabels.start];
  if (pid === self.pid) return start === undefined || self.start === null || start === self.start ? 'mine' : 'gone';
  if (!probe.alive(pid)) return 'gone';
  if (start === undefined) return 'alive';
  const now = await probe.startOf(pid);
  return now !== null && now !== start ? 'gone' : 'alive';
}

export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * A process's start as a string that differs for every process a pid has named: on Linux the
 * boot id and the start time in clock ticks since boot (/proc/<pid>/stat field 22); elsewhere
 * what `ps -o lstart=` says (to the second). Null when neither can be read.
 */
export async function processStart(pid: number): Promise<string | null> {
  if (process.platform === 'linux') {
    try {
      const [boot, stat] = await Promise.all([
        fs.promises.readFile('/proc/sys/kernel/random/boot_id', 'utf8'),
        fs.promises.readFile(`/proc/${pid}/stat`, 'utf8'),
      ]);
      // Field 2 (the command name) may hold spaces and ")": count from the last ")".
      const ticks = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
      return ticks && /^\d+$/.test(ticks) ? `${boot.trim()}/${ticks}` : null;
    } catch {
      return null;
    }
  }
  if (process.platform === 'win32') return null;
  return new Promise((resolve) => {
    execFile('ps', ['-o', 'lstart=', '-p', String(pid)], { timeout: 2000 }, (error, stdout) => resolve(error || !stdout.trim() ? null : stdout.trim()));
  });
}

export const liveProcesses: ProcessProbe = { alive: pidAlive, startOf: processStart };

/** This process as a container owner. */
export async function currentOwner(dataDir = ''): Promise<ContainerOwner> {
  return {
    pid: process.pid,
    start: await processStart(process.pid),
    host: os.hostname(),
    data: crypto.createHash('sha256').update(dataDir).digest('hex').slice(0, 12),
  };
}
