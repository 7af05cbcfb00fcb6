import { beforeAll, describe, expect, it, vi } from 'vitest';
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// main.ts wired against fake Electron modules: what it registers at start-up.
type FakeWindow = { options: { webPreferences: Record<string, unknown> }; loadURL: (url: string) => Promise<void>; webContents: { listenerCount(event: string): number } };
const h = vi.hoisted(() => {
  let loaded!: () => void;
  const windowLoaded = new Promise<void>((resolve) => (loaded = resolve));
  return { windows: [] as FakeWindow[], handled: [] as string[], privileged: [] as unknown[], menus: 0, ready: null as null | (() => void), loaded, windowLoaded };
});

vi.mock('electron', async () => {
  const { EventEmitter: EE } = await import('node:events');
  const app = Object.assign(new EE(), {
    setPath: vi.fn(),
    setAboutPanelOptions: vi.fn(),
    getPath: (name: string) => (name === 'userData' ? process.env.TICKLER_USER_DATA_DIR! : '/tmp'),
    getLocale: () => 'ru-RU',
    getVersion: () => '0.1.0',
    isPackaged: true,
    isReady: () => true,
    quit: vi.fn(),
    requestSingleInstanceLock: () => true,
    whenReady: () => new Promise<void>((resolve) => (h.ready = resolve)),
  });
  class BrowserWindow extends EE {
    webContents = Object.assign(new EE(), { send: vi.fn() });
    constructor(public options: FakeWindow['options']) {
      super();
      h.windows.push(this);
    }
    loadURL = vi.fn(async () => h.loaded());
    maximize = vi.fn();
    static getFocusedWindow = () => null;
  }
  const session = { defaultSession: { webRequest: { onBeforeRequest: vi.fn(), onHeadersReceived: vi.fn() }, setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() } };
  return {
    app,
    BrowserWindow,
    dialog: { showErrorBox: vi.fn() },
    ipcMain: { handle: (channel: string) => h.handled.push(channel), removeAllListeners: vi.fn() },
    Menu: { setApplicationMenu: () => h.menus++, buildFromTemplate: (t: unknown) => t },
    Notification: Object.assign(class {}, { isSupported: () => false }),
    protocol: { registerSchemesAsPrivileged: (s: unknown[]) => h.privileged.push(...s), handle: vi.fn() },
    screen: { getAllDisplays: () => [{ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } }], getPrimaryDisplay: () => ({ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } }) },
    session,
    shell: { openExternal: vi.fn() },
  };
});
vi.mock('electron-store', () => ({
  default: class {
    store: Record<string, unknown> = {};
    get(key: string) {
      return this.store[key];
    }
    set(key: string, value: unknown) {
      this.store[key] = value;
    }
  },
}));

beforeAll(async () => {
  process.env.TICKLER_USER_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'tickler-main-'));
  vi.spyOn(fs, 'existsSync').mockImplementation((p) => String(p).endsWith('index.html') || fs.statSync(p, { throwIfNoEntry: false }) !== undefined);
  await import('../../../electron/main');
  h.ready!();
  await h.windowLoaded;
});

describe('main process start-up', () => {
  it('registers the app scheme as standard and secure before ready', () => {
    expect(h.privileged).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
  });

  it('opens one secure window on the app page', () => {
    const win = h.windows[0];
    expect(win.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(win.options.webPreferences.preload).toMatch(/preload\.cjs$/);
    expect(h.windows).toHaveLength(1);
    expect(win.loadURL).toHaveBeenCalledWith('app://tickler/index.html');
  });

  it('registers every bridge channel and a menu', async () => {
    const { INVOKE } = await import('../../../electron/channels');
    expect(h.handled.sort()).toEqual(Object.values(INVOKE).sort());
    expect(h.menus).toBe(1);
  });

  it('offers a reload when the window\'s renderer process dies', () => {
    expect(h.windows[0].webContents.listenerCount('render-process-gone')).toBe(1);
  });

  it('hardens every web contents created', async () => {
    const { app } = (await import('electron')) as unknown as { app: EventEmitter };
    expect(app.listenerCount('web-contents-created')).toBe(1);
    expect(app.listenerCount('second-instance')).toBe(1);
  });
});
