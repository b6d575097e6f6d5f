import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronCacheDir, findElectronRuntime } from './electron-runtime';

const temp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'drona-electron-'));

describe('where the Electron runtime comes from', () => {
  it('takes node_modules/electron/dist, then a zip for this version in the cache, then a download unless downloads are off', () => {
    const electronDir = temp();
    const cache = temp();
    const env = { ELECTRON_CACHE: cache, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' };
    expect(findElectronRuntime(electronDir, '45.4.1', env, 'linux', 'x64')).toBeNull();
    expect(findElectronRuntime(electronDir, '45.4.1', { ELECTRON_CACHE: cache }, 'linux', 'x64')).toEqual({ kind: 'download' });
    fs.mkdirSync(path.join(cache, 'abc123'));
    fs.writeFileSync(path.join(cache, 'abc123', 'electron-v45.4.0-linux-x64.zip'), '');
    expect(findElectronRuntime(electronDir, '45.4.1', env, 'linux', 'x64')).toBeNull();
    const zip = path.join(cache, 'abc123', 'electron-v45.4.1-linux-x64.zip');
    fs.writeFileSync(zip, '');
    expect(findElectronRuntime(electronDir, '45.4.1', env, 'linux', 'x64')).toEqual({ kind: 'cache', zip });
    expect(findElectronRuntime(electronDir, '45.4.1', env, 'linux', 'arm64')).toBeNull();
    fs.mkdirSync(path.join(electronDir, 'dist'));
    fs.writeFileSync(path.join(electronDir, 'path.txt'), 'electron');
    expect(findElectronRuntime(electronDir, '45.4.1', env, 'linux', 'x64')).toEqual({ kind: 'dist', dir: path.join(electronDir, 'dist') });
  });

  it("finds Electron's cache where @electron/get puts it", () => {
    expect(electronCacheDir({ ELECTRON_CACHE: '/c' }, 'linux', '/h')).toBe('/c');
    expect(electronCacheDir({}, 'linux', '/h')).toBe(path.join('/h', '.cache', 'electron'));
    expect(electronCacheDir({ XDG_CACHE_HOME: '/x' }, 'linux', '/h')).toBe(path.join('/x', 'electron'));
    expect(electronCacheDir({}, 'darwin', '/h')).toBe(path.join('/h', 'Library', 'Caches', 'electron'));
    expect(electronCacheDir({ LOCALAPPDATA: '/l' }, 'win32', '/h')).toBe(path.join('/l', 'electron', 'Cache'));
  });

  // On a machine with the runtime this would build the installers, so it runs only where there is none.
  it.skipIf(fs.existsSync('node_modules/electron/path.txt'))('npm run dist says so in one line and exits 3 when there is no runtime and no download', () => {
    const env = { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1', ELECTRON_CACHE: temp(), DRONA_UPDATE_URL: '' };
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/dist/dist.ts'], { encoding: 'utf8', env });
    expect(run.status).toBe(3);
    expect(run.stderr).toMatch(/^dist: no Electron [\d.]+ runtime here \(ELECTRON_SKIP_BINARY_DOWNLOAD is set.*nothing was built\.\n$/);
    expect(run.stdout).toBe('');
  }, 60_000);
});
