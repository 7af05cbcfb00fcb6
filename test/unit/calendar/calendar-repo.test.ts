import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { getMonthDigest, getStepsInRange, getTimedSteps, loadByDay } from '../../../renderer/data/calendar-repo';
import { createDb, type DossierRow, type TicklerDb } from '../../../renderer/data/db';
import type { Step } from '../../../shared/model/records';

const meta = { createdAt: '2026-11-01T00:00:00Z', updatedAt: '2026-11-01T00:00:00Z', author: 'Anna', syncBase: '' };
let n = 0;
const uuid = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;

function dossier(company: string, over: Partial<DossierRow> = {}): DossierRow {
  return {
    ...meta, id: uuid(), company, taxId: '', industry: '', segment: '', territory: '', vip: false, owner: 'Anna',
    tags: [], customFields: {}, notes: '', status: 'active', coveredFor: '', coveredUntil: '', words: [], ...over,
  };
}
function step(dossierId: string, over: Partial<Step>): Step {
  return {
    ...meta, id: uuid(), dossierId, kind: 'call', title: '', date: '', month: '', time: '', durationMin: 0,
    remindMin: -1, done: false, doneAt: '', ...over,
  };
}

async function seed(): Promise<{ db: TicklerDb; a: DossierRow; b: DossierRow; gone: DossierRow }> {
  const db = createDb(`cal-${Math.random()}`);
  const a = dossier('Alfa LLC');
  const b = dossier('Beta SRL');
  const gone = dossier('Archived Ltd', { status: 'archived' });
  await db.dossiers.bulkAdd([a, b, gone]);
  await db.steps.bulkAdd([
    step(a.id, { id: 'in-1', date: '2026-11-24', time: '10:00', kind: 'meeting', durationMin: 60, title: 'Terms' }),
    step(a.id, { id: 'in-2', date: '2026-11-24' }),
    step(b.id, { id: 'in-3', date: '2026-11-30', time: '09:30' }),
    step(b.id, { id: 'edge-before', date: '2026-10-31' }),
    step(b.id, { id: 'edge-after', date: '2026-12-01' }),
    step(a.id, { id: 'done', date: '2026-11-25', done: true }),
    step(b.id, { id: 'month', month: '2026-11' }),
    step(gone.id, { id: 'archived', date: '2026-11-26' }),
  ]);
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

  it('reads through the date index, never the whole table', async () => {
    const { db } = await seed();
    const used: string[] = [];
    const where = db.steps.where.bind(db.steps);
    db.steps.where = ((index: string) => {
      used.push(index);
      return where(index);
    }) as typeof db.steps.where;
    const scan = db.steps.toArray.bind(db.steps);
    let scans = 0;
    db.steps.toArray = (() => {
      scans++;
      return scan();
    }) as typeof db.steps.toArray;
    await getStepsInRange('2026-11-01', '2026-11-30', db);
    expect(used).toEqual(['date']);
    expect(scans).toBe(0);
  });

  it('counts distinct dossiers per day for the load against capacity', async () => {
    const { db, a, b } = await seed();
    const items = await getStepsInRange('2026-11-01', '2026-11-30', db);
    expect(loadByDay(items)).toEqual(new Map([['2026-11-24', 1], ['2026-11-30', 1]]));
    expect(a.id).not.toBe(b.id);
  });
});

describe('getMonthDigest', () => {
  it('joins only the first items of each day and counts the rest, without archived dossiers', async () => {
    const { db, a, b, gone } = await seed();
    await db.steps.bulkAdd([
      step(b.id, { id: 'x1', date: '2026-11-24', time: '09:00' }),
      step(b.id, { id: 'x2', date: '2026-11-24', time: '11:00' }),
      step(gone.id, { id: 'x3', date: '2026-11-24', time: '12:00' }),
    ]);
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
