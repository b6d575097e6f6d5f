// The update decision, pure: which release a learner's install may take, when it may check,
// and when it may restart. electron-updater fetches and installs; this decides.
import { createHash } from 'node:crypto';
import type { UpdateChannel } from '../../preload/contract/update';
import { compareVersions, parseVersion } from './semver';

/** What the feed offers: electron-updater's UpdateInfo, the fields the decision reads. */
export interface Release {
  readonly version: string;
  /** electron-builder's `stagingPercentage` in latest.yml: the share of installs offered it; absent means all. */
  readonly stagingPercentage?: number | undefined;
}

/** What the learner is doing: an update never interrupts an exam or work not yet saved. */
export interface Activity {
  readonly examRunning: boolean;
  readonly unsavedWork: boolean;
}

export type Decision =
  | { readonly action: 'download'; readonly version: string }
  | { readonly action: 'skip'; readonly reason: 'invalid-version' | 'not-newer' | 'other-channel' | 'not-in-rollout' }
  | { readonly action: 'wait'; readonly reason: 'exam' };

/**
 * The channel a version belongs to: a release is stable, a `-beta.N` or `-rc.N` pre-release is
 * beta, any other pre-release (alpha, dev, nightly) is offered to no one.
 */
export function channelOf(version: string): UpdateChannel | null {
  const parsed = parseVersion(version);
  if (!parsed) return null;
  if (parsed.prerelease.length === 0) return 'stable';
  return parsed.prerelease[0] === 'beta' || parsed.prerelease[0] === 'rc' ? 'beta' : null;
}

/** The beta channel takes stable releases too (so it is never behind stable); stable takes only releases. */
export const channelAccepts = (setting: UpdateChannel, release: UpdateChannel) => setting === 'beta' || release === 'stable';

/**
 * Where this install falls in a release's rollout, in [0, 100): stable for one install and one
 * version (so a staged release never flickers in and out), independent across versions (so the
 * same installs are not always the first to take a risk).
 */
export function rolloutPosition(installId: string, version: string): number {
  const digest = createHash('sha256').update(`${installId}\n${version}`).digest();
  return (digest.readUInt32BE(0) / 0x1_0000_0000) * 100;
}

export function withinRollout(installId: string, release: Release): boolean {
  const percentage = release.stagingPercentage;
  if (percentage === undefined || !Number.isFinite(percentage)) return true;
  return rolloutPosition(installId, release.version) < Math.min(100, Math.max(0, percentage));
}

export interface DecisionInput {
  readonly current: string;
  readonly release: Release;
  readonly channel: UpdateChannel;
  readonly installId: string;
  readonly activity: Activity;
}

/** Whether to download the release the feed offers now. Never a downgrade, even after leaving beta. */
export function decideUpdate({ current, release, channel, installId, activity }: DecisionInput): Decision {
  const offered = parseVersion(release.version);
  const running = parseVersion(current);
  const releaseChannel = channelOf(release.version);
  if (!offered || !running) return { action: 'skip', reason: 'invalid-version' };
  if (compareVersions(offered, running) <= 0) return { action: 'skip', reason: 'not-newer' };
  if (!releaseChannel || !channelAccepts(channel, releaseChannel)) return { action: 'skip', reason: 'other-channel' };
  if (!withinRollout(installId, release)) return { action: 'skip', reason: 'not-in-rollout' };
  if (activity.examRunning) return { action: 'wait', reason: 'exam' };
  return { action: 'download', version: release.version };
}

export type RestartDecision = { readonly ok: true } | { readonly ok: false; readonly reason: 'exam' | 'unsaved-work' };

/** Restarting closes the window: not during an exam, not with an editor buffer still unsaved. */
export function mayRestart(activity: Activity): RestartDecision {
  if (activity.examRunning) return { ok: false, reason: 'exam' };
  if (activity.unsavedWork) return { ok: false, reason: 'unsaved-work' };
  return { ok: true };
}

/** Checks at start and then every `intervalMs`; a check due during an exam waits for its end. */
export function nextCheckIn(now: number, lastCheckedAt: number | null, intervalMs: number): number {
  if (lastCheckedAt === null || lastCheckedAt > now) return 0;
  return Math.max(0, lastCheckedAt + intervalMs - now);
}
