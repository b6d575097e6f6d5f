// electron-updater behind the Updater port: the feed (generic URL or GitHub Releases), the
// channel file, the download with progress, quit-and-install. What to take, and when, is
// decided by main/update/update-policy.ts, which also answers electron-updater's rollout question.
import electronUpdater, { type AppUpdater, type ProgressInfo } from 'electron-updater';
import type { Logger } from '../app/logger';
import { withinRollout } from '../update/update-policy';
import type { Updater } from '../update/update-service';

/** Where updates come from: a bootcamp's own server (generic, e.g. the hosted API's /updates/) or GitHub Releases. */
export type UpdateFeed =
  { readonly provider: 'generic'; readonly url: string } | { readonly provider: 'github'; readonly owner: string; readonly repo: string };

/** DRONA_UPDATE_URL (generic) or DRONA_UPDATE_GITHUB=owner/repo; null keeps the feed electron-builder baked in (app-update.yml), if any. */
export function updateFeedFrom(url: string | undefined, github: string | undefined): UpdateFeed | null {
  if (url?.trim()) return { provider: 'generic', url: url.trim() };
  const match = /^([\w.-]+)\/([\w.-]+)$/.exec(github?.trim() ?? '');
  return match ? { provider: 'github', owner: match[1]!, repo: match[2]! } : null;
}

export function electronUpdaterPort(feed: UpdateFeed | null, installId: () => string, logger: Logger): Updater {
  const updater: AppUpdater = electronUpdater.autoUpdater;
  updater.logger = {
    info: (m: unknown) => logger.info(`update: ${String(m)}`),
    warn: (m: unknown) => logger.warn(`update: ${String(m)}`),
    error: (m: unknown) => logger.error(`update: ${String(m)}`),
  };
  if (feed) updater.setFeedURL(feed);
  updater.autoDownload = false;
  // A downloaded update also installs when the learner quits, as VS Code does.
  updater.autoInstallOnAppQuit = true;
  updater.isUserWithinRollout = (info) => withinRollout(installId(), info);
  return {
    latest: async (channel) => {
      updater.channel = channel === 'beta' ? 'beta' : 'latest';
      updater.allowPrerelease = channel === 'beta';
      // Setting the channel turns downgrades on; leaving beta must not install an older stable.
      updater.allowDowngrade = false;
      const result = await updater.checkForUpdates();
      return result?.isUpdateAvailable ? { version: result.updateInfo.version, stagingPercentage: result.updateInfo.stagingPercentage } : null;
    },
    download: async (onProgress) => {
      const listener = (progress: ProgressInfo) => onProgress(progress);
      updater.on('download-progress', listener);
      try {
        await updater.downloadUpdate();
      } finally {
        updater.off('download-progress', listener);
      }
    },
    install: () => updater.quitAndInstall(false, true),
  };
}
