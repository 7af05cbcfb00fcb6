import 'fake-indexeddb/auto';
import '../data/browser-globals';
import { describe, expect, it } from 'vitest';
import { addCarriedCalendar, calendarOf, importPortfolio, snapshotBinder, undoToSnapshot, type BinderPorts, type CalendarSettings } from '../../../renderer/data/import-service';
import { emptyChoices } from '../../../renderer/features/sync/plan-view';
import { en } from '../../../renderer/features/sync/i18n';
import { openImport } from '../../../renderer/workers/import-client';
import { writePortfolioWorkbook } from '../../../shared/workbook';
import { exportBinder, restoreBinderCopy } from '../../../renderer/data/backup-stream';
import { readPortfolio } from '../../../renderer/data/portfolio-repo';
import { getSnapshot, saveSnapshot } from '../../../renderer/data/snapshot-repo';
import { replacePortfolio } from '../../../renderer/data/sync-repo';
import { defaultSettings } from '../../../shared/model/settings';
import { dump, freshDb, makePortfolio } from './fixtures';

const META = { appVersion: 'test', exportedBy: 'Boris', scope: 'all', language: 'en' as const };

/** The screen's side of an import: the app's stream-copy snapshots, the settings an object. */
function ports(start: Partial<CalendarSettings> = {}) {
  const settings: CalendarSettings = { ...defaultSettings(), holidayCountry: 'none', ...start };
  const binder: BinderPorts = {
    async takeSnapshot(label) {
      return (await saveSnapshot(label, await exportBinder())).id;
    },
    async restoreSnapshot(id) {
      const snap = await getSnapshot(id);
      if (snap?.kind !== 'copy') throw new Error('expected a stream copy');
      await restoreBinderCopy(snap.blob);
    },
    settings: () => settings,
    async updateSettings(patch) {
      Object.assign(settings, patch);
    },
  };
  return { binder, settings };
}

describe('an import as one operation', () => {
  it('adds the workbook\'s days off, and its undo takes back records and days off alike', async () => {
    const db = freshDb();
    await replacePortfolio(makePortfolio(3, { prefix: 'Mine' }));
    const before = await dump(db);
    const { binder, settings } = ports({ holidays: ['2026-12-30'], extraWorkingDays: [] });

    const { snapshotId } = await importPortfolio(
      { label: 'import', changes: makePortfolio(2, { prefix: 'Theirs' }), holidaysAdded: ['2026-12-31'], workingDaysAdded: ['2026-11-28'] },
      binder,
    );
    expect((await readPortfolio({ kind: 'all' })).dossiers).toHaveLength(5);
    expect(settings.holidays).toEqual(['2026-12-30', '2026-12-31']);
    expect(settings.extraWorkingDays).toEqual(['2026-11-28']);

    await undoToSnapshot(snapshotId, binder);
    expect(await dump(db)).toEqual(before);
    expect(settings.holidays).toEqual(['2026-12-30']);
    expect(settings.extraWorkingDays).toEqual([]);
  });

  it('tells when the apply starts, after the snapshot, so the screen stops offering to cancel', async () => {
    freshDb();
    const { binder } = ports();
    const order: string[] = [];
    const traced: BinderPorts = { ...binder, takeSnapshot: async (l) => (order.push('snapshot'), binder.takeSnapshot(l)) };
    await importPortfolio({ label: 'import', changes: makePortfolio(1), onApplying: () => order.push('applying'), onProgress: () => order.push('progress') }, traced);
    expect(order.slice(0, 3)).toEqual(['snapshot', 'applying', 'progress']);
  });

  it('leaves the days off alone when going back to a snapshot that recorded none (taken by an older version)', async () => {
    freshDb();
    const { binder, settings } = ports({ holidays: ['2026-12-31'] });
    const old = await binder.takeSnapshot('old');
    await undoToSnapshot(old, binder);
    expect(settings.holidays).toEqual(['2026-12-31']);
    const recorded = await snapshotBinder('new', binder);
    settings.holidays = [];
    await undoToSnapshot(recorded, binder);
    expect(settings.holidays).toEqual(['2026-12-31']);
  });

  it('imported through the import worker\'s session, undo takes back its records and the days off it brought', async () => {
    const db = freshDb();
    await replacePortfolio(makePortfolio(3, { prefix: 'Mine' }));
    const before = await dump(db);
    const { binder, settings } = ports({ holidays: ['2026-12-30'], extraWorkingDays: [] });
    const made = makePortfolio(2, { prefix: 'Theirs' });
    // Phones of their own: no incoming dossier looks like one of mine (the preview would merge it).
    const file = { ...made, contacts: made.contacts.map((c, i) => ({ ...c, phones: [`+7916000000${i}`] })), holidays: ['2026-12-31'] };
    const session = openImport(writePortfolioWorkbook(file, META), { lang: 'en', strings: en as unknown as Record<string, unknown> }, () => {});
    const opened = await session.opened;
    if (opened.kind !== 'preview') throw new Error(opened.kind);
    expect(opened.holidaysAdded).toEqual(['2026-12-31']);

    // What applyImportSession does: snapshot and apply in the session, then the days off here.
    const start = { ...settings };
    const { snapshotId } = await session.apply({ choices: emptyChoices(opened.view), snapshotLabel: 'import', calendar: calendarOf(start), returnCopy: false }, () => {});
    await addCarriedCalendar(start, opened, binder);
    expect((await readPortfolio({ kind: 'all' })).dossiers).toHaveLength(5);
    expect(settings.holidays).toEqual(['2026-12-30', '2026-12-31']);

    await undoToSnapshot(snapshotId, binder);
    expect(await dump(db)).toEqual(before);
    expect(settings.holidays).toEqual(['2026-12-30']);
  });
});
