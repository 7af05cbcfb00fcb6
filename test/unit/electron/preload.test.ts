import { beforeAll, describe, expect, it, vi } from 'vitest';
import { EventEmitter } from 'node:events';
import type { Bridge } from '../../../shared/bridge';
import { EVENTS, INVOKE } from '../../../electron/channels';

// The preload runs against a fake 'electron': what it exposes and how it calls main.
const exposed: Record<string, unknown> = {};
const ipc = Object.assign(new EventEmitter(), { invoke: vi.fn() });
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
  ipcRenderer: ipc,
}));

let bridge: Bridge;
beforeAll(async () => {
  await import('../../../electron/preload');
  bridge = exposed.tickler as Bridge;
});

describe('preload', () => {
  it('exposes exactly the Bridge as window.tickler and nothing else', () => {
    expect(Object.keys(exposed)).toEqual(['tickler']);
    expect(Object.keys(bridge).sort()).toEqual(
      [
        'platform', 'getSettings', 'setSettings', 'saveFile', 'openFile', 'writeBackup', 'listBackups', 'readBackup',
        'notify', 'onNotificationClick', 'printPage', 'openExternal', 'onCommand', 'appInfo', 'osUserName',
        'openBackupsFolder', 'getBinderMarker', 'setBinderMarker',
      ].sort(),
    );
    expect(bridge.platform).toBe('electron');
  });

  it('invokes main asynchronously and unwraps the result', async () => {
    ipc.invoke.mockResolvedValueOnce({ ok: true, value: { capacity: 40 } });
    expect(await bridge.setSettings({ capacity: 40 })).toEqual({ capacity: 40 });
    expect(ipc.invoke).toHaveBeenLastCalledWith(INVOKE.setSettings, { capacity: 40 });
  });

  it('turns a refusal from main into an Error with its message', async () => {
    ipc.invoke.mockResolvedValueOnce({ ok: false, error: 'Backup "x" was not found.' });
    await expect(bridge.readBackup('x')).rejects.toThrow('Backup "x" was not found.');
  });

  it('delivers menu commands without the IPC event, and unsubscribes', () => {
    const handler = vi.fn();
    const off = bridge.onCommand(handler);
    ipc.emit(EVENTS.command, { sender: 'secret' }, 'go-binder');
    ipc.emit(EVENTS.command, {}, 'rm -rf');
    expect(handler).toHaveBeenCalledTimes(1);
    expect(handler).toHaveBeenCalledWith('go-binder');
    off();
    ipc.emit(EVENTS.command, {}, 'go-today');
    expect(handler).toHaveBeenCalledTimes(1);
    expect(ipc.listenerCount(EVENTS.command)).toBe(0);
  });

  it('delivers notification clicks by tag', () => {
    const handler = vi.fn();
    const off = bridge.onNotificationClick(handler);
    ipc.emit(EVENTS.notificationClick, {}, 'dossier:7');
    expect(handler).toHaveBeenCalledWith('dossier:7');
    off();
  });
});

describe('preload calls without a payload', () => {
  it('send no argument, which the main-process schema expects', async () => {
    ipc.invoke.mockResolvedValueOnce({ ok: true, value: [] });
    await bridge.listBackups();
    expect(ipc.invoke).toHaveBeenLastCalledWith(INVOKE.listBackups);
  });
});
