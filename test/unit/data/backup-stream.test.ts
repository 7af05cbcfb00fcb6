import 'fake-indexeddb/auto';
import './browser-globals';
import fc from 'fast-check';
import i18next from 'i18next';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { BinderCopyUnreadable, exportBinder, readCopyHeader, restoreBinderCopy } from '../../../renderer/data/backup-stream';
import type { CalendarItem, TicklerDb } from '../../../renderer/data/db';
import { itemsOf } from '../../../renderer/data/calendar-days';
import { storesAt } from '../../../renderer/data/migrations';
import { archiveDossier, updateDossier } from '../../../renderer/data/dossier-repo';
import { clearAll, readPortfolio, writePortfolio } from '../../../renderer/data/portfolio-repo';
import { getSnapshot, listSnapshots, saveSnapshot, SNAPSHOTS_KEPT } from '../../../renderer/data/snapshot-repo';
import { applyImport } from '../../../renderer/data/sync-repo';
import { forSnapshot } from '../../../renderer/data/sync-snapshot';
import { en as syncEn } from '../../../renderer/features/sync/i18n';
import { readBackup, restoreSource, RestoreError } from '../../../renderer/features/sync/sync-actions';
import { generateDemoPortfolio } from '../../../shared/demo/generate-demo-portfolio';
import { writePortfolioWorkbook } from '../../../shared/workbook';
import { dump, freshDb, makePortfolio } from '../sync/fixtures';

const TODAY = '2026-11-24';
const noProgress = () => {};
const noCancel = () => {};

// restoreSource ends by writing the binder marker through the platform bridge.
const markers: unknown[] = [];
beforeAll(async () => {
  vi.stubGlobal('window', { tickler: { platform: 'web', getBinderMarker: async () => null, setBinderMarker: async (m: unknown) => void markers.push(m) } });
  await i18next.init({ lng: 'en', resources: { en: { sync: syncEn } } });
});
afterAll(() => vi.unstubAllGlobals());

let db: TicklerDb;
beforeEach(() => {
  db = freshDb();
});

async function gzipText(text: string): Promise<Blob> {
  return new Response(new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'))).blob();
}
async function textOf(copy: Blob): Promise<string> {
  return new Response(copy.stream().pipeThrough(new DecompressionStream('gzip'))).text();
}

/** The copy's text with the first `n` rows of `table` taken out (one row per line, as the export writes them). */
function withoutRows(text: string, table: string, n: number): string {
  const lines = text.split('\n');
  const open = lines.findIndex((l) => l.startsWith(`{"tableName":"${table}"`));
  lines.splice(open + 1, n);
  return lines.join('\n');
}

describe('a stream copy of the binder', () => {
  it('restores exactly what was copied, syncBase included, over any later change (random portfolios)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({ dossiers: fc.integer({ min: 0, max: 25 }), seed: fc.integer({ min: 1, max: 10_000 }), exchanged: fc.array(fc.boolean(), { maxLength: 30 }) }),
        async ({ dossiers, seed, exchanged }) => {
          db = freshDb();
          const p = generateDemoPortfolio({ dossiers, historyPerDossier: 3, today: TODAY, seed });
          // Some records were exchanged (a sync base), others never ('' must stay '').
          p.dossiers.forEach((d, i) => (d.syncBase = exchanged[i % Math.max(1, exchanged.length)] ? `base-${i}` : ''));
          p.history.forEach((h, i) => (h.syncBase = i % 2 ? '' : `h-${i}`));
          await writePortfolio(p);
          const before = await dump(db);
          const copy = await exportBinder();
          expect(copy.dossiers).toBe(dossiers);

          await applyImport(makePortfolio(3, { prefix: 'Later' }));
          await clearAll();
          await restoreBinderCopy(copy.blob);
          expect(await dump(db)).toEqual(before);
        },
      ),
      { numRuns: 12 },
    );
  });

  it('restores exactly what was copied over a binder changed since, rows kept, changed, added and gone (random changes, small chunks)', async () => {
    const receivables = async () => [...(await db.receivables.toArray())].sort((x, y) => x.id.localeCompare(y.id));
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          seed: fc.integer({ min: 1, max: 10_000 }),
          dossiers: fc.integer({ min: 0, max: 20 }),
          added: fc.integer({ min: 0, max: 8 }),
          renamed: fc.array(fc.nat(), { maxLength: 5 }),
          archived: fc.array(fc.nat(), { maxLength: 3 }),
          emptied: fc.boolean(),
          rowsPerChunk: fc.integer({ min: 1, max: 6 }),
        }),
        async ({ seed, dossiers, added, renamed, archived, emptied, rowsPerChunk }) => {
          db = freshDb();
          await writePortfolio(generateDemoPortfolio({ dossiers, historyPerDossier: 2, today: TODAY, seed }));
          const before = await dump(db);
          const index = await receivables();
          const copy = await exportBinder();

          const ids = before.dossiers.map((d) => d.id);
          for (const n of renamed) if (ids.length) await updateDossier(ids[n % ids.length]!, { company: `Renamed ${n}` }, 'test');
          for (const n of archived) if (ids.length) await archiveDossier(ids[n % ids.length]!, 'test');
          if (added) await applyImport(makePortfolio(added, { prefix: 'Later', historyPer: 1 }));
          if (emptied) await clearAll();

          await restoreBinderCopy(copy.blob, { rowsPerChunk });
          expect(await dump(db)).toEqual(before);
          expect(await receivables()).toEqual(index);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('brings back the receivables index of the copied binder, not the one it replaces', async () => {
    const receivables = async () => ({
      rows: [...(await db.receivables.toArray())].sort((x, y) => x.id.localeCompare(y.id)),
      days: await db.receivableDays.toArray(),
    });
    await writePortfolio(generateDemoPortfolio({ dossiers: 40, historyPerDossier: 1, today: TODAY, seed: 3 }));
    const copied = await receivables();
    expect(copied.rows.length).toBeGreaterThan(0);
    const copy = await exportBinder();
    await clearAll();
    await writePortfolio(generateDemoPortfolio({ dossiers: 25, historyPerDossier: 1, today: TODAY, seed: 4 }));
    await restoreBinderCopy(copy.blob);
    expect(await receivables()).toEqual(copied);
  });

  it('rebuilds the receivables index from the papers for a copy written without it', async () => {
    await writePortfolio(generateDemoPortfolio({ dossiers: 30, historyPerDossier: 1, today: TODAY, seed: 5 }));
    const rows = [...(await db.receivables.toArray())].sort((x, y) => x.id.localeCompare(y.id));
    const days = await db.receivableDays.toArray();
    // A copy of this schema version taken before the index travelled in copies: its tables
    // end with the word buckets (the index's two tables come last).
    const lines = (await textOf((await exportBinder()).blob)).split('\n');
    const meta = JSON.parse(`${lines[0]}]}}`) as { data: { tables: { name: string }[] } };
    meta.data.tables = meta.data.tables.filter((t) => !t.name.startsWith('receivable'));
    const cut = lines.findIndex((l) => l.startsWith('{"tableName":"receivables"'));
    const without = [JSON.stringify(meta).slice(0, -3), ...lines.slice(1, cut - 1), ']}', ']}}'];
    await clearAll();
    await restoreBinderCopy(await gzipText(without.join('\n')));
    expect([...(await db.receivables.toArray())].sort((x, y) => x.id.localeCompare(y.id))).toEqual(rows);
    expect(await db.receivableDays.toArray()).toEqual(days);
  });

  it('rebuilds the receivables index for a schema 8 copy written before the index travelled, through the upgrade of old copies', async () => {
    await writePortfolio(generateDemoPortfolio({ dossiers: 30, historyPerDossier: 1, today: TODAY, seed: 6 }));
    const rows = [...(await db.receivables.toArray())].sort((x, y) => x.id.localeCompare(y.id));
    expect(rows.length).toBeGreaterThan(0);
    // The binder as schema 8 stored it (the calendar one value per day), in the copy's line
    // layout as the version-8 exporter wrote it before the index travelled in copies.
    const days = new Map<string, CalendarItem[]>();
    for (const sh of await db.calendarShards.toArray()) days.set(sh.date, [...(days.get(sh.date) ?? []), ...itemsOf(sh)]);
    const tables: [string, unknown[]][] = [
      ['dossiers', await db.dossiers.toArray()],
      ['papers', await db.papers.toArray()],
      ['folderCounts', await db.folderCounts.toArray()],
      ['calendarDays', [...days].map(([date, items]) => ({ date, items, dossierIds: [...new Set(items.map((i) => i.dossierId))] }))],
      ['wordBuckets', await db.wordBuckets.toArray()],
    ];
    const schemas = storesAt(8);
    const header = JSON.stringify({
      formatName: 'dexie', formatVersion: 1,
      data: { databaseName: 'tickler', databaseVersion: 8, tables: tables.map(([name, rows]) => ({ name, schema: schemas[name]!.replace(/\s/g, ''), rowCount: rows.length })), data: [] },
    }).slice(0, -3);
    const body = tables.map(([name, rows], i) => `${i ? ',' : ''}\n${JSON.stringify({ tableName: name, inbound: true, rows: [] }).slice(0, -2)}${rows.length ? `\n${rows.map((r) => JSON.stringify(r)).join(',\n')}` : ''}\n]}`);
    const copy = `${header}${body.join('')}\n]}}`;
    await clearAll();
    await restoreBinderCopy(await gzipText(copy));
    expect([...(await db.receivables.toArray())].sort((x, y) => x.id.localeCompare(y.id))).toEqual(rows);
    expect(await db.calendarShards.count()).toBeGreaterThan(0);
  });

  it('holds no snapshot and no kv bookkeeping, and leaves the open binder its own', async () => {
    await writePortfolio(makePortfolio(4));
    await saveSnapshot('older', await exportBinder());
    await db.kv.put({ key: 'binder.id', value: 'this-binder' });
    const text = await textOf((await exportBinder()).blob);
    const tables = (JSON.parse(text) as { data: { tables: { name: string }[] } }).data.tables.map((t) => t.name);
    expect(tables.sort()).toEqual(['calendarShards', 'dossiers', 'folderCounts', 'papers', 'receivableDays', 'receivables', 'wordBuckets']);

    const copy = await exportBinder();
    await db.kv.put({ key: 'binder.id', value: 'this-binder' });
    await restoreBinderCopy(copy.blob);
    expect((await db.kv.get('binder.id'))?.value).toBe('this-binder');
    expect(await listSnapshots()).toHaveLength(1);
  });

  describe('a damaged copy is refused and nothing changes', () => {
    let good: Blob;
    let before: Awaited<ReturnType<typeof dump>>;
    beforeEach(async () => {
      await writePortfolio(makePortfolio(30, { historyPer: 3 }));
      good = (await exportBinder()).blob;
      await applyImport(makePortfolio(5, { prefix: 'Since' }));
      before = await dump(db);
    });

    const refused = async (blob: Blob, ...reasons: BinderCopyUnreadable['reason'][]) => {
      const err = await restoreBinderCopy(blob).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(BinderCopyUnreadable);
      expect(reasons).toContain((err as BinderCopyUnreadable).reason);
      expect(await dump(db)).toEqual(before);
    };

    it('cut short', async () => {
      await refused(good.slice(0, Math.floor(good.size * 0.6)), 'damaged');
    });

    it('garbled inside a valid gzip stream', async () => {
      const text = await textOf(good);
      // The parser stops at the garbage: either way the rows fall short of the header's counts.
      await refused(await gzipText(text.slice(0, text.length * 0.7) + '}}garbage'), 'damaged', 'counts');
    });

    it('with fewer rows than its header lists', async () => {
      await refused(await gzipText(withoutRows(await textOf(good), 'papers', 1)), 'counts');
    });

    it('not a copy at all', async () => {
      await refused(new Blob(['PK\u0003\u0004 a zip']), 'not-a-copy');
    });

    it('cut short: refused in the UI language through the restore the screens call', async () => {
      const r = await readBackup(good.slice(0, good.size - 40), 'en', noProgress, noCancel);
      if (r.kind !== 'ok') throw new Error(r.message);
      const err = await restoreSource(r.source, noProgress, noCancel).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(RestoreError);
      expect((err as Error).message).toBe(syncEn.backups.copy.damaged);
      expect(await dump(db)).toEqual(before);
    });

    it('incomplete: found while restoring, refused in the UI language through the restore the screens call', async () => {
      const r = await readBackup(await gzipText(withoutRows(await textOf(good), 'dossiers', 3)), 'en', noProgress, noCancel);
      if (r.kind !== 'ok') throw new Error(r.message);
      const err = await restoreSource(r.source, noProgress, noCancel).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(RestoreError);
      expect((err as Error).message).toBe(syncEn.backups.copy.counts);
      expect(await dump(db)).toEqual(before);
    });
  });

  it('reads its header without reading the rows', async () => {
    await writePortfolio(makePortfolio(7));
    const header = await readCopyHeader((await exportBinder()).blob);
    expect(header.dossiers).toBe(7);
    expect(header.rows.papers).toBe(7);
  });
});

describe('snapshots', () => {
  it('undo restores the binder of before the import, through the snapshot table', async () => {
    await writePortfolio(makePortfolio(12, { historyPer: 2 }));
    const before = await dump(db);
    const listing = await saveSnapshot('Before importing x.xlsx', await exportBinder());
    await applyImport(makePortfolio(5, { prefix: 'Added' }));
    const snap = await getSnapshot(listing.id);
    if (snap?.kind !== 'copy') throw new Error('no copy stored');
    await restoreBinderCopy(snap.blob);
    expect(await dump(db)).toEqual(before);
  });

  it('lists only listings (never the copies) and keeps the last SNAPSHOTS_KEPT', async () => {
    await writePortfolio(makePortfolio(2));
    for (let i = 0; i < SNAPSHOTS_KEPT + 2; i++) await saveSnapshot(`s${i}`, await exportBinder());
    const list = await listSnapshots();
    expect(list.map((s) => s.label)).toEqual(['s6', 's5', 's4', 's3', 's2']);
    expect(list.every((s) => !('blob' in s) && s.dossiers === 2 && (s.size ?? 0) > 0)).toBe(true);
    // Listing and copy go together: nothing of the pruned ones is left.
    expect(await db.snapshots.count()).toBe(SNAPSHOTS_KEPT * 2);
  });
});

describe('backups from older versions (workbooks)', () => {
  it('a workbook backup still restores exactly through the same restore', async () => {
    await writePortfolio(makePortfolio(15, { historyPer: 2 }));
    const before = await dump(db);
    const workbook = writePortfolioWorkbook(forSnapshot(await readPortfolio({ kind: 'all' })), { appVersion: '0.1.0', exportedBy: 'Ivanova', scope: 'backup', language: 'ru' });
    await applyImport(makePortfolio(4, { prefix: 'Later' }));
    const r = await readBackup(workbook, 'en', noProgress, noCancel);
    if (r.kind !== 'ok') throw new Error(r.message);
    expect(r.source.kind).toBe('workbook');
    expect(r.dossiers).toBe(15);
    await restoreSource(r.source, noProgress, noCancel);
    expect(await dump(db)).toEqual(before);
  });

  it('a snapshot stored as a workbook (before stream copies) is still found', async () => {
    const data = writePortfolioWorkbook(forSnapshot(await readPortfolio({ kind: 'all' })), { appVersion: '0.1.0', exportedBy: 'Ivanova', scope: 'snapshot', language: 'en' });
    await db.snapshots.add({ id: 'legacy', createdAt: '2026-01-01T00:00:00.000Z', label: 'old', data });
    expect(await getSnapshot('legacy')).toEqual({ kind: 'workbook', data });
    expect((await listSnapshots())[0]).toMatchObject({ id: 'legacy', label: 'old', size: data.byteLength });
  });
});
