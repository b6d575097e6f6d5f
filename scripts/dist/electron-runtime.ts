// Where electron-builder gets the Electron runtime it packages: node_modules/electron/dist, or a
// zip for this version in Electron's download cache; otherwise it would download one, which
// ELECTRON_SKIP_BINARY_DOWNLOAD (our CI, this offline machine) rules out.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type RuntimeSource = { readonly kind: 'dist'; readonly dir: string } | { readonly kind: 'cache'; readonly zip: string } | { readonly kind: 'download' } | null;

/** Electron's cache folder, as @electron/get computes it. */
export function electronCacheDir(env: Readonly<Record<string, string | undefined>>, platform: NodeJS.Platform, home = os.homedir()): string {
  if (env.ELECTRON_CACHE) return env.ELECTRON_CACHE;
  if (platform === 'darwin') return path.join(home, 'Library', 'Caches', 'electron');
  if (platform === 'win32') return path.join(env.LOCALAPPDATA ?? path.join(home, 'AppData', 'Local'), 'electron', 'Cache');
  return path.join(env.XDG_CACHE_HOME ?? path.join(home, '.cache'), 'electron');
}

function findZip(dir: string, name: string, depth = 2): string | null {
  if (!fs.existsSync(dir)) return null;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isFile() && entry.name === name) return full;
    if (entry.isDirectory() && depth > 0) {
      const found = findZip(full, name, depth - 1);
      if (found) return found;
    }
  }
  return null;
}

export function findElectronRuntime(
  electronDir: string,
  version: string,
  env: Readonly<Record<string, string | undefined>>,
  platform: NodeJS.Platform = process.platform,
  arch: string = process.arch,
): RuntimeSource {
  const dist = path.join(electronDir, 'dist');
  if (fs.existsSync(path.join(electronDir, 'path.txt')) && fs.existsSync(dist)) return { kind: 'dist', dir: dist };
  const zip = findZip(electronCacheDir(env, platform), `electron-v${version}-${platform}-${arch}.zip`);
  if (zip) return { kind: 'cache', zip };
  return env.ELECTRON_SKIP_BINARY_DOWNLOAD ? null : { kind: 'download' };
}
