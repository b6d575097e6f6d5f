import type { Command } from 'commander';
import path from 'node:path';
import type { EnvConfig } from '../../app/app-config';
import type { DronaApp } from '../../app/create-app';
import fs from 'node:fs';
import { prepareDataDir } from '../../app/data-dir';
import { createLogger } from '../../app/logger';
import { appVersion, packageRoot } from '../../app/package-info';
import { writeLaunchFile, type LaunchFile } from '../../serve/launch-file';
import { startServeServer } from '../../serve/serve-server';
import { CliUserError } from '../cli-error';
import { messageOf } from '../../../preload/contract/errors';

const SHUTDOWN_GRACE_MS = 5000;
/** Background work (sync, reminders, the digest) starts this long after the app: the browser's first paint comes first. */
const BACKGROUND_AFTER_APP_MS = 1000;
/**
 * The app starts once the browser has the page it paints first, or this long after listening when
 * no browser asks sooner: loading and opening it holds the event loop, which would hold that page back.
 */
const APP_AFTER_LISTEN_MS = 300;

interface ServeFlags {
  port?: string;
  dataDir?: string;
  orgProfile?: string;
  profile?: string;
  orgPublicKey?: string;
  open: boolean;
  clockAheadHours?: string;
}

/**
 * Opens the system browser on the launch file, never on the token URL: the launcher's arguments
 * are readable by every user in `ps`. Null when there is no browser or no file could be written.
 */
async function openInBrowser(url: string, logger: { warn(message: string): void }, hasBrowser: boolean): Promise<LaunchFile | null> {
  if (!hasBrowser) return null;
  let launch: LaunchFile;
  try {
    launch = writeLaunchFile(url);
  } catch (error) {
    logger.warn(`could not write the page that opens the browser (${messageOf(error)}); open the link above instead`);
    return null;
  }
  try {
    const { default: open } = await import('open');
    const child = await open(launch.url);
    child.on('error', () => {});
  } catch {
    // No system browser: the printed link is enough.
  }
  return launch;
}

export function registerServeCommand(program: Command, config: EnvConfig): void {
  program
    .command('serve')
    .description('run Dronacharya for a browser on this machine (127.0.0.1 only, with a per-start token)')
    .option('-p, --port <port>', 'port to listen on (default: any free port)')
    .option('--data-dir <dir>', "where the learner data lives (default: the desktop app's data folder)")
    .option('--profile <id>', 'the learner profile (drona profile list) whose data to serve; its PIN is asked here')
    .option('--no-open', 'do not open the system browser')
    .option('--clock-ahead-hours <hours>', "run the app's clock this many hours ahead (to try tomorrow's reviews and reminders today)")
    .option('--org-profile <file>', 'a signed organisation profile (.dronaorg) to apply; needs --org-public-key')
    .option('--org-public-key <file>', "the organisation's Ed25519 public key (PEM) that signed --org-profile")
    .action(async (flags: ServeFlags) => {
      const port = flags.port === undefined ? 0 : Number(flags.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        throw new CliUserError(`--port must be a whole number from 0 to 65535, not "${flags.port}".`);
      }
      const logger = createLogger();
      const root = flags.dataDir ? path.resolve(flags.dataDir) : config.dataDir;
      // The app's code loads only when needed (and the app itself after the URL prints): a start of
      // serve mode reads and compiles just this command's code before the browser can ask for the page.
      const dataDir = flags.profile ? await (await import('../../learner-profiles/profile-command')).profileDataDirFor(root, flags.profile) : root;
      const aheadHours = flags.clockAheadHours === undefined ? 0 : Number(flags.clockAheadHours);
      if (!Number.isFinite(aheadHours) || aheadHours < 0 || aheadHours > 24 * 366) {
        throw new CliUserError(`--clock-ahead-hours must be a number of hours from 0 to 8784, not "${flags.clockAheadHours}".`);
      }
      const ahead = aheadHours * 3_600_000;
      let organisation = null;
      if (flags.orgProfile) {
        if (!flags.orgPublicKey) throw new CliUserError('--org-profile needs --org-public-key: the key the profile is verified against.');
        const { loadOrgBundle } = await import('../../organisation/org-bundle');
        try {
          organisation = loadOrgBundle(flags.orgProfile, fs.readFileSync(flags.orgPublicKey, 'utf8'), new Date());
        } catch (error) {
          throw new CliUserError(messageOf(error));
        }
      }
      // The folder is made before the URL prints, so a folder that cannot be made (a file in
      // the way, procfs, no permission) is a message and exit 1, not a page that never loads.
      // Its permission warning, if any, is logged when the app starts.
      try {
        prepareDataDir(dataDir);
      } catch (error) {
        throw new CliUserError(messageOf(error));
      }
      let listening = () => {};
      const startupDone = new Promise<void>((resolve) => (listening = resolve));
      let started!: (app: DronaApp) => void;
      let failed!: (error: unknown) => void;
      const starting = new Promise<DronaApp>((resolve, reject) => ((started = resolve), (failed = reject)));
      let server;
      try {
        server = await startServeServer({ app: starting, logger, port, rendererDir: path.join(packageRoot(), 'dist', 'renderer') });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EADDRINUSE') throw new CliUserError(`Port ${port} is already in use; pick another with --port.`);
        throw new CliUserError(messageOf(error));
      }
      // The one line that carries the token, for this user's own terminal (as Jupyter prints
      // it); the logger redacts it from here on.
      process.stdout.write(`Dronacharya is running at ${server.url}\n`);
      // The browser starts while the app does; openInBrowser never rejects.
      const launching = flags.open ? openInBrowser(server.url, logger, config.hasBrowser) : Promise.resolve(null);
      await Promise.race([server.pageSent, new Promise((resolve) => setTimeout(resolve, APP_AFTER_LISTEN_MS))]);
      let app: DronaApp;
      try {
        const { createAppForFolder } = await import('../../learner-profiles/profile-picker');
        app = createAppForFolder({
          dataDir,
          mode: 'serve',
          startupDone,
          version: appVersion(),
          logger,
          env: config,
          organisation,
          ...(ahead > 0 ? { now: () => Date.now() + ahead } : {}),
        });
      } catch (error) {
        failed(error);
        await server.close();
        (await launching)?.remove();
        throw error;
      }
      started(app);
      setTimeout(listening, BACKGROUND_AFTER_APP_MS).unref();
      logger.info(`serving data from ${dataDir}`);
      const launch = await launching;
      if (launch) {
        process.once('exit', () => launch.remove());
        process.stdout.write(`Opened in your browser through ${launch.url} (readable only by you).\n`);
      }
      const stop = async (signal: string) => {
        logger.info(`${signal}: shutting down`);
        // Every write is already committed to SQLite; a stuck close (a container, a socket)
        // must not keep the process alive.
        setTimeout(() => {
          logger.warn(`shutdown took over ${SHUTDOWN_GRACE_MS} ms; exiting anyway`);
          process.exit(0);
        }, SHUTDOWN_GRACE_MS).unref();
        await server.close();
        await app.close();
        process.exit(0);
      };
      process.once('SIGINT', () => void stop('SIGINT'));
      process.once('SIGTERM', () => void stop('SIGTERM'));
    });
}
