import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { getFolderCounts, getTodayFolder } from '../../../renderer/data/binder-repo';
import { getDb, type TicklerDb } from '../../../renderer/data/db';
import { getDossierView } from '../../../renderer/data/dossier-repo';
import { clearAll, readPortfolio, rebuildDerived, writePortfolio } from '../../../renderer/data/portfolio-repo';
import { recountFolders } from '../../../renderer/data/folder-counts';
import { generateDemoPortfolio } from '../../../shared/demo/generate-demo-portfolio';
import type { Portfolio } from '../../../shared/model/records';
import { freshDb } from './setup-db';

const TODAY = '2026-11-24';

const byId = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => a.id.localeCompare(b.id));
const sorted = (p: Portfolio) => ({
  dossiers: byId(p.dossiers),
  contacts: byId(p.contacts),
  history: byId(p.history),
  steps: byId(p.steps),
  invoices: byId(p.invoices),
});

describe('portfolio in and out', () => {
  let db: TicklerDb;
  beforeEach(() => {
    db = freshDb();
  });

  it('writes a portfolio and reads back exactly the same records, with rows and counters derived', async () => {
    const demo = generateDemoPortfolio({ dossiers: 120, today: TODAY, seed: 3 });
    const progress: number[] = [];
    await writePortfolio(demo, { onProgress: (done) => progress.push(done) });
    expect(progress.at(-1)).toBe(120);
    expect(sorted(await readPortfolio({ kind: 'all' }))).toEqual(sorted(demo));

    const counts = [...(await getFolderCounts())].map(([key, count]) => ({ key, count }));
    expect(counts.sort((a, b) => a.key.localeCompare(b.key))).toEqual((await recountFolders(getDb())).sort((a, b) => a.key.localeCompare(b.key)));
    expect((await getTodayFolder(TODAY)).length).toBeGreaterThan(0);
    const view = await getDossierView(demo.dossiers[0]!.id);
    expect(view!.row.lastContactAt).toBe(demo.history.filter((h) => h.dossierId === demo.dossiers[0]!.id).map((h) => h.at).sort().at(-1));
  });

  it('upserts: writing it again changes nothing, an import adding history updates the row', async () => {
    const demo = generateDemoPortfolio({ dossiers: 30, today: TODAY, seed: 4 });
    await writePortfolio(demo);
    await writePortfolio(demo);
    expect(await db.dossiers.count()).toBe(30);
    expect([...(await getFolderCounts()).values()].reduce((a, b) => a + b, 0)).toBe(30);

    const d = demo.dossiers[0]!;
    const entry = { ...demo.history.find((h) => h.dossierId === d.id)!, id: crypto.randomUUID(), at: '2026-11-24T12:00:00.000Z', summary: 'Новый звонок коллеги' };
    await writePortfolio({ dossiers: [], contacts: [], history: [entry], steps: [], invoices: [], payments: [], holidays: [] });
    const view = await getDossierView(d.id);
    expect(view!.row.lastSummary).toBe('Новый звонок коллеги');
    expect(view!.history[0]!.summary).toBe('Новый звонок коллеги');
  });

  it('reads an owner, a selection, or the dossiers due in a period with their full history', async () => {
    const anna = generateDemoPortfolio({ dossiers: 40, today: TODAY, seed: 5, owner: 'Анна' });
    const boris = generateDemoPortfolio({ dossiers: 10, today: TODAY, seed: 6, owner: 'Борис' });
    await writePortfolio(anna);
    await writePortfolio(boris);
    expect(sorted(await readPortfolio({ kind: 'owner', owner: 'Борис' }))).toEqual(sorted(boris));

    const two = anna.dossiers.slice(0, 2).map((d) => d.id);
    const sel = await readPortfolio({ kind: 'ids', ids: two });
    expect(sel.dossiers.map((d) => d.id)).toEqual(two);
    expect(sel.history).toHaveLength(anna.history.filter((h) => two.includes(h.dossierId)).length);

    const from = '2026-11-25';
    const to = '2026-12-04';
    const period = await readPortfolio({ kind: 'period', from, to });
    const all = [...anna.steps, ...boris.steps];
    const due = new Set(all.filter((s) => (s.date >= from && s.date <= to) || s.month === '2026-11' || s.month === '2026-12').map((s) => s.dossierId));
    expect(new Set(period.dossiers.map((d) => d.id))).toEqual(due);
    expect(period.history).toHaveLength([...anna.history, ...boris.history].filter((h) => due.has(h.dossierId)).length);
  });

  it('clears everything and rebuilds derived rows and counters from the records', async () => {
    await writePortfolio(generateDemoPortfolio({ dossiers: 25, today: TODAY, seed: 8 }));
    await db.folderCounts.clear();
    await db.dossiers.toCollection().modify((r) => {
      delete r.fileKey;
      r.words = [];
    });
    await rebuildDerived();
    expect((await getFolderCounts()).size).toBeGreaterThan(0);
    expect([...(await getFolderCounts()).values()].reduce((a, b) => a + b, 0)).toBe(25);
    expect((await db.dossiers.toArray()).every((r) => r.fileKey && r.words.length > 0)).toBe(true);

    await clearAll();
    expect(await db.dossiers.count()).toBe(0);
    expect(await db.papers.count()).toBe(0);
    expect((await getFolderCounts()).size).toBe(0);
  });
});
