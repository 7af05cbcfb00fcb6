import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  dayOf,
  DEFAULT_POLICY,
  isoWeekOf,
  monthOf,
  newestFirst,
  planRotation,
  type RotatableBackup,
} from '../../../../shared/backup/rotation';

const START = Date.UTC(2024, 0, 1);
const YEARS = 3 * 365 * 86_400_000;

/** A backup at a random instant over three years; some empty, some of unknown size. */
const backupArb = fc.record({
  kind: fc.constantFrom('daily', 'daily', 'daily', 'pre-import', 'manual') as fc.Arbitrary<RotatableBackup['kind']>,
  at: fc.integer({ min: 0, max: YEARS }),
  size: fc.integer({ min: 1, max: 400 * 1024 ** 2 }),
  dossiers: fc.option(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 100_000 })), { nil: undefined }),
});

type BackupSeed = typeof backupArb extends fc.Arbitrary<infer T> ? T : never;

function materialize(xs: BackupSeed[]): RotatableBackup[] {
  return xs.map((x, i) => {
    const createdAt = new Date(START + x.at).toISOString();
    return { name: `tickler-${x.kind}-${createdAt}-${i}.xlsx`, kind: x.kind, createdAt, size: x.size, dossiers: x.dossiers };
  });
}
const listArb = fc.array(backupArb, { maxLength: 120 }).map(materialize);

const kept = (list: RotatableBackup[], remove: string[]) => list.filter((b) => !remove.includes(b.name));
const goodDailies = (list: RotatableBackup[]) => list.filter((b) => b.kind === 'daily' && b.dossiers !== 0).sort(newestFirst);

describe('backup rotation', () => {
  it('removes only backups it was given, each once', () => {
    fc.assert(
      fc.property(listArb, (list) => {
        const { remove } = planRotation(list);
        expect(new Set(remove).size).toBe(remove.length);
        for (const n of remove) expect(list.some((b) => b.name === n)).toBe(true);
      }),
    );
  });

  it('keeps the newest non-empty daily backup of each of the last 14 days, 8 weeks and 12 months', () => {
    fc.assert(
      fc.property(listArb, (list) => {
        const { remove } = planRotation(list);
        const good = goodDailies(list);
        for (const [periodOf, limit] of [[dayOf, 14], [isoWeekOf, 8], [monthOf, 12]] as const) {
          const periods = [...new Set(good.map((b) => periodOf(b.createdAt)))].slice(0, limit);
          for (const p of periods) {
            const newest = good.find((b) => periodOf(b.createdAt) === p)!;
            expect(remove).not.toContain(newest.name);
          }
        }
      }),
    );
  });

  it('never lets an empty backup push a non-empty one out', () => {
    fc.assert(
      fc.property(listArb, fc.array(fc.integer({ min: 0, max: YEARS }), { minLength: 1, maxLength: 30 }), (list, emptyAts) => {
        const empties: RotatableBackup[] = emptyAts.map((at, i) => {
          const createdAt = new Date(START + at).toISOString();
          return { name: `tickler-daily-${createdAt}-empty-${i}.xlsx`, kind: 'daily', createdAt, size: 5000, dossiers: 0 };
        });
        const before = planRotation(list).remove.filter((n) => list.find((b) => b.name === n)!.dossiers !== 0);
        const after = planRotation([...list, ...empties]).remove.filter((n) => !n.includes('-empty-') && list.find((b) => b.name === n)!.dossiers !== 0);
        expect(after.sort()).toEqual(before.sort());
        // At most one empty daily survives.
        const left = kept([...list, ...empties], planRotation([...list, ...empties]).remove);
        expect(left.filter((b) => b.kind === 'daily' && b.dossiers === 0).length).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('keeps at most 14 + 8 + 12 non-empty dailies, and is stable: rotating what it kept removes nothing', () => {
    fc.assert(
      fc.property(listArb, (list) => {
        const left = kept(list, planRotation(list).remove);
        expect(goodDailies(left).length).toBeLessThanOrEqual(14 + 8 + 12);
        expect(planRotation(left).remove).toEqual([]);
      }),
    );
  });

  it('caps manual backups by size, pruning the oldest first and always keeping the newest', () => {
    fc.assert(
      fc.property(listArb, fc.integer({ min: 1, max: 1024 ** 3 }), (list, cap) => {
        const policy = { ...DEFAULT_POLICY, manualBytes: cap };
        const { remove, prunedManual } = planRotation(list, policy);
        const manual = list.filter((b) => b.kind === 'manual').sort(newestFirst);
        const left = manual.filter((b) => !remove.includes(b.name));
        expect(prunedManual).toEqual(manual.filter((b) => remove.includes(b.name)).map((b) => b.name));
        if (manual.length) expect(left[0]).toBe(manual[0]);
        if (left.length > 1) expect(left.reduce((s, b) => s + b.size, 0)).toBeLessThanOrEqual(cap);
        // Every pruned one is older than (or as old as) every kept one.
        for (const p of prunedManual) for (const k of left) expect(newestFirst(k, manual.find((b) => b.name === p)!)).toBeLessThanOrEqual(0);
      }),
    );
  });

  it('keeps the newest 10 pre-import snapshots', () => {
    fc.assert(
      fc.property(listArb, (list) => {
        const { remove } = planRotation(list);
        const pre = list.filter((b) => b.kind === 'pre-import').sort(newestFirst);
        expect(pre.filter((b) => !remove.includes(b.name))).toEqual(pre.slice(0, 10));
      }),
    );
  });

  it('a fortnight of empty dailies after a wipe leaves every good backup in place', () => {
    // The incident of issue 12: the database is wiped and the app writes an empty daily each day.
    const good: RotatableBackup[] = Array.from({ length: 14 }, (_, i) => {
      const createdAt = new Date(Date.UTC(2026, 10, 1 + i, 9)).toISOString();
      return { name: `good-${i}`, kind: 'daily', createdAt, size: 1e6, dossiers: 300 };
    });
    let list = [...good];
    for (let i = 0; i < 14; i++) {
      const createdAt = new Date(Date.UTC(2026, 10, 15 + i, 9)).toISOString();
      list.push({ name: `empty-${i}`, kind: 'daily', createdAt, size: 5000, dossiers: 0 });
      list = kept(list, planRotation(list).remove);
    }
    expect(list.filter((b) => b.dossiers === 300).map((b) => b.name)).toEqual(good.map((b) => b.name));
    expect(list.filter((b) => b.dossiers === 0).map((b) => b.name)).toEqual(['empty-13']);
  });

  it('numbers ISO weeks as ISO 8601 does', () => {
    expect(isoWeekOf('2026-01-01T00:00:00.000Z')).toBe('2026-W01');
    expect(isoWeekOf('2027-01-01T00:00:00.000Z')).toBe('2026-W53');
    expect(isoWeekOf('2024-12-30T00:00:00.000Z')).toBe('2025-W01');
    expect(isoWeekOf('2026-11-24T00:00:00.000Z')).toBe('2026-W48');
  });
});
