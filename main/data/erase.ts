// Erase everything of one learner: the data folder (database, workspaces, tutor sessions, secrets,
// caches, logs, backups) and the key that opened its secrets, which lives outside it. Only a
// backup the learner chose to keep (outside the folder) survives.
import fs from 'node:fs';
import path from 'node:path';
import { isWithin, keyFileFor } from '../secrets/key-location';
import { DELETE_CONFIRMATION_WORD } from '../../preload/contract/data';
import { describeHolders, IN_USE_DIR, otherHolders } from './data-holders';

export class EraseRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EraseRefused';
  }
}

/** The typed confirmation: "delete", or the learner's name (case and outer spaces aside). */
export function confirms(typed: string, learnerName: string | null): boolean {
  const text = typed.trim().toLowerCase();
  return text === DELETE_CONFIRMATION_WORD || (!!learnerName?.trim() && text === learnerName.trim().toLowerCase());
}

const realOrResolved = (file: string) => {
  try {
    return fs.realpathSync(file);
  } catch {
    return path.resolve(file);
  }
};

/** Refuses a backup path the erase would remove. */
export function checkBackupOutside(dataDir: string, backup: string): void {
  if (isWithin(realOrResolved(path.dirname(path.resolve(backup))), realOrResolved(dataDir)))
    throw new EraseRefused(`The backup ${backup} is inside the data folder ${dataDir}, which is about to be erased; choose a place outside it.`);
}

/** Refuses while another process uses the folder, and for a folder that is not Dronacharya's. */
export function checkErasable(dataDir: string): void {
  if (!fs.existsSync(dataDir)) return;
  const entries = fs.readdirSync(dataDir).filter((entry) => entry !== IN_USE_DIR);
  // Guards against `--data-dir ~`: only a folder the app made is erased whole.
  if (entries.length && !entries.includes('drona.db'))
    throw new EraseRefused(`${dataDir} does not look like a Dronacharya data folder (it has no drona.db); nothing was erased.`);
  const holders = otherHolders(dataDir);
  if (holders.length)
    throw new EraseRefused(
      `Dronacharya is using ${dataDir} in another window or command (${describeHolders(holders)}). Close it, then try again; nothing was erased. (If none is running, remove the marks in ${path.join(dataDir, IN_USE_DIR)}.)`,
    );
}

/**
 * Removes everything in the data folder, then its secrets key. The folder itself stays (empty,
 * still private) so a running app reopens a fresh store in it; this process's in-use mark stays.
 */
export function eraseDataDir(dataDir: string, keyDir: string): void {
  checkErasable(dataDir);
  if (!fs.existsSync(dataDir)) return;
  for (const entry of fs.readdirSync(dataDir)) {
    if (entry === IN_USE_DIR) continue;
    fs.rmSync(path.join(dataDir, entry), { recursive: true, force: true, maxRetries: 3 });
  }
  const inUse = path.join(dataDir, IN_USE_DIR);
  for (const mark of fs.existsSync(inUse) ? fs.readdirSync(inUse) : []) if (mark !== String(process.pid)) fs.rmSync(path.join(inUse, mark), { force: true });
  try {
    fs.rmSync(keyFileFor(dataDir, keyDir), { force: true });
  } catch (error) {
    // keyFileFor refuses a key folder inside the data folder: that key went with the folder.
    if (fs.existsSync(keyDir) && !isWithin(realOrResolved(keyDir), realOrResolved(dataDir))) throw error;
  }
}
