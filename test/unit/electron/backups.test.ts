import { afterEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { backupName, createBackupService, parseBackupName } from '../../../electron/services/backups';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** A backup service whose clock advances `step` (a minute) per backup. */
function setup(step = 60_000, policy?: Parameters<typeof createBackupService>[2]) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'tickler-backups-'));
  dirs.push(root);
  let t = Date.UTC(2026, 10, 1, 9, 0, 0);
  const service = createBackupService(path.join(root, 'backups'), () => new Date((t += step)), policy);
  return { root, service };
}
const DAY = 86_400_000;
const data = (n: number) => new Uint8Array([n]);

describe('backups', () => {
  it('names files by kind and time, and reads those names back', () => {
    const at = new Date('2026-11-24T03:04:05.678Z');
    const name = backupName('pre-import', at);
    expect(name).toBe('tickler-pre-import-2026-11-24T03-04-05-678Z.xlsx');
    expect(parseBackupName(name)).toEqual({ kind: 'pre-import', createdAt: at.toISOString(), seq: 0 });
  });

  it('names a stream copy .json.gz, and a daily copy rotates with the daily workbooks of older versions', async () => {
    const { service } = setup();
    fs.mkdirSync(service.dir, { recursive: true });
    fs.writeFileSync(path.join(service.dir, 'tickler-daily-2026-10-01T09-00-00-000Z-d5.xlsx'), 'x');
    const copy = await service.write({ kind: 'daily', data: data(3), dossiers: 7, format: 'copy' });
    expect(copy.name).toMatch(/^tickler-daily-.*-d7\.json\.gz$/);
    expect(parseBackupName(copy.name)).toMatchObject({ kind: 'daily', dossiers: 7 });
    expect((await service.list()).map((b) => b.name)).toEqual([copy.name, 'tickler-daily-2026-10-01T09-00-00-000Z-d5.xlsx']);
    expect(await service.read(copy.name)).toEqual(data(3));
  });

  it('lists nothing before the first backup', async () => {
    expect(await setup().service.list()).toEqual([]);
  });

  it('writes, lists newest first and reads back the bytes', async () => {
    const { service } = setup();
    const a = await service.write({ kind: 'manual', data: data(1), dossiers: 1 });
    const b = await service.write({ kind: 'daily', data: new Uint8Array([2, 2]), dossiers: 5 });
    const list = await service.list();
    expect(list.map((x) => x.name)).toEqual([b.name, a.name]);
    expect(list[0]).toMatchObject({ kind: 'daily', size: 2, dossiers: 5 });
    expect(Array.from(await service.read(a.name))).toEqual([1]);
  });

  it('keeps a daily backup for each of the last 14 days, the last 10 pre-import and the manual ones under the cap', async () => {
    const { service } = setup(DAY);
    const daily = [];
    const preImport = [];
    for (let i = 0; i < 20; i++) daily.push((await service.write({ kind: 'daily', data: data(i), dossiers: 300 })).name);
    for (let i = 0; i < 13; i++) preImport.push((await service.write({ kind: 'pre-import', data: data(i), dossiers: 300 })).name);
    for (let i = 0; i < 25; i++) await service.write({ kind: 'manual', data: data(i), dossiers: 300 });
    const list = await service.list();
    const names = (kind: string) => list.filter((b) => b.kind === kind).map((b) => b.name).sort();
    // 20 days in November: the last 14 days, and the newest of the weeks and month before.
    expect(names('daily')).toEqual(expect.arrayContaining(daily.slice(-14)));
    expect(names('pre-import')).toEqual(preImport.slice(-10).sort());
    expect(names('manual')).toHaveLength(25);
  });

  it('after a wipe, a fortnight of empty daily backups deletes none of the good ones', async () => {
    const { service } = setup(DAY);
    const good = [];
    for (let i = 0; i < 14; i++) good.push((await service.write({ kind: 'daily', data: data(i), dossiers: 300 })).name);
    for (let i = 0; i < 14; i++) await service.write({ kind: 'daily', data: data(0), dossiers: 0 });
    const left = (await service.list()).filter((b) => b.kind === 'daily');
    expect(left.filter((b) => b.dossiers === 300).map((b) => b.name).sort()).toEqual(good.sort());
    expect(left.filter((b) => b.dossiers === 0)).toHaveLength(1);
  });

  it('prunes the oldest manual backups past the size cap and says which', async () => {
    const { service } = setup(60_000, { days: 14, weeks: 8, months: 12, preImport: 10, manualBytes: 10 });
    const written = [];
    for (let i = 0; i < 4; i++) written.push(await service.write({ kind: 'manual', data: new Uint8Array(4), dossiers: 300 }));
    // 4 bytes each under a 10-byte cap: two fit; the third write prunes the first, the fourth the second.
    expect(written[2]!.pruned).toEqual([written[0]!.name]);
    expect(written[3]!.pruned).toEqual([written[1]!.name]);
    expect((await service.list()).map((b) => b.name)).toEqual([written[3]!.name, written[2]!.name]);
  });

  it('reads backups named before the dossier count was recorded as not empty', async () => {
    const { service } = setup();
    fs.mkdirSync(service.dir, { recursive: true });
    fs.writeFileSync(path.join(service.dir, 'tickler-daily-2026-10-01T09-00-00-000Z.xlsx'), 'x');
    const [old] = await service.list();
    expect(old).toMatchObject({ kind: 'daily', createdAt: '2026-10-01T09:00:00.000Z' });
    expect(old).not.toHaveProperty('dossiers');
    expect(parseBackupName(backupName('daily', new Date('2026-11-24T03:04:05.678Z'), 2, 0))).toEqual({ kind: 'daily', createdAt: '2026-11-24T03:04:05.678Z', seq: 2, dossiers: 0 });
  });

  it('keeps two backups made in the same millisecond apart', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'tickler-backups-'));
    dirs.push(root);
    const fixed = new Date('2026-11-24T00:00:00.000Z');
    const service = createBackupService(root, () => fixed);
    const a = await service.write({ kind: 'manual', data: data(1), dossiers: 1 });
    const b = await service.write({ kind: 'manual', data: data(2), dossiers: 1 });
    expect(a.name).not.toBe(b.name);
    expect((await service.list()).map((x) => x.name)).toEqual([b.name, a.name]);
  });

  it('refuses names outside the naming pattern (no path traversal)', async () => {
    const { root, service } = setup();
    fs.writeFileSync(path.join(root, 'secret.txt'), 'secret');
    await service.write({ kind: 'manual', data: data(1), dossiers: 1 });
    for (const name of ['../x', '../secret.txt', '/etc/passwd', 'tickler-manual-../../x.xlsx', 'tickler-daily-2026-11-24T03-04-05-678Z.xlsx/../../secret.txt', '']) {
      await expect(service.read(name)).rejects.toThrow(/not a backup name/);
    }
    await expect(service.read('tickler-daily-2020-01-01T00-00-00-000Z.xlsx')).rejects.toThrow(/not found/);
  });

  it('ignores foreign files in the backups folder', async () => {
    const { service } = setup();
    await service.write({ kind: 'daily', data: data(1), dossiers: 1 });
    fs.writeFileSync(path.join(service.dir, 'notes.txt'), 'x');
    expect((await service.list()).map((b) => b.kind)).toEqual(['daily']);
  });
});
