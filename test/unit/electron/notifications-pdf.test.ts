import { afterEach, describe, expect, it, vi } from 'vitest';
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserWindow, NotificationConstructorOptions } from 'electron';
import { createNotificationService } from '../../../electron/services/notifications';
import { createPdfService } from '../../../electron/services/pdf';

function fakeWindow() {
  return {
    isMinimized: vi.fn(() => true),
    restore: vi.fn(),
    show: vi.fn(),
    focus: vi.fn(),
    webContents: {
      printToPDF: vi.fn(async () => new Uint8Array([37, 80, 68, 70])),
      print: vi.fn((_opts: unknown, cb: (ok: boolean) => void) => cb(true)),
    },
  };
}

describe('notifications', () => {
  it('show the reminder; a click brings the window forward and reports the tag', () => {
    const shown: FakeNotification[] = [];
    class FakeNotification extends EventEmitter {
      constructor(public options: NotificationConstructorOptions) {
        super();
        shown.push(this);
      }
      show = vi.fn();
      static isSupported = () => true;
    }
    const win = fakeWindow();
    const sendClick = vi.fn();
    const service = createNotificationService({ Notification: FakeNotification, getWindow: () => win as unknown as BrowserWindow, sendClick });
    service.notify({ title: 'Call Romashka LLC', body: '10:30', tag: 'dossier:42' });
    expect(shown[0]!.options).toEqual({ title: 'Call Romashka LLC', body: '10:30' });
    expect(shown[0]!.show).toHaveBeenCalled();
    expect(service.liveCount).toBe(1);
    shown[0]!.emit('click');
    expect(win.restore).toHaveBeenCalled();
    expect(win.focus).toHaveBeenCalled();
    expect(sendClick).toHaveBeenCalledWith('dossier:42');
    expect(service.liveCount).toBe(0);
  });

  it('do nothing where the system has no notifications', () => {
    const ctor = vi.fn();
    const Unsupported = Object.assign(function (this: unknown) {
      ctor();
    }, { isSupported: () => false });
    const service = createNotificationService({ Notification: Unsupported as never, getWindow: () => null, sendClick: vi.fn() });
    service.notify({ title: 't', body: 'b', tag: 'x' });
    expect(ctor).not.toHaveBeenCalled();
  });
});

describe('print and PDF', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });

  it('saves an A4 PDF where the user chose, with a .pdf name offered', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tickler-pdf-'));
    dirs.push(dir);
    const win = fakeWindow();
    const showSave = vi.fn(async () => path.join(dir, 'today.pdf'));
    const service = createPdfService({ getWindow: () => win as unknown as BrowserWindow, showSave });
    const res = await service.printPage({ mode: 'pdf', suggestedName: 'today.xlsx' });
    expect(res).toEqual({ done: true, path: path.join(dir, 'today.pdf') });
    expect(win.webContents.printToPDF).toHaveBeenCalledWith(expect.objectContaining({ pageSize: 'A4' }));
    expect(showSave).toHaveBeenCalledWith('today.pdf', [{ name: 'PDF', extensions: ['pdf'] }]);
    expect(fs.readFileSync(path.join(dir, 'today.pdf'), 'latin1')).toBe('%PDF');
  });

  it('reports a cancelled save as not done', async () => {
    const win = fakeWindow();
    const service = createPdfService({ getWindow: () => win as unknown as BrowserWindow, showSave: async () => null });
    expect(await service.printPage({ mode: 'pdf', suggestedName: 'x.pdf' })).toEqual({ done: false });
  });

  it('prints through the system dialog', async () => {
    const win = fakeWindow();
    const service = createPdfService({ getWindow: () => win as unknown as BrowserWindow, showSave: async () => null });
    expect(await service.printPage({ mode: 'print', suggestedName: 'x' })).toEqual({ done: true });
    win.webContents.print.mockImplementationOnce((_o, cb) => cb(false));
    expect(await service.printPage({ mode: 'print', suggestedName: 'x' })).toEqual({ done: false });
  });

  it('says so when there is no window', async () => {
    const service = createPdfService({ getWindow: () => null, showSave: async () => null });
    await expect(service.printPage({ mode: 'pdf', suggestedName: 'x' })).rejects.toThrow('There is no window to print.');
  });
});
