// Where the key that encrypts a data folder's secrets lives when no system keyring holds it:
// in a per-user folder OUTSIDE every data folder, so that whoever can read a data folder (a
// backup, a synced copy, a course's code handed that folder) finds the ciphertext but not its key.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The per-user key folder. DRONA_KEY_DIR overrides it (tests, portable installs); the app's config
 * (main/app/app-config.ts) calls this with the environment it read. Linux: $XDG_STATE_HOME/dronacharya/keys (state, not config: it must not be
 * copied with dotfiles); macOS: ~/Library/Application Support/Dronacharya Keys; Windows:
 * %LOCALAPPDATA%\Dronacharya Keys (local, not roaming, unlike the data folder in %APPDATA%).
 */
export function userKeyDir(env: Readonly<Record<string, string | undefined>>, platform: NodeJS.Platform, home: string): string {
  if (env.DRONA_KEY_DIR) return path.resolve(env.DRONA_KEY_DIR);
  if (platform === 'win32') return path.join(env.LOCALAPPDATA ?? path.join(home, 'AppData', 'Local'), 'Dronacharya Keys');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Dronacharya Keys');
  return path.join(env.XDG_STATE_HOME || path.join(home, '.local', 'state'), 'dronacharya', 'keys');
}

/** The data folder as one canonical path: a symlinked or relative spelling finds the same key. */
function canonical(dir: string): string {
  try {
    return fs.realpathSync(dir);
  } catch {
    return path.resolve(dir);
  }
}

/** True when `inner` is `outer` or inside it. */
export function isWithin(inner: string, outer: string): boolean {
  const relative = path.relative(outer, inner);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * `<keyDir>/<sha256 of the data folder's real path>.key`: one key per data folder, named so the
 * key folder reveals no paths. Moving a data folder leaves its key behind (its secrets must be
 * entered again); a key folder inside the data folder would defeat the point and is refused.
 */
export function keyFileFor(dataDir: string, keyDir: string): string {
  const data = canonical(dataDir);
  const keys = canonical(keyDir);
  if (isWithin(keys, data)) throw new Error(`The key folder ${keyDir} is inside the data folder ${dataDir}; set DRONA_KEY_DIR to a folder outside it.`);
  return path.join(keyDir, `${createHash('sha256').update(data).digest('hex')}.key`);
}
