import { afterEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { backupName, createBackupService, parseBackupName } from '../../../electron/services/backups';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** A backup service whose clock advances a minute per backup. */
function setup() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'tickler-backups-'));
  dirs.push(root);
  let t = Date.UTC(2026, 10, 1, 9, 0, 0);
  const service = createBackupService(path.join(root, 'backups'), () => new Date((t += 60_000)));
  return { root, service };
}
const data = (n: number) => new Uint8Array([n]);

describe('backups', () => {
  it('names files by kind and time, and reads those names back', () => {
    const at = new Date('2026-11-24T03:04:05.678Z');
    const name = backupName('pre-import', at);
    expect(name).toBe('tickler-pre-import-2026-11-24T03-04-05-678Z.xlsx');
    expect(parseBackupName(name)).toEqual({ kind: 'pre-import', createdAt: at.toISOString(), seq: 0 });
  });

  it('lists nothing before the first backup', async () => {
    expect(await setup().service.list()).toEqual([]);
  });

  it('writes, lists newest first and reads back the bytes', async () => {
    const { service } = setup();
    const a = await service.write({ kind: 'manual', data: data(1) });
    const b = await service.write({ kind: 'daily', data: new Uint8Array([2, 2]) });
    const list = await service.list();
    expect(list.map((x) => x.name)).toEqual([b.name, a.name]);
    expect(list[0]).toMatchObject({ kind: 'daily', size: 2 });
    expect(Array.from(await service.read(a.name))).toEqual([1]);
  });

  it('keeps the last 14 daily, the last 10 pre-import and every manual backup', async () => {
    const { service } = setup();
    const daily = [];
    const preImport = [];
    for (let i = 0; i < 20; i++) daily.push((await service.write({ kind: 'daily', data: data(i) })).name);
    for (let i = 0; i < 13; i++) preImport.push((await service.write({ kind: 'pre-import', data: data(i) })).name);
    for (let i = 0; i < 25; i++) await service.write({ kind: 'manual', data: data(i) });
    const list = await service.list();
    const names = (kind: string) => list.filter((b) => b.kind === kind).map((b) => b.name).sort();
    expect(names('daily')).toEqual(daily.slice(-14).sort());
    expect(names('pre-import')).toEqual(preImport.slice(-10).sort());
    expect(names('manual')).toHaveLength(25);
  });

  it('keeps two backups made in the same millisecond apart', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'tickler-backups-'));
    dirs.push(root);
    const fixed = new Date('2026-11-24T00:00:00.000Z');
    const service = createBackupService(root, () => fixed);
    const a = await service.write({ kind: 'manual', data: data(1) });
    const b = await service.write({ kind: 'manual', data: data(2) });
    expect(a.name).not.toBe(b.name);
    expect((await service.list()).map((x) => x.name)).toEqual([b.name, a.name]);
  });

  it('refuses names outside the naming pattern (no path traversal)', async () => {
    const { root, service } = setup();
    fs.writeFileSync(path.join(root, 'secret.txt'), 'secret');
    await service.write({ kind: 'manual', data: data(1) });
    for (const name of ['../x', '../secret.txt', '/etc/passwd', 'tickler-manual-../../x.xlsx', 'tickler-daily-2026-11-24T03-04-05-678Z.xlsx/../../secret.txt', '']) {
      await expect(service.read(name)).rejects.toThrow(/not a backup name/);
    }
    await expect(service.read('tickler-daily-2020-01-01T00-00-00-000Z.xlsx')).rejects.toThrow(/not found/);
  });

  it('ignores foreign files in the backups folder', async () => {
    const { service } = setup();
    await service.write({ kind: 'daily', data: data(1) });
    fs.writeFileSync(path.join(service.dir, 'notes.txt'), 'x');
    expect((await service.list()).map((b) => b.kind)).toEqual(['daily']);
  });
});
