import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dossier, step } from '../data/record-factories';
import type { Step } from '../../../shared/model/records';
import { getDaySummary, getMonthDigest, getStepsInRange, getTimedSteps, loadByDay } from '../../../renderer/data/calendar-repo';
import type { DossierRow, TicklerDb } from '../../../renderer/data/db';
import { writePortfolio } from '../../../renderer/data/portfolio-repo';
import { paperRecord, runWrite, putRecord, setDossier } from '../../../renderer/data/write-context';
import { baseDossier } from '../../../renderer/data/derive-row';
import { freshDb } from '../data/setup-db';


const portfolio = (dossiers: DossierRow[], steps: Step[]) => ({ dossiers, steps, contacts: [], history: [], invoices: [], payments: [], holidays: [] });

/** Seeded through the bulk writer, as an import or the demo would: the day values are derived there. */
async function seed(): Promise<{ db: TicklerDb; a: DossierRow; b: DossierRow; gone: DossierRow }> {
  const db = freshDb();
  const a = dossier('Alfa LLC');
  const b = dossier('Beta SRL');
  const gone = dossier('Archived Ltd', { status: 'archived' });
  await writePortfolio(portfolio([a, b, gone], [
    step(a.id, { id: 'in-1', date: '2026-11-24', time: '10:00', kind: 'meeting', durationMin: 60, title: 'Terms' }),
    step(a.id, { id: 'in-2', date: '2026-11-24' }),
    step(b.id, { id: 'in-3', date: '2026-11-30', time: '09:30' }),
    step(b.id, { id: 'edge-before', date: '2026-10-31' }),
    step(b.id, { id: 'edge-after', date: '2026-12-01' }),
    step(a.id, { id: 'done', date: '2026-11-25', done: true }),
    step(b.id, { id: 'month', month: '2026-11' }),
    step(gone.id, { id: 'archived', date: '2026-11-26' }),
  ]));
  return { db, a, b, gone };
}

describe('getStepsInRange', () => {
  it('returns only open, dated, in-range steps of active dossiers, joined with the company', async () => {
    const { db, a } = await seed();
    const items = await getStepsInRange('2026-11-01', '2026-11-30', db);
    expect(items.map((i) => i.id)).toEqual(['in-2', 'in-1', 'in-3']);
    expect(items[1]).toEqual({
      id: 'in-1', dossierId: a.id, company: 'Alfa LLC', kind: 'meeting', title: 'Terms', date: '2026-11-24',
      time: '10:00', durationMin: 60, remindMin: -1,
    });
  });

  it('includes both edges of the range', async () => {
    const { db } = await seed();
    const ids = (await getStepsInRange('2026-10-31', '2026-12-01', db)).map((i) => i.id);
    expect(ids).toContain('edge-before');
    expect(ids).toContain('edge-after');
    expect(ids).not.toContain('month');
    expect(ids).not.toContain('done');
    expect(ids).not.toContain('archived');
  });

  it('reads only the day values of the range, never the papers or dossiers tables', async () => {
    const { db } = await seed();
    const touched: string[] = [];
    for (const table of [db.papers, db.dossiers]) {
      for (const m of ['where', 'toArray', 'get', 'bulkGet', 'toCollection', 'orderBy'] as const) {
        const original = (table[m] as (...a: unknown[]) => unknown).bind(table);
        (table as unknown as Record<string, unknown>)[m] = (...args: unknown[]) => {
          touched.push(`${table.name}.${m}`);
          return original(...args);
        };
      }
    }
    expect(await getStepsInRange('2026-11-01', '2026-11-30', db)).toHaveLength(3);
    expect(touched).toEqual([]);
  });

  it('follows every change: a moved step, a renamed company, an archived dossier', async () => {
    const { db, a, b } = await seed();
    await runWrite('Anna', async (ctx) => {
      const s = (await paperRecord(ctx, 'steps', b.id, 'in-3'))!;
      await putRecord(ctx, 'steps', { ...s, date: '2026-11-25' }, s);
      setDossier(ctx, { ...baseDossier(a), company: 'Alfa Group' });
    });
    let items = await getStepsInRange('2026-11-01', '2026-11-30', db);
    expect(items.map((i) => [i.id, i.date, i.company])).toEqual([
      ['in-2', '2026-11-24', 'Alfa Group'],
      ['in-1', '2026-11-24', 'Alfa Group'],
      ['in-3', '2026-11-25', 'Beta SRL'],
    ]);
    expect(await db.calendarShards.where('date').equals('2026-11-30').count()).toBe(0); // an emptied day's shards are removed
    await runWrite('Anna', async (ctx) => setDossier(ctx, { ...baseDossier(b), status: 'archived' }));
    items = await getStepsInRange('2026-11-01', '2026-11-30', db);
    expect(items.map((i) => i.id)).toEqual(['in-2', 'in-1']);
  });

  it('counts distinct dossiers per day for the load against capacity', async () => {
    const { db, a, b } = await seed();
    const items = await getStepsInRange('2026-11-01', '2026-11-30', db);
    expect(loadByDay(items)).toEqual(new Map([['2026-11-24', 1], ['2026-11-30', 1]]));
    expect(a.id).not.toBe(b.id);
  });
});

describe('the stored columns of a day', () => {
  // A shard joins its text values into one string per column; a workbook may bring any text,
  // the separator (U+001F) and empty titles included, and the calendar must show it as typed.
  const text = fc.string({ unit: fc.constantFrom('a', 'Я', ' ', '', '\u001f', '\n', '|'), maxLength: 6 });
  it('gives back every company, title and id as it was written, whatever characters they hold', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ company: text, title: text, id: text, time: fc.constantFrom('', '09:00', '14:30') }), { minLength: 1, maxLength: 12 }), async (specs) => {
        const db = freshDb();
        const rows = specs.map((s) => dossier(s.company));
        const steps = specs.map((s, i) => step(rows[i]!.id, { id: `${s.id}#${i}`, title: s.title, time: s.time, date: '2026-11-24' }));
        await writePortfolio(portfolio(rows, steps));
        const got = await getStepsInRange('2026-11-24', '2026-11-24', db);
        const byId = new Map(got.map((g) => [g.id, g]));
        expect(got).toHaveLength(specs.length);
        specs.forEach((s, i) => {
          expect(byId.get(`${s.id}#${i}`)).toMatchObject({ company: s.company, title: s.title, time: s.time, dossierId: rows[i]!.id });
        });
        db.close();
      }),
      { numRuns: 40 },
    );
  });
});

describe('getMonthDigest', () => {
  it('hands on only the first items of each day and counts the rest, without archived dossiers', async () => {
    const { db, a, b, gone } = await seed();
    await writePortfolio(portfolio([], [
      step(b.id, { id: 'x1', date: '2026-11-24', time: '09:00' }),
      step(b.id, { id: 'x2', date: '2026-11-24', time: '11:00' }),
      step(gone.id, { id: 'x3', date: '2026-11-24', time: '12:00' }),
    ]));
    const digest = await getMonthDigest('2026-11-01', '2026-11-30', 2, db);
    expect(digest.items.map((i) => i.id)).toEqual(['in-2', 'x1', 'in-3']);
    expect(digest.items[1]!.company).toBe('Beta SRL');
    expect(digest.totals.get('2026-11-24')).toEqual({ items: 4, dossiers: 2 });
    expect(digest.totals.get('2026-11-30')).toEqual({ items: 1, dossiers: 1 });
    expect(digest.totals.has('2026-11-26')).toBe(false); // the archived dossier's day
    expect(a.id).toBeTruthy();
  });
});

describe('getTimedSteps', () => {
  it('returns only timed open steps (what reminders can fire for)', async () => {
    const { db } = await seed();
    expect((await getTimedSteps('2026-11-01', '2026-11-30', db)).map((i) => i.id)).toEqual(['in-1', 'in-3']);
  });
});

describe('getDaySummary', () => {
  it('counts today\'s meetings from the day value', async () => {
    const { db } = await seed();
    expect((await getDaySummary('2026-11-24', db)).meetings).toBe(1);
    expect((await getDaySummary('2026-11-30', db)).meetings).toBe(0);
  });
});

