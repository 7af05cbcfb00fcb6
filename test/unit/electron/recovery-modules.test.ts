import { afterEach, describe, expect, it, vi } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Conf from 'conf';
import { createRendererGoneHandler, REPEAT_WINDOW_MS } from '../../../electron/renderer-gone';
import { createMarkerService, markerStoreOptions } from '../../../electron/services/binder-marker';
import { COPY_SUFFIX, copyDbAsideOnUpdate } from '../../../electron/services/db-copy';
import { createSettingsService, settingsStoreOptions } from '../../../electron/services/settings';

const dirs: string[] = [];
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'tickler-recovery-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function fakeIndexedDb(userData: string, content: string) {
  const dir = path.join(userData, 'IndexedDB', 'app_tickler_0.indexeddb.leveldb');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, '000003.log'), content);
}
const copied = (userData: string) =>
  fs.readFileSync(path.join(userData, 'IndexedDB' + COPY_SUFFIX, 'app_tickler_0.indexeddb.leveldb', '000003.log'), 'utf8');

describe('copying the IndexedDB folder aside before an update', () => {
  it('copies when the app version changed, and keeps only the last copy', async () => {
    const userData = tmp();
    fakeIndexedDb(userData, 'binder at 1.0');
    expect(await copyDbAsideOnUpdate({ userData, version: '1.1.0', lastVersion: '1.0.0' })).toMatchObject({ copied: true });
    expect(copied(userData)).toBe('binder at 1.0');
    fakeIndexedDb(userData, 'binder at 1.1');
    await copyDbAsideOnUpdate({ userData, version: '1.2.0', lastVersion: '1.1.0' });
    expect(copied(userData)).toBe('binder at 1.1');
    expect(fs.readdirSync(userData).sort()).toEqual(['IndexedDB', 'IndexedDB' + COPY_SUFFIX]);
  });

  it('does nothing on a first start, on the same version, or without a database', async () => {
    const userData = tmp();
    expect(await copyDbAsideOnUpdate({ userData, version: '1.1.0', lastVersion: '1.0.0' })).toEqual({ copied: false });
    fakeIndexedDb(userData, 'x');
    expect(await copyDbAsideOnUpdate({ userData, version: '1.1.0', lastVersion: undefined })).toEqual({ copied: false });
    expect(await copyDbAsideOnUpdate({ userData, version: '1.1.0', lastVersion: '1.1.0' })).toEqual({ copied: false });
    expect(fs.existsSync(path.join(userData, 'IndexedDB' + COPY_SUFFIX))).toBe(false);
  });

  it('keeps the previous copy when a copy fails half-way', async () => {
    const userData = tmp();
    fakeIndexedDb(userData, 'good');
    await copyDbAsideOnUpdate({ userData, version: '2', lastVersion: '1' });
    const failing = async (_from: string, to: string) => {
      fs.mkdirSync(to, { recursive: true });
      throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    };
    await expect(copyDbAsideOnUpdate({ userData, version: '3', lastVersion: '2', cp: failing })).rejects.toThrow(/ENOSPC/);
    expect(copied(userData)).toBe('good');
  });
});

describe('the binder marker in electron-store', () => {
  const open = (cwd: string) => {
    const { name, ...options } = markerStoreOptions();
    return new Conf<Record<string, unknown>>({ ...options, configName: name, cwd, projectVersion: '0.1.0' });
  };
  const marker = { binderId: 'b-1', dossiers: 300, updatedAt: '2026-11-24T06:00:00.000Z' };

  it('stores the marker in a file of its own and reads it back after a restart', () => {
    const cwd = tmp();
    createMarkerService(open(cwd)).set(marker);
    expect(createMarkerService(open(cwd)).get()).toEqual(marker);
    expect(fs.existsSync(path.join(cwd, 'binder-marker.json'))).toBe(true);
  });

  it('reads a damaged marker as none, and refuses to store a bad one', () => {
    const cwd = tmp();
    const store = open(cwd);
    store.set('binderMarker', { binderId: '', dossiers: -1 });
    expect(createMarkerService(store).get()).toBeNull();
    expect(() => createMarkerService(store).set({ ...marker, dossiers: 1.5 })).toThrow();
  });

  it('survives a settings file that fails its schema', () => {
    const cwd = tmp();
    createMarkerService(open(cwd)).set(marker);
    fs.writeFileSync(path.join(cwd, 'settings.json'), JSON.stringify({ onboarded: true, capacity: 'lots' }));
    const { name, ...options } = settingsStoreOptions();
    const settings = new Conf<Record<string, unknown>>({ ...options, configName: name, cwd, projectVersion: '0.1.0' });
    createSettingsService(settings).get();
    expect(createMarkerService(open(cwd)).get()).toEqual(marker);
  });
});

type AskOpts = Parameters<Parameters<typeof createRendererGoneHandler>[0]['ask']>[0];

describe('the renderer-process-gone handler', () => {
  function setup(answer: number) {
    let t = 0;
    const deps = {
      lang: 'ru' as const,
      ask: vi.fn(async (_opts: AskOpts) => ({ response: answer })),
      reload: vi.fn(),
      quit: vi.fn(),
      now: () => t,
    };
    return { deps, handle: createRendererGoneHandler(deps), tick: (ms: number) => (t += ms) };
  }

  it('offers a reload in the UI language and reloads', async () => {
    const { deps, handle } = setup(0);
    expect(await handle({ reason: 'crashed', exitCode: 11 })).toBe('reloaded');
    expect(deps.reload).toHaveBeenCalledOnce();
    const opts = deps.ask.mock.calls[0]![0] ;
    expect(opts.buttons).toEqual(['Перезагрузить', 'Выйти']);
    expect(opts.detail).toContain('crashed');
    expect(opts.cancelId).toBe(0);
  });

  it('ignores a clean exit, and quits when asked', async () => {
    const { deps, handle } = setup(1);
    expect(await handle({ reason: 'clean-exit' })).toBe('ignored');
    expect(deps.ask).not.toHaveBeenCalled();
    expect(await handle({ reason: 'oom' })).toBe('quit');
    expect(deps.quit).toHaveBeenCalledOnce();
  });

  it('after three crashes within a minute, proposes quitting instead of looping', async () => {
    const { deps, handle, tick } = setup(0);
    await handle({ reason: 'crashed' });
    tick(1000);
    await handle({ reason: 'crashed' });
    tick(1000);
    await handle({ reason: 'crashed' });
    const third = deps.ask.mock.calls[2]![0] ;
    expect(third.defaultId).toBe(1);
    tick(REPEAT_WINDOW_MS + 1);
    await handle({ reason: 'crashed' });
    expect((deps.ask.mock.calls[3]![0] ).defaultId).toBe(0);
  });
});
