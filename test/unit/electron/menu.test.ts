import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { buildMenuTemplate, menuLocaleOf, type MenuOptions } from '../../../electron/menu';

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flatten(i.submenu) : [])]);
}
function menu(opts: Partial<MenuOptions> = {}) {
  const send = vi.fn();
  const items = flatten(buildMenuTemplate({ locale: 'en', isDev: false, isMac: false, send, ...opts }));
  const byId = (id: string) => items.find((i) => i.id === id)!;
  return { items, byId, send };
}
const click = (item: MenuItemConstructorOptions) => (item.click as () => void)();

describe('application menu', () => {
  it.each([
    ['new-dossier', 'CmdOrCtrl+N'],
    ['import', 'CmdOrCtrl+O'],
    ['export', 'CmdOrCtrl+E'],
    ['print', 'CmdOrCtrl+P'],
    ['go-today', 'Alt+1'],
    ['go-binder', 'Alt+2'],
    ['go-calendar', 'Alt+3'],
    ['go-dossiers', 'Alt+4'],
    ['go-sync', 'Alt+5'],
    ['go-settings', 'Alt+6'],
    ['find', 'CmdOrCtrl+F'],
  ])('%s has %s and sends its command', (id, accelerator) => {
    const { byId, send } = menu();
    expect(byId(id).accelerator).toBe(accelerator);
    click(byId(id));
    expect(send).toHaveBeenCalledWith(id);
  });

  it('has Backup now and the edit roles', () => {
    const { byId, items, send } = menu();
    click(byId('backup'));
    expect(send).toHaveBeenCalledWith('backup');
    const roles = items.map((i) => i.role);
    for (const role of ['redo', 'cut', 'copy', 'paste', 'selectAll', 'about']) expect(roles).toContain(role);
  });

  it('sends Ctrl+Z to the app, which undoes the last refile or the field edit', () => {
    const { byId, send } = menu();
    expect(byId('undo').accelerator).toBe('CmdOrCtrl+Z');
    click(byId('undo'));
    expect(send).toHaveBeenCalledWith('undo');
  });

  it('offers reload and developer tools only in development', () => {
    expect(menu({ isDev: false }).items.map((i) => i.role)).not.toContain('toggleDevTools');
    expect(menu({ isDev: false }).items.map((i) => i.role)).not.toContain('reload');
    expect(menu({ isDev: true }).items.map((i) => i.role)).toEqual(expect.arrayContaining(['toggleDevTools', 'reload']));
  });

  it('is labelled in Russian and English', () => {
    expect(menu({ locale: 'ru' }).byId('new-dossier').label).toBe('Новое досье');
    expect(menu({ locale: 'en' }).byId('new-dossier').label).toBe('New dossier');
    expect(menu({ locale: 'ru' }).items[0]!.label).toBe('&Файл');
  });

  it('follows the chosen language, else the system locale', () => {
    expect(menuLocaleOf('en', 'ru-RU')).toBe('en');
    expect(menuLocaleOf(null, 'ru-RU')).toBe('ru');
    expect(menuLocaleOf(null, 'de-DE')).toBe('en');
  });
});
