// Which processes have a data folder open: each running app (desktop, serve, a CLI command) leaves
// <dataDir>/in-use/<pid> while it runs, so `drona data delete` can refuse to erase a folder another
// process is using. A file whose process is gone (a crash) no longer counts.
import fs from 'node:fs';
import path from 'node:path';
import { pidAlive } from '../sandbox/container-owner';

export const IN_USE_DIR = 'in-use';

export interface Holder {
  readonly pid: number;
  readonly mode: string;
  readonly since: number;
}

/** Marks the folder as used by this process; the returned function unmarks it. */
export function holdDataDir(dataDir: string, mode: string, now = Date.now()): () => void {
  const dir = path.join(dataDir, IN_USE_DIR);
  const file = path.join(dir, String(process.pid));
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  fs.writeFileSync(file, JSON.stringify({ pid: process.pid, mode, since: now }), { mode: 0o600 });
  return () => fs.rmSync(file, { force: true });
}

/** Live processes other than this one that hold the folder. */
export function otherHolders(dataDir: string): Holder[] {
  const dir = path.join(dataDir, IN_USE_DIR);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return []; // no in-use folder: nobody has marked it
  }
  const holders: Holder[] = [];
  for (const name of names) {
    const pid = Number(name);
    if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid || !pidAlive(pid)) continue;
    let info: Partial<Holder> = {};
    try {
      info = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as Partial<Holder>;
    } catch {
      // written as we read it: the pid alone says enough
    }
    holders.push({ pid, mode: info.mode ?? 'unknown', since: info.since ?? 0 });
  }
  return holders;
}

export function describeHolders(holders: readonly Holder[]): string {
  return holders.map((holder) => `process ${holder.pid} (${holder.mode}${holder.since ? `, since ${new Date(holder.since).toISOString()}` : ''})`).join(', ');
}
