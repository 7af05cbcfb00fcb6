import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../shared/dates/calendar-day';
import { binderDayFolders, folderOfKey } from '../../../shared/dates/binder-folders';
import { fileKeyOf } from '../../../shared/model/filing';
import { workloadByOwner } from '../../../shared/portfolio/workload';

const FROM = '2026-12-01';
const dossier = (id: string, owner: string, status: 'active' | 'archived' = 'active') => ({ id, owner, status });
const step = (dossierId: string, date: string, month = '', done = false) => ({ dossierId, date, month, done });

describe('workload per owner', () => {
  it('files a dossier under its earliest open step; a month step after its month\'s days; month folders not counted', () => {
    const r = workloadByOwner(
      [dossier('a', 'Анна'), dossier('b', 'Анна'), dossier('c', 'Анна'), dossier('d', 'Олег'), dossier('e', 'Олег'), dossier('f', 'Олег', 'archived')],
      [
        step('a', '2026-12-03'), step('a', '2026-12-02', '', true), step('a', '2026-12-10'),
        step('b', '', '2026-12'), step('b', '2026-12-31'), // the day in the month beats the month
        step('c', '', '2026-12'), // only a month step: month folder, not counted
        step('d', '2026-11-30'), // before the window: overdue
        step('e', '2026-12-08'), // the day after a 7-day window: not counted
        step('f', '2026-12-01'),
      ],
      FROM, 7,
    );
    expect(JSON.parse(JSON.stringify(r))).toEqual({ Анна: { overdue: 0, '2026-12-03': 1 }, Олег: { overdue: 1 } });
    expect(workloadByOwner([dossier('b', 'Анна')], [step('b', '', '2026-12'), step('b', '2026-12-31')], FROM, 31)['Анна']).toEqual({ overdue: 0, '2026-12-31': 1 });
  });

  it('an owner named like a built-in property is just a name', () => {
    const r = workloadByOwner([dossier('a', '__proto__'), dossier('b', 'constructor')], [step('a', FROM), step('b', FROM)], FROM, 1);
    expect(Object.keys(r).sort()).toEqual(['__proto__', 'constructor']);
    expect({ ...r['__proto__'] }).toEqual({ overdue: 0, [FROM]: 1 });
    expect({ ...r['constructor'] }).toEqual({ overdue: 0, [FROM]: 1 });
  });

  it('the team view\'s counts equal each manager\'s own binder counts', () => {
    const owners = ['Анна', 'Олег', 'Иван'];
    const dayArb = fc.integer({ min: -40, max: 60 }).map((n) => addDays(FROM, n));
    const stepArb = fc.record({ dossier: fc.nat(29), date: dayArb, month: fc.constantFrom('', '2026-12', '2027-01'), done: fc.boolean(), isMonth: fc.boolean() });
    fc.assert(fc.property(fc.array(fc.constantFrom(...owners), { minLength: 1, maxLength: 30 }), fc.array(stepArb, { maxLength: 80 }), (ownerOf, raw) => {
      const dossiers = ownerOf.map((o, i) => dossier(`d${i}`, o));
      const steps = raw.filter((s) => s.dossier < dossiers.length).map((s) => (s.isMonth && s.month ? step(`d${s.dossier}`, '', s.month, s.done) : step(`d${s.dossier}`, s.date, '', s.done)));
      const team = workloadByOwner(dossiers, steps, FROM, 31);
      // Each manager's binder: the all-days month from FROM, its overdue insert and day folders.
      const folders = binderDayFolders(FROM, 'all-days', { workingWeek: [1, 2, 3, 4, 5], holidays: [], extraWorkingDays: [] });
      for (const owner of owners) {
        const binder: Record<string, number> = { overdue: 0 };
        for (const d of dossiers.filter((x) => x.owner === owner)) {
          const key = fileKeyOf(steps.filter((s) => s.dossierId === d.id));
          if (key === undefined) continue;
          const place = folderOfKey(key, FROM, folders);
          if (place.kind === 'overdue') binder.overdue!++;
          else if (place.kind === 'day') binder[place.key] = (binder[place.key] ?? 0) + 1;
        }
        const mine = team[owner];
        if (!mine) expect(Object.values(binder).every((n) => n === 0)).toBe(true);
        else expect({ ...mine }).toEqual(binder);
      }
    }));
  });
});
