import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectronBinary } from '../../scripts/start-lib.mjs';

// Runs the built app (dist/electron + dist/renderer, see scripts/test-electron.mjs) in a
// real Electron. Machines without the binary skip with the reason instead of failing.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const binary = findElectronBinary(path.join(root, 'node_modules', 'electron'));
if (!binary.ok) console.log(`Electron tests skipped: no Electron binary on this machine (${binary.reason}).`);
test.skip(!binary.ok, binary.ok ? '' : `no Electron binary (${binary.reason})`);

let app: ElectronApplication;
let page: Page;
let userData: string;

test.beforeAll(async () => {
  userData = fs.mkdtempSync(path.join(os.tmpdir(), 'tickler-electron-'));
  app = await electron.launch({
    executablePath: binary.ok ? binary.path : undefined,
    args: ['--lang=en-US', root],
    cwd: root,
    env: { ...process.env, TICKLER_USER_DATA_DIR: userData, LANG: 'en_US.UTF-8' },
  });
  page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
});

test.afterAll(async () => {
  await app?.close();
  fs.rmSync(userData, { recursive: true, force: true });
});

test('the window opens on Today from the app origin', async () => {
  expect(page.url()).toMatch(/^app:\/\/tickler\/index\.html/);
  await expect(page.getByRole('navigation')).toContainText('Binder');
  await expect(page.locator('nav a.active')).toHaveAttribute('href', '#/today');
});

test('the page has no Node and sees only the Bridge', async () => {
  const globals = await page.evaluate(() => ({
    require: typeof (window as unknown as { require?: unknown }).require,
    process: typeof (window as unknown as { process?: unknown }).process,
    module: typeof (window as unknown as { module?: unknown }).module,
    bridgeKeys: Object.keys(window.tickler ?? {}).sort(),
    platform: window.tickler?.platform,
  }));
  expect(globals).toMatchObject({ require: 'undefined', process: 'undefined', module: 'undefined', platform: 'electron' });
  expect(globals.bridgeKeys).toEqual(
    ['appInfo', 'getBinderMarker', 'getSettings', 'listBackups', 'notify', 'onCommand', 'onNotificationClick', 'openBackupsFolder', 'openExternal', 'openFile', 'platform', 'printPage', 'readBackup', 'saveFile', 'setBinderMarker', 'setSettings', 'writeBackup'],
  );
});

test('a menu command navigates', async () => {
  await app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.getMenuItemById('go-binder')?.click());
  await expect(page.locator('nav a.active')).toHaveAttribute('href', '#/binder');
  await app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.getMenuItemById('go-today')?.click());
  await expect(page.locator('nav a.active')).toHaveAttribute('href', '#/today');
});

test('saving an export writes the file the user chose', async () => {
  const target = path.join(userData, 'export.xlsx');
  // Stand in for the user in the native save dialog.
  await app.evaluate(({ dialog }, file) => {
    dialog.showSaveDialog = (async () => ({ canceled: false, filePath: file })) as typeof dialog.showSaveDialog;
  }, target);
  const result = await page.evaluate(() => window.tickler!.saveFile({ suggestedName: 'portfolio.xlsx', data: new Uint8Array([80, 75, 3, 4]) }));
  expect(result).toEqual({ saved: true, path: target });
  expect([...fs.readFileSync(target)]).toEqual([80, 75, 3, 4]);
});

test('invalid requests come back as messages, not stacks', async () => {
  const message = await page.evaluate(() => window.tickler!.setSettings({ capacity: -1 }).then(() => 'stored', (e: Error) => e.message));
  expect(message).toMatch(/^Invalid request/);
  expect(message).not.toMatch(/\bat .*:\d+:\d+/);
});

test('the window cannot be navigated away or open new windows', async () => {
  await app.evaluate(({ shell }) => {
    (globalThis as { opened?: string[] }).opened = [];
    shell.openExternal = (async (url: string) => void (globalThis as unknown as { opened: string[] }).opened.push(url)) as typeof shell.openExternal;
  });
  const popup = await page.evaluate(() => window.open('https://example.com/') === null);
  expect(popup).toBe(true);
  await page.evaluate(() => {
    window.location.href = 'file:///etc/passwd';
  });
  await expect(page.locator('nav')).toBeVisible();
  expect(page.url()).toMatch(/^app:\/\/tickler\//);
  expect(await app.evaluate(() => (globalThis as { opened?: string[] }).opened)).toEqual(['https://example.com/']);
});
