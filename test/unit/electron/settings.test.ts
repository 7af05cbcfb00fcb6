import { afterEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Conf from 'conf';
import { defaultSettings } from '../../../shared/model/settings';
import { createSettingsService, settingsStoreOptions } from '../../../electron/services/settings';

// electron-store is Conf plus Electron's paths; Conf with an explicit folder is the same store under Node.
const dirs: string[] = [];
function openStore(dir?: string) {
  const cwd = dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'tickler-settings-'));
  dirs.push(cwd);
  const { name, ...options } = settingsStoreOptions();
  return { cwd, store: new Conf<Record<string, unknown>>({ ...options, configName: name, cwd, projectVersion: '0.1.0' }) };
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('settings service', () => {
  it('starts from the defaults', () => {
    const { store } = openStore();
    expect(createSettingsService(store).get()).toEqual(defaultSettings());
  });

  it('stores a valid patch and reads it back after a restart', () => {
    const { cwd, store } = openStore();
    const saved = createSettingsService(store).set({ capacity: 45, language: 'ru', workingWeek: [1, 2, 3, 4] });
    expect(saved).toMatchObject({ capacity: 45, language: 'ru', workingWeek: [1, 2, 3, 4], theme: 'system' });
    const reopened = createSettingsService(openStore(cwd).store).get();
    expect(reopened).toEqual(saved);
    expect(JSON.parse(fs.readFileSync(path.join(cwd, 'settings.json'), 'utf8')).capacity).toBe(45);
  });

  it('changes only the keys a patch names', () => {
    const service = createSettingsService(openStore().store);
    service.set({ capacity: 45, theme: 'dark' });
    expect(service.set({ language: 'en' })).toMatchObject({ capacity: 45, theme: 'dark', language: 'en' });
  });

  it('rejects bad values and unknown keys, leaving the stored settings unchanged', () => {
    const { store } = openStore();
    const service = createSettingsService(store);
    service.set({ capacity: 20 });
    expect(() => service.set({ capacity: 0 })).toThrow();
    expect(() => service.set({ capacity: 2.5 })).toThrow();
    expect(() => service.set({ theme: 'purple' })).toThrow();
    expect(() => service.set({ adminMode: true })).toThrow();
    expect(() => service.set({ holidays: ['next tuesday'] })).toThrow();
    expect(service.get().capacity).toBe(20);
    expect(store.store).not.toHaveProperty('adminMode');
  });

  it('has electron-store refuse a bad value even if written past the service', () => {
    const { store } = openStore();
    expect(() => store.set('capacity', -5)).toThrow(/schema/i);
    // The requisites are checked by the same derived schema: an INN of the wrong length never reaches the file.
    expect(() => store.set('requisites', { ...defaultSettings().requisites, inn: '12345' })).toThrow(/schema/i);
  });

  it('falls back to defaults for a damaged settings file', () => {
    const { cwd } = openStore();
    fs.writeFileSync(path.join(cwd, 'settings.json'), '{ not json');
    expect(createSettingsService(openStore(cwd).store).get()).toEqual(defaultSettings());
  });

  it('reports the change so the menu can follow the language', () => {
    const { store } = openStore();
    const seen: unknown[] = [];
    createSettingsService(store, (s, patch) => seen.push([s.language, patch])).set({ language: 'en' });
    expect(seen).toEqual([['en', { language: 'en' }]]);
  });
});
