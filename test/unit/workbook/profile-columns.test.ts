import { describe, expect, it } from 'vitest';
import { contentHash } from '../../../shared/merge/content-hash';
import { readPortfolioWorkbook } from '../../../shared/workbook/read';
import { exportWorkbook, smallPortfolio } from './fixtures';

describe('the client profile in the Dossiers sheet', () => {
  it('travels through a workbook', () => {
    const p = smallPortfolio();
    Object.assign(p.dossiers[0]!, {
      okved: '46.90', headcount: 120, annualRevenue: 950_000_000, registeredOn: '2026-03-02', vip: true,
      vipCriteria: ['group-member', 'Свой человек в министерстве'], coveredFrom: '2026-12-07', ownerHistory: ['2025-01-10 Олег'],
    });
    for (const lang of ['en', 'ru', 'ro'] as const) {
      const r = readPortfolioWorkbook(exportWorkbook(p, lang));
      if (!r.ok) throw new Error('not read');
      expect({ ...r.portfolio.dossiers[0], syncBase: '' }).toEqual(p.dossiers[0]);
    }
  });

  it('empty profile cells read into the same records and hashes as before the columns existed', () => {
    const p = smallPortfolio();
    const r = readPortfolioWorkbook(exportWorkbook(p, 'en'));
    if (!r.ok) throw new Error('not read');
    expect(r.portfolio.dossiers.map((d) => ({ ...d, syncBase: '' }))).toEqual(p.dossiers);
    // The version written is the hash of the record as it was before the profile existed.
    expect(r.portfolio.dossiers.map((d) => d.syncBase)).toEqual(p.dossiers.map(contentHash));
    expect('okved' in r.portfolio.dossiers[0]!).toBe(false);
  });
});
