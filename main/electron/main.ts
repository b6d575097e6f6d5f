// Electron glue: the only code that imports 'electron'. Everything else is plain Node
// services built by the composition root, shared with serve mode and the CLI.
import { app, BrowserWindow, dialog, ipcMain, nativeTheme, net, protocol, session, shell, type WebContents } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../../preload/client';
import { readAppConfig } from '../app/app-config';
import { createAppForFolder } from '../learner-profiles/profile-picker';
import { contentSecurityPolicy } from '../app/content-security-policy';
import { createLogger } from '../app/logger';
import { packageRoot } from '../app/package-info';
import { dispatchCall } from '../ipc/dispatch';
import { streakReminderSchema } from '../../preload/contract/progress';
import { safeStorageSecretStore } from './safe-storage-secrets';
import { notifyStreakReminder } from './streak-reminder-notification';
import { notifyWeeklyDigest } from './digest-notification';
import { digestNoticeSchema } from '../../preload/contract/progress-metrics';
import { readOrCreateInstallId } from '../update/install-id';
import { bundlePathsIn, openBundle } from './open-bundle';
import { electronUpdaterPort, updateFeedFrom } from './updater';
import { bakedOrgPublicKey, loadBakedOrg } from '../organisation/baked-org';
import { messageOf } from '../../preload/contract/errors';

const APP_ORIGIN = 'app://drona';
/** Links the app may open, always in the system browser, never inside the app's window. */
const EXTERNAL_ALLOW_LIST = [/^https:\/\/(www\.)?linkedin\.com\//, /^https:\/\/docs\.python\.org\//, /^https:\/\/developer\.mozilla\.org\//];

protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);

const dataDirFlag = process.argv.find((arg) => arg.startsWith('--data-dir='));
if (dataDirFlag) app.setPath('userData', path.resolve(dataDirFlag.slice('--data-dir='.length)));

const rendererDir = path.join(packageRoot(), 'dist', 'renderer');
const logger = createLogger();
// The one place the desktop app reads its environment; everything below gets the parsed config.
const env = readAppConfig(process.env);

// macOS opens files with an event, possibly before the app is ready: keep them until it is.
const opened: string[] = [];
let openNow: ((file: string) => void) | null = null;
app.on('open-file', (event, file) => {
  event.preventDefault();
  if (openNow) openNow(file);
  else opened.push(file);
});

/** electron-updater only in a packaged build with a feed: from the environment, or baked in by `npm run dist --update-url`. */
function createUpdater() {
  const feed = updateFeedFrom(process.env.DRONA_UPDATE_URL, process.env.DRONA_UPDATE_GITHUB);
  if (!app.isPackaged || (!feed && !fs.existsSync(path.join(process.resourcesPath, 'app-update.yml')))) return null;
  return electronUpdaterPort(feed, () => readOrCreateInstallId(app.getPath('userData')), logger);
}

function openExternalIfAllowed(url: string): void {
  if (EXTERNAL_ALLOW_LIST.some((pattern) => pattern.test(url)))
    void shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK: only https URLs on the allow-list above reach the system browser.
  else logger.warn(`blocked navigation to ${url}`);
}

function hardenContents(contents: WebContents): void {
  contents.setWindowOpenHandler(({ url }) => {
    openExternalIfAllowed(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) {
      event.preventDefault();
      openExternalIfAllowed(url);
    }
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

async function main(): Promise<void> {
  await app.whenReady();
  let organisation;
  try {
    organisation = loadBakedOrg(process.resourcesPath, bakedOrgPublicKey(), new Date());
  } catch (error) {
    // A tampered, expired or missing profile would unlock what the organisation locked: refuse to start.
    dialog.showErrorBox('Dronacharya cannot start', messageOf(error));
    app.exit(1);
    return;
  }
  // Background work and the Docker pool's warm containers wait until the window is shown.
  let shown = () => {};
  const startupDone = new Promise<void>((resolve) => (shown = resolve));
  const drona = createAppForFolder({
    organisation,
    startupDone,
    dataDir: app.getPath('userData'),
    mode: 'electron',
    version: app.getVersion(),
    logger,
    env,
    secrets: safeStorageSecretStore(app.getPath('userData'), env.keyDir),
    updater: createUpdater(),
  });
  openNow = (file) => void openBundle(drona, file);
  for (const file of [...bundlePathsIn(process.argv), ...opened.splice(0)]) openNow(file);

  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  protocol.handle('app', async (request) => {
    const { pathname } = new URL(request.url);
    const file = path.resolve(rendererDir, pathname === '/' ? 'index.html' : decodeURIComponent(pathname).slice(1));
    if (!file.startsWith(rendererDir + path.sep)) return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', contentSecurityPolicy());
    return new Response(response.body, { status: response.status, headers });
  });

  ipcMain.handle(IPC_CALL_CHANNEL, async (event, message: unknown) => {
    // Only our own page may call: a frame from anywhere else is refused.
    if (!event.senderFrame || !event.senderFrame.url.startsWith(`${APP_ORIGIN}/`)) {
      return { ok: false, error: { code: 'forbidden', message: 'This frame may not call Dronacharya.' } };
    }
    const { name, input } = (message ?? {}) as { name?: unknown; input?: unknown };
    return dispatchCall(drona.handlers, name, input, { sessionId: String(event.sender.id), events: drona.events }, logger);
  });

  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 900,
    minHeight: 600,
    title: 'Dronacharya',
    // The tokens' --bg (renderer/src/styles/tokens.css) of the system's theme, as the startup frame paints it.
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#1e1f22' : '#ffffff',
    show: false,
    webPreferences: {
      preload: path.join(packageRoot(), 'dist', 'preload', 'preload.cjs'), // eng-disable PRELOAD_JS_CHECK: the preload exposes only the validated contract bridge (preload/bridge.ts), no Node APIs.
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  hardenContents(window.webContents);
  const sessionId = String(window.webContents.id);
  const unsubscribe = drona.events.subscribe((name, payload, target) => {
    if (window.isDestroyed()) return;
    if (target === null || target === sessionId) {
      window.webContents.send(IPC_EVENT_CHANNEL, name, payload);
    }
    if (name === 'progress.streakReminder') {
      const reminder = streakReminderSchema.safeParse(payload);
      if (reminder.success) notifyStreakReminder(window, reminder.data);
    }
    if (name === 'progress.digestReady') {
      const notice = digestNoticeSchema.safeParse(payload);
      if (notice.success) notifyWeeklyDigest(window, notice.data);
    }
  });
  window.once('ready-to-show', () => {
    window.show();
    shown();
  });
  window.on('closed', () => {
    unsubscribe();
    drona.events.endSession(sessionId);
  });
  await window.loadURL(`${APP_ORIGIN}/index.html`);
  shown(); // also when the page never signalled ready-to-show

  app.on('window-all-closed', () => {
    void drona.close().then(() => app.quit());
  });
}

app.on('web-contents-created', (_event, contents) => hardenContents(contents));
main().catch((error: unknown) => {
  logger.error(`Dronacharya could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  app.exit(2);
});
