import { describe, expect, it, vi } from 'vitest';
import { createWebBridge } from '../../../renderer/bridge/web-bridge';
import { defaultSettings } from '../../../shared/model/settings';

/** localStorage stand-in (the web bridge takes its storage as a parameter). */
function memoryStorage(): Storage {
  const m = new Map<string, string>();
  return {
    get length() {
      return m.size;
    },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => void m.set(k, String(v)),
  };
}

describe('web bridge', () => {
  it('keeps settings in storage, changing only the keys a patch names', async () => {
    const storage = memoryStorage();
    const bridge = createWebBridge(storage);
    expect(await bridge.getSettings()).toEqual(defaultSettings());
    await bridge.setSettings({ capacity: 50, theme: 'dark' });
    await bridge.setSettings({ language: 'ru' });
    expect(await createWebBridge(storage).getSettings()).toMatchObject({ capacity: 50, theme: 'dark', language: 'ru' });
  });

  it('refuses invalid settings', async () => {
    const bridge = createWebBridge(memoryStorage());
    await expect(bridge.setSettings({ capacity: -1 })).rejects.toThrow();
    await expect(bridge.setSettings({ nope: 1 } as never)).rejects.toThrow();
  });

  it('delivers dispatched commands to subscribers until they unsubscribe', () => {
    const bridge = createWebBridge(memoryStorage());
    const handler = vi.fn();
    const off = bridge.onCommand(handler);
    bridge.dispatchCommand('export');
    off();
    bridge.dispatchCommand('export');
    expect(handler).toHaveBeenCalledTimes(1);
    expect(handler).toHaveBeenCalledWith('export');
  });

  it('refuses external links with unsafe schemes', async () => {
    expect(await createWebBridge(memoryStorage()).openExternal('file:///etc/passwd')).toBe(false);
  });

  it('keeps the other settings when one stored value fails its schema (no first run again)', async () => {
    const storage = memoryStorage();
    storage.setItem('tickler.settings', JSON.stringify({ onboarded: true, managerName: 'Anna', capacity: 'lots' }));
    expect(await createWebBridge(storage).getSettings()).toMatchObject({ onboarded: true, managerName: 'Anna', capacity: 30 });
  });

  it('keeps the binder marker in storage and reads a damaged one as none', async () => {
    const storage = memoryStorage();
    const bridge = createWebBridge(storage);
    expect(await bridge.getBinderMarker()).toBeNull();
    const marker = { binderId: 'b1', dossiers: 300, updatedAt: '2026-11-24T06:00:00.000Z' };
    await bridge.setBinderMarker(marker);
    expect(await createWebBridge(storage).getBinderMarker()).toEqual(marker);
    storage.setItem('tickler.binderMarker', '{"binderId":');
    expect(await bridge.getBinderMarker()).toBeNull();
  });
});
