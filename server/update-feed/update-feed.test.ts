// The feed over loopback HTTP from the real server, read by electron-updater's own generic
// provider (its channel-file naming, YAML parsing and file resolution) with a Node HTTP executor
// in place of Electron's net module, which is the only part that needs Electron.
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { HttpExecutor } from 'builder-util-runtime';
import { GenericProvider } from 'electron-updater/out/providers/GenericProvider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../start';
import { readChannelFile } from './feed-file';
import { scanFeed } from './routes';

class NodeHttpExecutor extends HttpExecutor<http.ClientRequest> {
  createRequest(options: http.RequestOptions, callback: (response: http.IncomingMessage) => void): http.ClientRequest {
    return http.request(options, callback);
  }
}

const installer = crypto.randomBytes(300_000);
const sha512 = (data: Buffer) => crypto.createHash('sha512').update(data).digest('base64');
const channelFile = (version: string, file: string, extra = '') =>
  `version: ${version}\nfiles:\n  - url: ${file}\n    sha512: ${sha512(installer)}\n    size: ${installer.length}\npath: ${file}\nsha512: ${sha512(installer)}\nreleaseDate: '2026-12-05T10:00:00.000Z'\n${extra}`;

let dir: string;
let server: RunningServer;
const logs: Record<string, unknown>[] = [];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drona-feed-'));
  fs.writeFileSync(path.join(dir, 'Dronacharya-1.2.0.AppImage'), installer);
  fs.writeFileSync(path.join(dir, 'Dronacharya-1.3.0-beta.1.AppImage'), installer);
  fs.writeFileSync(path.join(dir, 'latest-linux.yml'), channelFile('1.2.0', 'Dronacharya-1.2.0.AppImage', 'stagingPercentage: 25\n'));
  fs.writeFileSync(path.join(dir, 'beta-linux.yml'), channelFile('1.3.0-beta.1', 'Dronacharya-1.3.0-beta.1.AppImage'));
  fs.writeFileSync(path.join(dir, 'latest-mac.yml'), channelFile('1.2.0', 'Dronacharya-1.2.0-mac.zip'));
  fs.writeFileSync(path.join(dir, 'signing.key'), 'never served');
  server = await startServer({ dataDir: null, port: 0, updateFeedDir: dir, log: (entry) => logs.push(entry) });
}, 60_000);
afterAll(async () => {
  await server?.close();
});

const provider = (channel: string | null) =>
  new GenericProvider({ provider: 'generic', url: `${server.url}/updates` }, { channel, isAddNoCacheQuery: false } as never, {
    // Provider only calls request(); ElectronHttpExecutor adds Electron-session download helpers it does not use here.
    executor: new NodeHttpExecutor() as never,
    platform: 'linux',
    isUseMultipleRangeRequest: false,
  });

describe('generic update feed', () => {
  it('is read by electron-updater’s generic provider: latest for stable, the beta file for beta', async () => {
    const stable = await provider(null).getLatestVersion();
    expect(stable).toMatchObject({ version: '1.2.0', stagingPercentage: 25 });
    const [file] = provider(null).resolveFiles(stable);
    expect(file!.url.href).toBe(`${server.url}/updates/Dronacharya-1.2.0.AppImage`);
    expect(file!.info.sha512).toBe(sha512(installer));
    expect(await provider('beta').getLatestVersion()).toMatchObject({ version: '1.3.0-beta.1' });
    await expect(provider('nightly').getLatestVersion()).rejects.toThrow(/Cannot find channel "nightly-linux.yml"/);
  });

  it('serves the installer whole, with the bytes the channel file’s SHA-512 names, and by single byte ranges', async () => {
    const whole = await fetch(`${server.url}/updates/Dronacharya-1.2.0.AppImage`);
    expect(whole.status).toBe(200);
    expect(whole.headers.get('cache-control')).toContain('immutable');
    expect(sha512(Buffer.from(await whole.arrayBuffer()))).toBe(sha512(installer));
    const part = await fetch(`${server.url}/updates/Dronacharya-1.2.0.AppImage`, { headers: { Range: 'bytes=100-199' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 100-199/${installer.length}`);
    expect(Buffer.from(await part.arrayBuffer())).toEqual(installer.subarray(100, 200));
    const tail = await fetch(`${server.url}/updates/Dronacharya-1.2.0.AppImage`, { headers: { Range: 'bytes=-10' } });
    expect(Buffer.from(await tail.arrayBuffer())).toEqual(installer.subarray(installer.length - 10));
    expect((await fetch(`${server.url}/updates/Dronacharya-1.2.0.AppImage`, { headers: { Range: 'bytes=999999-' } })).status).toBe(416);
    const yml = await fetch(`${server.url}/updates/latest-linux.yml`);
    expect(yml.headers.get('cache-control')).toBe('no-cache');
  });

  it('serves nothing but release files from that one folder', async () => {
    for (const name of ['signing.key', '..%2Fsigning.key', '%2E%2E%2Fetc%2Fpasswd.yml', 'missing.AppImage']) {
      expect((await fetch(`${server.url}/updates/${name}`)).status, name).toBe(404);
    }
  });

  it('lists its channels, and tells at start which installer a channel file names but the folder lacks', async () => {
    const index = (await (await fetch(`${server.url}/updates`)).json()) as { channels: { file: string; version: string }[] };
    expect(index.channels.map((c) => `${c.file} ${c.version}`)).toEqual(['beta-linux.yml 1.3.0-beta.1', 'latest-linux.yml 1.2.0', 'latest-mac.yml 1.2.0']);
    expect(index).not.toHaveProperty('problems');
    expect(scanFeed(dir).problems).toEqual(['latest-mac.yml: lists Dronacharya-1.2.0-mac.zip, which is not in the feed folder']);
    expect(logs).toContainEqual({ level: 'warn', msg: 'update feed problem', problem: scanFeed(dir).problems[0] });
  });
});

describe('channel files', () => {
  it('names what is wrong, with the file and the field', () => {
    expect(readChannelFile('latest.yml', 'version: one\nfiles: []\n')).toEqual({
      ok: false,
      problems: ['latest.yml: version must be a semantic version such as 1.4.0 or 1.5.0-beta.1', 'latest.yml: files must list at least one installer'],
    });
    expect(readChannelFile('latest.yml', `version: 1.0.0\nfiles:\n  - url: ../x.exe\n    sha512: abc\n`)).toMatchObject({
      ok: false,
      problems: [
        'latest.yml: files.0.url must be a file name beside the channel file, not a path or URL',
        'latest.yml: files.0.sha512 must be a base64 SHA-512 (88 characters)',
      ],
    });
    expect(readChannelFile('latest.yml', 'version: [')).toMatchObject({ ok: false, problems: [expect.stringMatching(/^latest\.yml: not YAML/)] });
  });
});
