/**
 * baseDossier, the record a stored row reads back as: every field of the dossier in its
 * order, none of the derived ones (the portfolio read, the handover export and the sync
 * rely on it; it builds a fresh object instead of deleting from a copy, for speed).
 */
import { describe, expect, it } from 'vitest';
import { baseDossier, deriveRow } from '../../../renderer/data/derive-row';
import { generateDemoPortfolio } from '../../../shared/demo/generate-demo-portfolio';

describe('baseDossier', () => {
  it('gives back the dossier as written, field for field and in order, without the derived fields', () => {
    const p = generateDemoPortfolio({ dossiers: 20, today: '2026-11-24', seed: 3 });
    for (const d of p.dossiers) {
      const withProfile = { ...d, annualRevenue: 5_000_000, headcount: 12, vipCriteria: ['group-member'] };
      const row = deriveRow(withProfile, p.steps.filter((s) => s.dossierId === d.id), p.contacts.filter((c) => c.dossierId === d.id), p.history.filter((h) => h.dossierId === d.id).at(-1));
      const back = baseDossier(row);
      expect(back).toEqual(withProfile);
      expect(Object.keys(back)).toEqual(Object.keys(withProfile));
      expect(baseDossier(withProfile)).toEqual(withProfile);
    }
  });
});
