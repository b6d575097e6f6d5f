// The electron-builder configuration `npm run dist` hands over. Pure: electron-builder.yml, the
// platform, the options and the environment in; the config out (validated against
// electron-builder's schema in builder-config.test.ts, without packaging).
import { macSigning, type DistPlatform } from './signing';

export type BuilderConfig = Record<string, unknown> & { extraResources?: unknown[] };

export interface DistOptions {
  readonly platform: DistPlatform;
  /** A generic update feed (--update-url, DRONA_UPDATE_URL or the organisation's updateFeed): electron-builder writes app-update.yml and latest*.yml for it. */
  readonly updateUrl: string | null;
  /** node_modules/electron/dist when the runtime is unpacked there; otherwise electron-builder takes it from its cache. */
  readonly electronDist: string | null;
  readonly env: Readonly<Record<string, string | undefined>>;
}

export function distConfig(base: BuilderConfig, options: DistOptions): BuilderConfig {
  const config: BuilderConfig = { ...base };
  if (options.platform === 'mac') config.mac = { ...(base.mac as object | undefined), ...macSigning(options.env) };
  if (options.updateUrl) config.publish = [{ provider: 'generic', url: options.updateUrl }];
  if (options.electronDist) config.electronDist = options.electronDist;
  return config;
}

export function distPlatform(platform: NodeJS.Platform): DistPlatform {
  return platform === 'darwin' ? 'mac' : platform === 'win32' ? 'win' : 'linux';
}

/** An http(s) URL, or an error naming the option; a feed over plain http is allowed only on loopback. */
export function checkUpdateUrl(value: string, option: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${option} "${value}" is not a URL; give the feed's address, e.g. https://your.server/updates.`);
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback))
    throw new Error(`${option} must be an https URL (updates are code the app runs), not "${value}".`);
  return url.toString();
}
