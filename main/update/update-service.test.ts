import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { UpdateChannel, UpdateStatus } from '../../preload/contract/update';
import { readOrCreateInstallId } from './install-id';
import type { Release } from './update-policy';
import { UpdateService, type DownloadProgress, type Updater } from './update-service';

function fakeUpdater(feed: Partial<Record<UpdateChannel, Release | null>>) {
  const calls: string[] = [];
  const updater: Updater = {
    latest: async (channel) => {
      calls.push(`latest ${channel}`);
      const release = feed[channel];
      if (release === undefined) throw new Error('feed unreachable (ECONNREFUSED)');
      return release;
    },
    download: async (onProgress: (progress: DownloadProgress) => void) => {
      calls.push('download');
      onProgress({ percent: 50, transferred: 5, total: 10, bytesPerSecond: 100 });
      onProgress({ percent: 100, transferred: 10, total: 10, bytesPerSecond: 100 });
    },
    install: () => calls.push('install'),
  };
  return { updater, calls };
}

function service(updater: Updater | null, over: { channel?: UpdateChannel; exam?: () => boolean } = {}) {
  const seen: UpdateStatus[] = [];
  const warnings: string[] = [];
  const update = new UpdateService({
    updater,
    unsupportedReason: 'serve mode',
    currentVersion: '1.0.0',
    installId: () => 'install-a',
    channel: () => over.channel ?? 'stable',
    examRunning: over.exam ?? (() => false),
    intervalMs: 4 * 3_600_000,
    now: () => 1_000,
    onChange: (status) => seen.push(status),
    warn: (message) => warnings.push(message),
  });
  return { update, seen, warnings };
}

afterEach(() => vi.useRealTimers());

describe('UpdateService', () => {
  it('reports "unsupported" with no updater and never checks', async () => {
    const { update, seen } = service(null);
    update.start();
    expect(await update.check()).toEqual({ state: 'unsupported', reason: 'serve mode' });
    expect(seen).toEqual([]);
  });

  it('downloads a newer release with progress, then offers the restart', async () => {
    const { updater, calls } = fakeUpdater({ stable: { version: '1.1.0' } });
    const { update, seen } = service(updater);
    expect(await update.check()).toEqual({ state: 'ready', version: '1.1.0' });
    expect(seen.map((status) => (status.state === 'downloading' ? `downloading ${status.percent}` : status.state))).toEqual([
      'checking',
      'downloading 0',
      'downloading 50',
      'downloading 100',
      'ready',
    ]);
    expect(update.restart(false)).toEqual({ restarting: true });
    expect(calls).toEqual(['latest stable', 'download', 'install']);
  });

  it('asks the feed for the channel chosen in Settings and skips what the channel does not take', async () => {
    const { updater, calls } = fakeUpdater({ stable: { version: '1.1.0-beta.1' }, beta: { version: '1.1.0-beta.1' } });
    expect(await service(updater).update.check()).toEqual({ state: 'idle', checkedAt: 1_000 });
    expect(await service(updater, { channel: 'beta' }).update.check()).toEqual({ state: 'ready', version: '1.1.0-beta.1' });
    expect(calls).toEqual(['latest stable', 'latest beta', 'download']);
  });

  it('holds the download during an exam, and refuses the restart during one or with unsaved work', async () => {
    let exam = true;
    const { updater, calls } = fakeUpdater({ stable: { version: '2.0.0' } });
    const { update } = service(updater, { exam: () => exam });
    expect(await update.check()).toEqual({ state: 'waiting', version: '2.0.0', reason: 'exam' });
    expect(() => update.restart(false)).toThrow(/nothing to restart into/);
    exam = false;
    expect(await update.check()).toEqual({ state: 'ready', version: '2.0.0' });
    exam = true;
    expect(() => update.restart(false)).toThrow(/exam is running/);
    exam = false;
    expect(() => update.restart(true)).toThrow(/not saved yet/);
    expect(calls.filter((call) => call === 'install')).toEqual([]);
  });

  it('reports a failed check as an error with its reason, and logs it', async () => {
    const { updater } = fakeUpdater({});
    const { update, warnings } = service(updater);
    expect(await update.check()).toEqual({ state: 'error', message: 'feed unreachable (ECONNREFUSED)', checkedAt: 1_000 });
    expect(warnings).toEqual(['update check failed: feed unreachable (ECONNREFUSED)']);
  });

  it('runs one check at a time and checks at start, then on the timer', async () => {
    vi.useFakeTimers();
    const { updater, calls } = fakeUpdater({ stable: null });
    const { update } = service(updater);
    update.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toEqual(['latest stable']);
    const [a, b] = [update.check(), update.check()];
    expect(await a).toBe(await b);
    expect(calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(4 * 3_600_000 - 1);
    expect(calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(3);
    update.stop();
  });
});

describe('install id', () => {
  it('is created once and read back after', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drona-install-id-'));
    const id = readOrCreateInstallId(dir);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(readOrCreateInstallId(dir)).toBe(id);
    fs.writeFileSync(path.join(dir, 'install-id'), 'garbage');
    expect(readOrCreateInstallId(dir)).not.toBe(id);
  });
});
