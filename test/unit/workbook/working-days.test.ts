import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { calendarFromWorkbook, calendarToCarry } from '../../../shared/dates/calendar-exchange';
import { applyChanges, applyMergePlan, planMerge } from '../../../shared/merge';
import { defaultSettings } from '../../../shared/model/settings';
import { readPortfolioWorkbook } from '../../../shared/workbook/read';
import { exportWorkbook, smallPortfolio } from './fixtures';

const read = (bytes: Uint8Array) => {
  const r = readPortfolioWorkbook(bytes);
  if (!r.ok) throw new Error(r.fatal.code);
  return r;
};

describe('moved working days in the portfolio workbook', () => {
  it('travel beside the holidays, in either language', () => {
    const p = { ...smallPortfolio(), extraWorkingDays: ['2025-11-01'] };
    for (const lang of ['ru', 'en'] as const) {
      const bytes = exportWorkbook(p, lang);
      const wb = XLSX.read(bytes, { type: 'array' });
      const name = lang === 'ru' ? 'Рабочие дни' : 'Working days';
      expect(wb.SheetNames).toContain(name);
      expect(wb.SheetNames.indexOf(name)).toBe(wb.SheetNames.indexOf(lang === 'ru' ? 'Праздники' : 'Holidays') + 1);
      const r = read(bytes);
      expect(r.portfolio.extraWorkingDays).toEqual(['2025-11-01']);
      expect(r.portfolio.holidays).toEqual(['2026-12-31']);
      expect(r.warnings).toEqual([]);
    }
  });

  it('an older workbook without the sheet still reads the same, with no working days and no warning', () => {
    const bytes = exportWorkbook(smallPortfolio(), 'ru');
    const wb = XLSX.read(bytes, { type: 'array' });
    wb.SheetNames = wb.SheetNames.filter((n) => n !== 'Рабочие дни');
    delete wb.Sheets['Рабочие дни'];
    const older = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    const now = read(bytes);
    const then = read(older);
    expect(then.portfolio).toEqual(now.portfolio);
    expect(then.portfolio.extraWorkingDays).toEqual([]);
    expect(then.warnings).toEqual([]);
  });

  it('merge unites them, never removes one', () => {
    const local = { ...smallPortfolio(), extraWorkingDays: ['2024-04-27'] };
    const incoming = { ...smallPortfolio(), extraWorkingDays: ['2024-11-02', '2024-04-27'] };
    const plan = planMerge(local, incoming);
    expect(plan.workingDaysAdded).toEqual(['2024-11-02']);
    const { changes } = applyMergePlan(local, plan);
    expect(applyChanges(local, changes).extraWorkingDays).toEqual(['2024-04-27', '2024-11-02']);
  });
});

describe('the calendar a workbook carries', () => {
  const ru = { ...defaultSettings(), holidayCountry: 'ru' as const, holidays: ['2026-01-09'], extraWorkingDays: ['2026-06-12'] };

  it('writes the statutory days off of last, this and next year beside the manager’s own, except those worked', () => {
    const carried = calendarToCarry(ru, '2026-12-01');
    expect(carried.holidays).toContain('2026-01-09');
    expect(carried.holidays).toContain('2025-02-24');
    expect(carried.holidays).toContain('2027-01-08');
    expect(carried.holidays).not.toContain('2028-01-03');
    expect(carried.holidays).not.toContain('2026-06-12');
    expect(carried.extraWorkingDays).toEqual(['2026-06-12']);
  });

  it('on import adds what is new, without copying the days the local law already gives', () => {
    const here = { ...defaultSettings(), holidayCountry: 'ru' as const };
    const patch = calendarFromWorkbook(here, ['2026-01-01', '2026-01-09', '2026-12-31'], ['2025-11-01']);
    expect(patch).toEqual({ holidays: ['2026-01-09', '2026-12-31'], extraWorkingDays: ['2025-11-01'] });
    expect(calendarFromWorkbook(here, ['2026-01-01'], [])).toBeUndefined();
    // Without a country every day is copied: the colleague's calendar must hold here too.
    expect(calendarFromWorkbook({ ...here, holidayCountry: 'none' }, ['2026-01-01'])?.holidays).toEqual(['2026-01-01']);
  });
});
