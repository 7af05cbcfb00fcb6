import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, Notification, protocol, screen, session, shell } from 'electron';
import ElectronStore from 'electron-store';
import type { AppCommand } from '../shared/bridge';
import { APP_INDEX_URL, APP_SCHEME } from './app-url';
import { EVENTS } from './channels';
import { createInsecureLinkConfirm } from './insecure-link-prompt';
import { createIpcRegistry, registerIpc } from './ipc';
import { buildRoutes } from './ipc-routes';
import { buildMenuTemplate, menuLocaleOf, type MenuLocale } from './menu';
import { createAppProtocolHandler } from './protocol';
import { hardenSession, hardenWebContents, openExternalSafely } from './security';
import { createRendererGoneHandler } from './renderer-gone';
import { createBackupService } from './services/backups';
import { createMarkerService, markerStoreOptions } from './services/binder-marker';
import { copyDbAsideOnUpdate } from './services/db-copy';
import { createFileService } from './services/files';
import { createNotificationService } from './services/notifications';
import { osUserName } from './services/os-user';
import { createPdfService } from './services/pdf';
import { createSettingsService, settingsStoreOptions } from './services/settings';
import { clampWindowState, loadWindowState, MIN_SIZE, secureWebPreferences, trackWindowState } from './window';

// Tests and portable setups point the profile elsewhere; must happen before 'ready'.
if (process.env.TICKLER_USER_DATA_DIR) app.setPath('userData', path.resolve(process.env.TICKLER_USER_DATA_DIR));

// The app's own origin: standard + secure so IndexedDB, ES modules and workers behave as on https.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

const rendererDir = path.join(__dirname, '..', 'renderer');
let mainWindow: BrowserWindow | null = null;
// The interface language as settings say once they are read (start), the system's before.
let uiLanguage: () => 'ru' | 'en' | 'ro' | null = () => null;
const confirmInsecureLink = createInsecureLinkConfirm({
  dialog,
  getWindow: () => mainWindow,
  locale: () => menuLocaleOf(uiLanguage(), app.getLocale()),
});
const openExternal = (url: string) => openExternalSafely(shell, url, confirmInsecureLink);

function log(message: string, err?: unknown) {
  console.error(`[tickler] ${message}`, err ?? '');
}

/** A failure in main is logged in full; the user sees a sentence, never a stack trace. */
function reportFatal(err: unknown) {
  log('unexpected error', err);
  const message = err instanceof Error ? err.message : String(err);
  dialog.showErrorBox('Tickler CRM', `Something went wrong / Что-то пошло не так:\n${message}`);
}
process.on('uncaughtException', reportFatal);
process.on('unhandledRejection', reportFatal);

function sendToWindow(channel: string, value: unknown) {
  const win = BrowserWindow.getFocusedWindow() ?? mainWindow;
  win?.webContents.send(channel, value);
}

/** The menu's language, for the few texts main shows itself. */
const uiLang = () => menuLocaleOf(uiLanguage(), app.getLocale());

async function createWindow(statePath: string) {
  const displays = screen.getAllDisplays();
  const primary = screen.getPrimaryDisplay();
  const areas = [primary, ...displays.filter((d) => d.id !== primary.id)].map((d) => d.workArea);
  const state = clampWindowState(await loadWindowState(statePath, (f) => fs.promises.readFile(f, 'utf8')), areas);
  const iconPath = path.join(__dirname, 'icon.png');

  const win = new BrowserWindow({
    x: state.x,
    y: state.y,
    width: state.width,
    height: state.height,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    title: 'Tickler CRM',
    icon: fs.existsSync(iconPath) ? iconPath : undefined,
    webPreferences: secureWebPreferences(path.join(__dirname, 'preload.cjs')),
  });
  if (state.maximized) win.maximize();
  trackWindowState(win, (s) => {
    // Written synchronously: the process may exit right after 'close'. Temp + rename keeps it whole.
    try {
      fs.writeFileSync(statePath + '.tmp', JSON.stringify(s));
      fs.renameSync(statePath + '.tmp', statePath);
    } catch (err) {
      log('could not save the window state', err);
    }
  });
  win.once('ready-to-show', () => win.show());
  const onGone = createRendererGoneHandler({
    lang: uiLang(),
    ask: (opts) => dialog.showMessageBox(win, opts),
    reload: () => win.webContents.reload(),
    quit: () => app.quit(),
  });
  win.webContents.on('render-process-gone', (_event, details) => {
    log(`renderer gone: ${details.reason} (${details.exitCode})`);
    if (!win.isDestroyed()) onGone(details).catch(reportFatal);
  });
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  await win.loadURL(APP_INDEX_URL);
  return win;
}

async function start() {
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
    dialog.showErrorBox('Tickler CRM', 'The app is not built yet. Run "npm start" (or "npm run build") first.');
    app.quit();
    return;
  }
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir, (f) => fs.promises.readFile(f)));
  hardenSession(session.defaultSession);

  const userData = app.getPath('userData');
  app.setAboutPanelOptions({ applicationName: 'Tickler CRM', applicationVersion: app.getVersion(), iconPath: path.join(__dirname, 'icon.png') });
  const store = new ElectronStore<Record<string, unknown>>(settingsStoreOptions());
  // electron-store answers a synchronous IPC for renderer-side stores; the app has none
  // (settings go through the Bridge), so that channel is closed.
  ipcMain.removeAllListeners('electron-store-get-data');
  const setMenu = (language: MenuLocale | null) =>
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        buildMenuTemplate({
          locale: menuLocaleOf(language, app.getLocale()),
          isDev: !app.isPackaged,
          isMac: process.platform === 'darwin',
          send: (command: AppCommand) => sendToWindow(EVENTS.command, command),
        }),
      ),
    );
  const settings = createSettingsService(store, (next, patch) => {
    if ('language' in patch) setMenu(next.language);
  });
  uiLanguage = () => settings.get().language;
  const markerStore = new ElectronStore<Record<string, unknown>>(markerStoreOptions());
  const marker = createMarkerService(markerStore);
  // Before the window (and its database) opens: an update's schema upgrade can then be undone by hand.
  try {
    const copy = await copyDbAsideOnUpdate({ userData, version: app.getVersion(), lastVersion: markerStore.get('lastAppVersion') as string | undefined });
    if (copy.copied) log(`IndexedDB copied aside to ${copy.to}`);
  } catch (err) {
    log('could not copy the IndexedDB folder aside before the update', err);
  }
  markerStore.set('lastAppVersion', app.getVersion());
  const backupsDir = path.join(userData, 'backups');
  const backups = createBackupService(backupsDir);
  const files = createFileService({ dialog, getWindow: () => mainWindow, defaultDir: () => app.getPath('documents') });

  const registry = createIpcRegistry(
    buildRoutes({
      settings,
      files,
      backups: {
        ...backups,
        openFolder: async () => {
          await fs.promises.mkdir(backupsDir, { recursive: true });
          return (await shell.openPath(backupsDir)) === '';
        },
      },
      marker,
      notifications: createNotificationService({
        Notification,
        getWindow: () => mainWindow,
        sendClick: (tag) => mainWindow?.webContents.send(EVENTS.notificationClick, tag),
      }),
      pdf: createPdfService({ getWindow: () => mainWindow, showSave: files.showSave }),
      openExternal,
      appInfo: () => ({ version: app.getVersion(), platform: 'electron', userDataDir: userData, backupsDir }),
      osUserName: () => osUserName(),
    }),
    log,
  );
  registerIpc(ipcMain, registry);
  setMenu(settings.get().language);

  mainWindow = await createWindow(path.join(userData, 'window-state.json'));
}

// One instance: a second launch focuses the open window instead of opening the same data twice.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, shell, confirmInsecureLink));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (app.isReady() && !mainWindow) {
      void createWindow(path.join(app.getPath('userData'), 'window-state.json')).then((w) => (mainWindow = w), reportFatal);
    }
  });
  app.whenReady().then(start).catch(reportFatal);
}
