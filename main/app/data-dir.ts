import fs from 'node:fs';
import path from 'node:path';
import { messageOf } from '../../preload/contract/errors';

/**
 * The folder Electron calls `userData` for an app named Dronacharya, so the desktop app
 * and serve mode share one learner's data. DRONA_DATA_DIR or --data-dir override it. The app's
 * config (app-config.ts) calls this with the environment it read.
 */
export function defaultDataDir(env: Readonly<Record<string, string | undefined>>, platform: NodeJS.Platform, home: string): string {
  if (env.DRONA_DATA_DIR) return path.resolve(env.DRONA_DATA_DIR);
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Dronacharya');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Dronacharya');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Dronacharya');
}

/**
 * Makes the data folder (0700), or tightens one an older version made world-readable: another
 * account on the computer must not read the learner's database, code, logs or secrets. The top
 * folder's mode guards everything inside it, whatever the modes below. Returns a warning when it
 * cannot (a folder owned by someone else), so the caller can say so and carry on.
 */
export function prepareDataDir(dir: string): string | null {
  makeFolders(dir);
  if (process.platform === 'win32') return null;
  try {
    if ((fs.statSync(dir).mode & 0o077) !== 0) fs.chmodSync(dir, 0o700);
    return null;
  } catch (error) {
    return `The data folder ${dir} may be readable by other accounts on this computer (${(error as NodeJS.ErrnoException).code ?? messageOf(error)}); make it private with: chmod 700 "${dir}"`;
  }
}

/**
 * `mkdir -p` that fails instead of spinning: Node's recursive mkdirSync loops forever under
 * procfs (`--data-dir /proc/x`). Makes each missing folder from the nearest existing one down, and
 * names the folder in the error.
 */
function makeFolders(dir: string) {
  const missing: string[] = [];
  for (let at = path.resolve(dir); !fs.existsSync(at); at = path.dirname(at)) {
    missing.unshift(at);
    if (path.dirname(at) === at) break;
  }
  for (const folder of missing) {
    try {
      fs.mkdirSync(folder, { mode: 0o700 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
      const why = (error as NodeJS.ErrnoException).code ?? messageOf(error);
      throw new Error(`Cannot make the data folder ${dir}${folder === path.resolve(dir) ? '' : `: ${folder} could not be made`} (${why}).`);
    }
  }
}
