import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { packageRoot } from './package-info';
import { EnvConfigError, readAppConfig } from './app-config';

const linux = { platform: 'linux' as const, home: '/home/asha', isRoot: false };

describe('the app config from the environment', () => {
  it('has defaults for every setting, taking none of the host variables it was not given', () => {
    const config = readAppConfig({}, linux);
    expect(config).toMatchObject({
      dataDir: '/home/asha/.config/Dronacharya',
      keyDir: '/home/asha/.local/state/dronacharya/keys',
      sync: { presetUrl: '', intervalMs: 60_000 },
      sandbox: {
        prewarm: null,
        driver: null,
        childPath: '/usr/local/bin:/usr/bin:/bin',
        debianMirror: 'http://deb.debian.org/debian',
        debCacheDir: '/home/asha/.cache/drona/debs',
      },
      terminal: { shell: null, env: {} },
      tutor: { anthropicBaseUrl: null },
      hasBrowser: false,
      server: { databaseUrl: undefined, trustedProxies: undefined, publicUrl: undefined, adminToken: undefined },
    });
  });

  it('reads every DRONA_ variable, treating an empty one as unset', () => {
    const config = readAppConfig(
      {
        DRONA_DATA_DIR: '/data',
        DRONA_KEY_DIR: '/keys',
        DRONA_SYNC_SERVER_URL: 'http://127.0.0.1:8787',
        DRONA_SYNC_INTERVAL_MS: '300',
        DRONA_SANDBOX_PREWARM: '1',
        DRONA_SANDBOX_DRIVER: '',
        DRONA_DEBIAN_MIRROR: 'http://mirror.local/debian',
        DRONA_DEB_CACHE: '/cache',
        DATABASE_URL: 'postgres://x@y/z',
        DRONA_TRUSTED_PROXIES: '10.0.0.0/8',
        DRONA_PUBLIC_URL: 'https://sync.example.org',
        DRONA_ADMIN_TOKEN: 'admin',
        DRONA_ANTHROPIC_BASE_URL: 'http://127.0.0.1:9911',
        SHELL: '/bin/zsh',
        PATH: '/opt/bin',
        DISPLAY: ':0',
      },
      linux,
    );
    expect(config).toMatchObject({
      dataDir: '/data',
      keyDir: '/keys',
      sync: { presetUrl: 'http://127.0.0.1:8787', intervalMs: 300 },
      sandbox: { prewarm: true, driver: null, childPath: '/opt/bin', debianMirror: 'http://mirror.local/debian', debCacheDir: '/cache' },
      terminal: { shell: '/bin/zsh' },
      tutor: { anthropicBaseUrl: 'http://127.0.0.1:9911' },
      hasBrowser: true,
      server: { databaseUrl: 'postgres://x@y/z', trustedProxies: '10.0.0.0/8', publicUrl: 'https://sync.example.org', adminToken: 'admin' },
    });
    expect(readAppConfig({ DRONA_SANDBOX_DRIVER: 'process', CI: 'true', DISPLAY: ':0' }, linux)).toMatchObject({
      sandbox: { driver: 'process' },
      hasBrowser: false,
    });
  });

  it('refuses malformed values, naming each variable and what it must be', () => {
    const read = () => readAppConfig({ DRONA_SYNC_INTERVAL_MS: 'soon', DRONA_SANDBOX_DRIVER: 'vm', DRONA_SYNC_SERVER_URL: 'sync.example.org' }, linux);
    expect(read).toThrow(EnvConfigError);
    expect(read).toThrow(/DRONA_SYNC_INTERVAL_MS: must be a whole number of milliseconds/);
    expect(read).toThrow(/DRONA_SANDBOX_DRIVER: must be one of auto, docker, wasm, process/);
    expect(read).toThrow(/DRONA_SYNC_SERVER_URL: the sync server must be an http\(s\) address/);
  });

  it('sends the Anthropic key only over https, or over http to this computer', () => {
    const baseUrl = (value: string) => readAppConfig({ DRONA_ANTHROPIC_BASE_URL: value }, linux).tutor.anthropicBaseUrl;
    for (const allowed of ['https://proxy.example.org/anthropic', 'http://127.0.0.1:8787', 'http://localhost:3000/', 'http://[::1]:9000'])
      expect(baseUrl(allowed)).toBe(allowed);
    // Attacks: a remote host in clear text, a remote host dressed as loopback, credentials, other schemes.
    for (const refused of [
      'http://api.example.org',
      'http://127.0.0.1.evil.example',
      'http://localhost.evil.example:80',
      'http://localhost@evil.example',
      'http://evil.example/127.0.0.1',
      'http://10.0.0.5:8080',
      'https://user:pass@proxy.example.org',
      'ftp://127.0.0.1',
      'file:///etc/passwd',
      '127.0.0.1:8787',
    ]) {
      expect(() => baseUrl(refused), refused).toThrow(EnvConfigError);
      expect(() => baseUrl(refused), refused).toThrow(/DRONA_ANTHROPIC_BASE_URL: must be an https address, or http to this computer/);
    }
  });
});

describe('the lint rule on process.env', () => {
  const eslint = new ESLint({ cwd: packageRoot() });
  const lint = async (file: string) =>
    (await eslint.lintText('export const mirror = process.env.DRONA_DEBIAN_MIRROR;\n', { filePath: path.join(packageRoot(), file) }))[0]!.messages;

  it('refuses process.env in a service and allows it in the config module and tests', async () => {
    expect((await lint('main/sandbox/mirror.ts')).map((m) => m.ruleId)).toEqual(['no-restricted-properties']);
    expect(await lint('main/app/app-config.ts')).toEqual([]);
    expect(await lint('main/sandbox/mirror.test.ts')).toEqual([]);
  }, 60_000);
});
