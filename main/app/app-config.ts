// The app's configuration from the environment: the one module that reads process.env (its
// default argument). Entry points (main/cli/index.ts, main/electron/main.ts) read it once and
// pass it down; services receive plain values. A malformed variable stops start-up with a
// message naming it, instead of being ignored.
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { userKeyDir } from '../secrets/key-location';
import { driverRequests, type DriverRequest } from '../sandbox/driver-choice';
import { defaultDataDir } from './data-dir';
import type { Logger } from './logger';
import type { SecretStore } from '../secrets/secret-store';
import type { Updater } from '../update/update-service';
import type { OrgBundle } from '../organisation/org-bundle';

export type Env = Readonly<Record<string, string | undefined>>;

export interface EnvConfig {
  /** DRONA_DATA_DIR, else the platform's user-data folder. */
  readonly dataDir: string;
  /** DRONA_KEY_DIR, else the platform's per-user key folder (main/secrets/key-location.ts). */
  readonly keyDir: string;
  readonly sync: {
    /** DRONA_SYNC_SERVER_URL: a server preset for the learner ('' for none). */
    readonly presetUrl: string;
    /** DRONA_SYNC_INTERVAL_MS: how often the outbox looks for new rows. */
    readonly intervalMs: number;
  };
  readonly sandbox: {
    /**
     * DRONA_SANDBOX_PREWARM: 1 warms the sandbox's runtime at start-up, 0 never (it starts on the
     * first Run); null (unset): the app's default, warm once start-up is done (window shown, serve listening).
     */
    readonly prewarm: boolean | null;
    /** DRONA_SANDBOX_DRIVER: the driver named by the author; null for the app's own choice. */
    readonly driver: DriverRequest | null;
    /** PATH for the process driver's child. */
    readonly childPath: string;
    /** DRONA_DEBIAN_MIRROR and DRONA_DEB_CACHE, for the offline image build. */
    readonly debianMirror: string;
    readonly debCacheDir: string;
  };
  readonly terminal: {
    /** The user's shell (SHELL, or COMSPEC on Windows), when set. */
    readonly shell: string | null;
    /** The environment the terminal's shell starts with. */
    readonly env: Readonly<Record<string, string>>;
  };
  readonly tutor: {
    /** DRONA_ANTHROPIC_BASE_URL: where the Anthropic client sends requests (a proxy, or a local test server); null for Anthropic's own. */
    readonly anthropicBaseUrl: string | null;
  };
  /** False under CI or on Linux without a display: `drona serve` then prints its link only. */
  readonly hasBrowser: boolean;
  /** The hosted API started by `drona server`. */
  readonly server: {
    readonly databaseUrl: string | undefined;
    readonly trustedProxies: string | undefined;
    readonly publicUrl: string | undefined;
    readonly adminToken: string | undefined;
    /** DRONA_RANK_INDEX: off makes rank-around-me always read the database (no in-memory index). */
    readonly rankIndex: boolean;
  };
}

/** What the composition root (services.ts) is built from: the entry point's choices and the environment's config. */
export interface AppConfig {
  readonly dataDir: string;
  readonly mode: 'electron' | 'serve';
  readonly version: string;
  readonly logger: Logger;
  readonly migrationsFolder?: string;
  readonly now?: () => number;
  /** Where the tutor's API key is kept; Electron passes its keyring when there is one, else an encrypted file keyed from the user's folder. */
  readonly secrets?: SecretStore;
  /** Sync and the streak reminder run in the background unless this is false (one-shot CLI commands). */
  readonly backgroundWork?: boolean;
  /** Background work and the sandbox's warm-up wait for this (serve listening, the window shown), so they never delay the first paint; default: at once. */
  readonly startupDone?: Promise<void>;
  /** Folder whose course folders are installed as built-in courses at start-up (default: the app's courses/); null for none. */
  readonly builtinCoursesDir?: string | null;
  /** What the environment configures (app-config.ts), read once by the entry point; tests get the defaults. */
  readonly env?: EnvConfig;
  /** electron-updater behind the Updater port, in a packaged desktop build with a feed; absent elsewhere. */
  readonly updater?: Updater | null;
  /** The organisation profile, already verified by the entry point (the build's, or serve --org-profile); its locked settings are refused. */
  readonly organisation?: OrgBundle | null;
}

export class EnvConfigError extends Error {}

/** An unset and an empty variable mean the same: not set. */
const optional = z
  .string()
  .optional()
  .transform((value) => (value ? value : undefined));
const url = (what: string) =>
  optional.refine((value) => value === undefined || /^https?:\/\/[^\s/]+/.test(value), `${what} must be an http(s) address, like http://127.0.0.1:8787`);

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);
/** The API key goes with every request: https anywhere, plain http only to this computer. */
const keySafeUrl = optional.refine((value) => {
  if (value === undefined) return true;
  if (!URL.canParse(value)) return false;
  const { protocol, hostname, username, password } = new URL(value);
  if (username || password) return false;
  return protocol === 'https:' || (protocol === 'http:' && loopbackHosts.has(hostname));
}, 'must be an https address, or http to this computer (127.0.0.1 or localhost), so the API key is never sent in clear text');

const envSchema = z.object({
  DRONA_ANTHROPIC_BASE_URL: keySafeUrl,
  DRONA_SYNC_SERVER_URL: url('the sync server'),
  DRONA_SYNC_INTERVAL_MS: optional.pipe(
    z
      .string()
      .regex(/^\d+$/, 'must be a whole number of milliseconds, like 60000')
      .transform(Number)
      .refine((ms) => ms >= 50, 'must be at least 50 ms')
      .optional(),
  ),
  DRONA_SANDBOX_PREWARM: optional.pipe(z.enum(['0', '1'], { error: 'must be 1 (warm at start-up) or 0' }).optional()),
  DRONA_SANDBOX_DRIVER: optional.pipe(z.enum(driverRequests, { error: `must be one of ${driverRequests.join(', ')}` }).optional()),
  DRONA_DEBIAN_MIRROR: url('the Debian mirror'),
  DRONA_DEB_CACHE: optional,
  DATABASE_URL: optional,
  DRONA_TRUSTED_PROXIES: optional,
  DRONA_PUBLIC_URL: url('the public address'),
  DRONA_ADMIN_TOKEN: optional,
  DRONA_RANK_INDEX: optional.pipe(z.enum(['on', 'off'], { error: 'must be on or off' }).optional()),
});

export interface Platform {
  readonly platform: NodeJS.Platform;
  readonly home: string;
  readonly isRoot: boolean;
}

const thisPlatform = (): Platform => ({ platform: process.platform, home: os.homedir(), isRoot: process.getuid?.() === 0 });

export function readAppConfig(env: Env = process.env, where: Platform = thisPlatform()): EnvConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new EnvConfigError(`The environment has ${problems.length === 1 ? 'a setting' : 'settings'} Dronacharya cannot use:\n  ${problems.join('\n  ')}`);
  }
  const vars = parsed.data;
  const { platform, home } = where;
  return {
    dataDir: defaultDataDir(env, platform, home),
    keyDir: userKeyDir(env, platform, home),
    sync: { presetUrl: vars.DRONA_SYNC_SERVER_URL ?? '', intervalMs: vars.DRONA_SYNC_INTERVAL_MS ?? 60_000 },
    sandbox: {
      prewarm: vars.DRONA_SANDBOX_PREWARM === undefined ? null : vars.DRONA_SANDBOX_PREWARM === '1',
      driver: vars.DRONA_SANDBOX_DRIVER ?? null,
      childPath: env.PATH || '/usr/local/bin:/usr/bin:/bin',
      debianMirror: vars.DRONA_DEBIAN_MIRROR ?? 'http://deb.debian.org/debian',
      debCacheDir: vars.DRONA_DEB_CACHE ?? (where.isRoot ? '/var/cache/drona-debs' : path.join(home, '.cache', 'drona', 'debs')),
    },
    terminal: {
      shell: (platform === 'win32' ? env.COMSPEC : env.SHELL) || null,
      env: Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined)),
    },
    tutor: { anthropicBaseUrl: vars.DRONA_ANTHROPIC_BASE_URL ?? null },
    hasBrowser: !env.CI && !(platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY),
    server: {
      databaseUrl: vars.DATABASE_URL,
      trustedProxies: vars.DRONA_TRUSTED_PROXIES,
      publicUrl: vars.DRONA_PUBLIC_URL,
      adminToken: vars.DRONA_ADMIN_TOKEN,
      rankIndex: vars.DRONA_RANK_INDEX !== 'off',
    },
  };
}

/** What tests get when they pass no config: the defaults, none of the host's variables. */
export const defaultEnvConfig = (): EnvConfig => readAppConfig({});

/**
 * The key folder for callers that pass none (tests, the eval harness: DRONA_KEY_DIR keeps their
 * keys out of the user's folder). The app passes its config's keyDir.
 */
export const defaultKeyDir = (env: Env = process.env): string => userKeyDir(env, process.platform, os.homedir());
