import '../data/browser-globals';
import { beforeEach, describe, expect, it } from 'vitest';
import { freshDb, makePortfolio } from './fixtures';
import type { TicklerDb } from '../../../renderer/data/db';
import { readPortfolio, writePortfolio } from '../../../renderer/data/portfolio-repo';
import { openImport } from '../../../renderer/workers/import-client';
import { PAGE_SIZE, type ApplyRequest } from '../../../renderer/workers/import-session';
import { JobCancelled } from '../../../renderer/workers/workbook-client';
import type { JobProgress } from '../../../renderer/workers/workbook-jobs';
import { emptyChoices } from '../../../renderer/features/sync/plan-view';
import { en } from '../../../renderer/features/sync/i18n';
import { readPortfolioWorkbook, writePortfolioWorkbook } from '../../../shared/workbook';

const META = { appVersion: 'test', exportedBy: 'Boris', scope: 'all', language: 'en' as const };
const OPTS = { lang: 'en' as const, strings: en as unknown as Record<string, unknown> };
const request = (choices: ApplyRequest['choices']): ApplyRequest => ({
  choices,
  snapshotLabel: 'before the import',
  calendar: { holidays: [], extraWorkingDays: [] },
  returnCopy: false,
});

/** The stored values of every business table, to compare a binder before and after. */
async function contents(db: TicklerDb) {
  const [dossiers, papers, counts, days] = await Promise.all([db.dossiers.toArray(), db.papers.toArray(), db.folderCounts.toArray(), db.calendarShards.toArray()]);
  return { dossiers, papers, counts, days };
}

let db: TicklerDb;
beforeEach(() => {
  db = freshDb();
});

describe('an import session', () => {
  it('previews a large file as its first pages with the totals, counts per kind and further pages on request', async () => {
    const file = makePortfolio(PAGE_SIZE + 20, { historyPer: 1 });
    const phases: JobProgress['phase'][] = [];
    const session = openImport(writePortfolioWorkbook(file, META), OPTS, (p) => phases.push(p.phase));
    const opened = await session.opened;
    if (opened.kind !== 'preview') throw new Error(opened.kind);
    expect(phases).toEqual(expect.arrayContaining(['load', 'read', 'plan']));
    const { view } = opened;
    expect(view.kinds).toMatchObject({ dossiers: PAGE_SIZE + 20, contacts: PAGE_SIZE + 20, history: PAGE_SIZE + 20 });
    expect(view.totals.created).toBe(view.counts.created);
    expect(view.totals.created).toBeGreaterThan(PAGE_SIZE);
    // Only the first page crosses to the window; the next one is asked for.
    expect(view.created).toHaveLength(PAGE_SIZE);
    const next = await session.page('created', PAGE_SIZE);
    expect(next.length).toBe(Math.min(PAGE_SIZE, view.totals.created - PAGE_SIZE));
    expect(new Set([...view.created, ...next].map((i) => i.key)).size).toBe(view.created.length + next.length);
    session.close();
  });

  it('applies the choices with a snapshot first and reports its progress', async () => {
    const file = makePortfolio(30);
    const session = openImport(writePortfolioWorkbook(file, META), OPTS, () => {});
    const opened = await session.opened;
    if (opened.kind !== 'preview') throw new Error(opened.kind);
    const seen: JobProgress[] = [];
    const done = await session.apply(request(emptyChoices(opened.view)), (p) => seen.push(p));
    expect(await db.dossiers.count()).toBe(30);
    expect(await db.snapshots.get(done.snapshotId)).toMatchObject({ label: 'before the import' });
    expect(seen.map((p) => p.phase)).toEqual(expect.arrayContaining(['copy', 'apply']));
    expect(seen.filter((p) => p.phase === 'apply').at(-1)?.fraction).toBe(1);
  });

  it('cancelled while it applies, stores nothing of the import: the binder is exactly as it was', async () => {
    await writePortfolio(makePortfolio(5, { prefix: 'Local' }));
    const before = await contents(db);
    // Several write chunks, so that the cancel lands between two of them, inside the transaction.
    const made = makePortfolio(2500, { prefix: 'Incoming' });
    // Phones of their own: no incoming dossier looks like a local one (it would merge into it).
    const file = { ...made, contacts: made.contacts.map((c, i) => ({ ...c, phones: [`+7916${String(i).padStart(7, '0')}`] })) };
    const session = openImport(writePortfolioWorkbook(file, META), OPTS, () => {});
    const opened = await session.opened;
    if (opened.kind !== 'preview') throw new Error(opened.kind);
    const applying = session.apply(request(emptyChoices(opened.view)), (p) => {
      if (p.phase === 'apply' && (p.fraction ?? 0) > 0) session.cancel();
    });
    await expect(applying).rejects.toBeInstanceOf(JobCancelled);
    expect(await contents(db)).toEqual(before);
  });

  it('"take theirs for all" reaches the conflicts past the first page', async () => {
    const mine = makePortfolio(PAGE_SIZE + 5);
    await writePortfolio(mine);
    // My export, read back as the colleague has it (each record's version is the exported one)…
    const sent = readPortfolioWorkbook(writePortfolioWorkbook(await readPortfolio({ kind: 'all' }), META));
    if (!sent.ok) throw new Error(sent.fatal.message);
    // …then the colleague changed every dossier's territory, and so did I: a conflict each.
    const changed = { ...sent.portfolio, dossiers: sent.portfolio.dossiers.map((d) => ({ ...d, territory: 'Theirs', updatedAt: '2026-11-21T09:00:00.000Z', author: 'Boris' })) };
    await db.dossiers.toCollection().modify({ territory: 'Mine', updatedAt: '2026-11-20T09:00:00.000Z' });
    const session = openImport(writePortfolioWorkbook(changed, META), OPTS, () => {});
    const opened = await session.opened;
    if (opened.kind !== 'preview') throw new Error(opened.kind);
    expect(opened.view.totals.conflicts).toBe(PAGE_SIZE + 5);
    expect(opened.view.conflicts).toHaveLength(PAGE_SIZE);
    await session.apply(request({ ...emptyChoices(opened.view), allConflicts: 'theirs' }), () => {});
    const territories = new Set((await db.dossiers.toArray()).map((d) => d.territory));
    expect([...territories]).toEqual(['Theirs']);
  });
});
