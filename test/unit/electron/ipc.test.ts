import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { APP_INDEX_URL } from '../../../electron/app-url';
import { INVOKE } from '../../../electron/channels';
import { createIpcRegistry, FOREIGN_SENDER, isTrustedSender, registerIpc, route, UNKNOWN_CHANNEL } from '../../../electron/ipc';
import { buildRoutes, type RouteServices } from '../../../electron/ipc-routes';
import { createSettingsService } from '../../../electron/services/settings';

const fromApp = { senderFrame: { url: `${APP_INDEX_URL}#/today` } };

describe('sender check', () => {
  it('trusts only the app page', () => {
    expect(isTrustedSender(fromApp)).toBe(true);
    expect(isTrustedSender({ senderFrame: { url: 'https://evil.example/' } })).toBe(false);
    expect(isTrustedSender({ senderFrame: { url: 'file:///etc/passwd' } })).toBe(false);
    expect(isTrustedSender({ senderFrame: { url: 'devtools://devtools/bundled/inspector.html' } })).toBe(false);
    expect(isTrustedSender({ senderFrame: null })).toBe(false);
  });
});

describe('IPC registry', () => {
  const setup = () => {
    const handler = vi.fn((p: { n: number }) => p.n * 2);
    const registry = createIpcRegistry({ double: route(z.object({ n: z.number().int() }).strict(), handler) });
    return { handler, registry };
  };

  it('validates, runs the handler and wraps the value', async () => {
    const { registry, handler } = setup();
    expect(await registry.dispatch('double', fromApp, { n: 21 })).toEqual({ ok: true, value: 42 });
    expect(handler).toHaveBeenCalledOnce();
  });

  it('refuses a foreign sender without calling the handler', async () => {
    const { registry, handler } = setup();
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'devtools://devtools/x']) {
      expect(await registry.dispatch('double', { senderFrame: { url } }, { n: 1 })).toEqual({ ok: false, error: FOREIGN_SENDER });
    }
    expect(handler).not.toHaveBeenCalled();
  });

  it('refuses invalid payloads without calling the handler', async () => {
    const { registry, handler } = setup();
    for (const bad of [undefined, null, 'x', { n: 1.5 }, { n: '1' }, { n: 1, extra: true }]) {
      const res = await registry.dispatch('double', fromApp, bad);
      expect(res.ok).toBe(false);
      if (!res.ok) expect(res.error).toMatch(/^Invalid request/);
    }
    expect(handler).not.toHaveBeenCalled();
  });

  it('refuses unknown channels, including inherited object keys', async () => {
    const { registry } = setup();
    expect(await registry.dispatch('nope', fromApp, {})).toEqual({ ok: false, error: UNKNOWN_CHANNEL });
    expect(await registry.dispatch('toString', fromApp, {})).toEqual({ ok: false, error: UNKNOWN_CHANNEL });
  });

  it('returns a failing handler as its message only, never a stack', async () => {
    const log = vi.fn();
    const registry = createIpcRegistry(
      {
        boom: route(z.undefined(), () => {
          throw new Error('Disk full');
        }),
      },
      log,
    );
    const res = await registry.dispatch('boom', fromApp, undefined);
    expect(res).toEqual({ ok: false, error: 'Disk full' });
    expect(JSON.stringify(res)).not.toMatch(/\bat\s|\.ts:\d/);
    expect(log).toHaveBeenCalled();
  });

  it('registers every channel with ipcMain.handle (invoke only)', () => {
    const { registry } = setup();
    const ipcMain = { handle: vi.fn() };
    registerIpc(ipcMain, registry);
    expect(ipcMain.handle).toHaveBeenCalledWith('double', expect.any(Function));
  });
});

describe('the app routes', () => {
  function services() {
    const store = { store: {} as Record<string, unknown> };
    const s = {
      settings: createSettingsService(store),
      files: { saveFile: vi.fn(async () => ({ saved: true, path: '/x' })), openFile: vi.fn(async () => null) },
      backups: { write: vi.fn(), list: vi.fn(async () => []), read: vi.fn(async () => new Uint8Array()), openFolder: vi.fn(async () => true) },
      marker: { get: vi.fn(() => null), set: vi.fn() },
      notifications: { notify: vi.fn() },
      pdf: { printPage: vi.fn(async () => ({ done: true })) },
      openExternal: vi.fn(async () => true),
      appInfo: () => ({ version: '1.0.0', platform: 'electron' as const, userDataDir: '/u', backupsDir: '/u/backups' }),
      osUserName: vi.fn(() => 'Anna Smirnova'),
    } satisfies RouteServices;
    return { s, registry: createIpcRegistry(buildRoutes(s)) };
  }

  it('cover every Bridge call', () => {
    expect(Object.keys(buildRoutes(services().s)).sort()).toEqual(Object.values(INVOKE).sort());
  });

  it('refuse a save whose data is not bytes or whose name is empty', async () => {
    const { s, registry } = services();
    expect((await registry.dispatch(INVOKE.saveFile, fromApp, { suggestedName: 'a.xlsx', data: 'AAAA' })).ok).toBe(false);
    expect((await registry.dispatch(INVOKE.saveFile, fromApp, { suggestedName: '', data: new Uint8Array(1) })).ok).toBe(false);
    expect(s.files.saveFile).not.toHaveBeenCalled();
    const ok = await registry.dispatch(INVOKE.saveFile, fromApp, { suggestedName: 'a.xlsx', data: new Uint8Array([1]) });
    expect(ok).toEqual({ ok: true, value: { saved: true, path: '/x' } });
  });

  it('refuse unknown settings keys and bad values, keeping the stored settings', async () => {
    const { registry } = services();
    const unknown = await registry.dispatch(INVOKE.setSettings, fromApp, { evil: true });
    const bad = await registry.dispatch(INVOKE.setSettings, fromApp, { capacity: 0 });
    expect(unknown.ok).toBe(false);
    expect(bad.ok).toBe(false);
    const ok = await registry.dispatch(INVOKE.setSettings, fromApp, { capacity: 12 });
    expect(ok.ok && (ok.value as { capacity: number }).capacity).toBe(12);
  });

  it('give the OS user name to the app page only, and take no payload', async () => {
    const { s, registry } = services();
    expect(await registry.dispatch(INVOKE.osUserName, fromApp, undefined)).toEqual({ ok: true, value: 'Anna Smirnova' });
    expect((await registry.dispatch(INVOKE.osUserName, fromApp, { as: 'root' })).ok).toBe(false);
    expect(await registry.dispatch(INVOKE.osUserName, { senderFrame: { url: 'https://evil.example/' } }, undefined)).toMatchObject({ ok: false });
    expect(s.osUserName).toHaveBeenCalledTimes(1);
  });

  it('refuse to empty the manager name: every record is signed with it', async () => {
    const { registry } = services();
    expect((await registry.dispatch(INVOKE.setSettings, fromApp, { managerName: '   ' })).ok).toBe(false);
    const ok = await registry.dispatch(INVOKE.setSettings, fromApp, { managerName: '  Boris  ' });
    expect(ok.ok && (ok.value as { managerName: string }).managerName).toBe('Boris');
  });

  it('refuse backup kinds and notifications outside the contract', async () => {
    const { s, registry } = services();
    expect((await registry.dispatch(INVOKE.writeBackup, fromApp, { kind: 'weekly', data: new Uint8Array(1) })).ok).toBe(false);
    expect((await registry.dispatch(INVOKE.notify, fromApp, { title: 't', body: 'b' })).ok).toBe(false);
    expect((await registry.dispatch(INVOKE.printPage, fromApp, { mode: 'fax', suggestedName: 'x' })).ok).toBe(false);
    expect((await registry.dispatch(INVOKE.writeBackup, fromApp, { kind: 'daily', data: new Uint8Array(1) })).ok).toBe(false);
    expect((await registry.dispatch(INVOKE.writeBackup, fromApp, { kind: 'daily', data: new Uint8Array(1), dossiers: -1 })).ok).toBe(false);
    expect(s.backups.write).not.toHaveBeenCalled();
    expect(s.notifications.notify).not.toHaveBeenCalled();
    expect(s.pdf.printPage).not.toHaveBeenCalled();
  });

  it('refuse a binder marker that fails its schema', async () => {
    const { s, registry } = services();
    for (const bad of [undefined, { binderId: '', dossiers: 1, updatedAt: 'x' }, { binderId: 'a', dossiers: 1.5, updatedAt: 'x' }, { binderId: 'a', dossiers: 1, updatedAt: 'x', extra: 1 }]) {
      expect((await registry.dispatch(INVOKE.setBinderMarker, fromApp, bad)).ok).toBe(false);
    }
    expect(s.marker.set).not.toHaveBeenCalled();
    const ok = await registry.dispatch(INVOKE.setBinderMarker, fromApp, { binderId: 'a', dossiers: 3, updatedAt: '2026-11-24T06:00:00.000Z' });
    expect(ok.ok).toBe(true);
    expect(s.marker.set).toHaveBeenCalledOnce();
  });
});
