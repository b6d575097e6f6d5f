import os from 'node:os';
import path from 'node:path';

/**
 * The folder Electron calls `userData` for an app named Dronacharya, so the desktop app
 * and serve mode share one learner's data. DRONA_DATA_DIR or --data-dir override it.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.DRONA_DATA_DIR) return path.resolve(env.DRONA_DATA_DIR);
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Dronacharya');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Dronacharya');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Dronacharya');
}
