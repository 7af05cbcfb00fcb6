import { describe, expect, it } from 'vitest';
import { generateDemoChunks, generateDemoPortfolio } from '../../../shared/demo/generate-demo-portfolio';
import { fileKeyOf } from '../../../shared/model/filing';
import { contactSchema, dossierSchema, historySchema, invoiceSchema, stepSchema } from '../../../shared/model/records';
import { validateTaxId } from '../../../shared/model/tax-id';

const TODAY = '2026-11-24';

describe('the demo portfolio', () => {
  const demo = generateDemoPortfolio({ dossiers: 300, today: TODAY, seed: 42 });

  it('is the same for the same seed and different for another', () => {
    expect(generateDemoPortfolio({ dossiers: 300, today: TODAY, seed: 42 })).toEqual(demo);
    expect(generateDemoPortfolio({ dossiers: 300, today: TODAY, seed: 43 }).dossiers[0]!.company).not.toBe(demo.dossiers[0]!.company);
  });

  it('holds valid records: schemas, tax ids with check digits, every dossier filed', () => {
    for (const d of demo.dossiers) {
      expect(dossierSchema.parse(d)).toEqual(d);
      expect(validateTaxId(d.taxId).ok).toBe(true);
    }
    demo.contacts.forEach((c) => contactSchema.parse(c));
    demo.history.forEach((h) => historySchema.parse(h));
    demo.steps.forEach((s) => stepSchema.parse(s));
    demo.invoices.forEach((i) => invoiceSchema.parse(i));
    expect(demo.dossiers.every((d) => fileKeyOf(demo.steps.filter((s) => s.dossierId === d.id)) !== undefined)).toBe(true);
  });

  it('never files a dossier on or before a day it was already contacted: a logged call refiles it', () => {
    for (const seed of [1, 42, 7]) {
      const p = generateDemoPortfolio({ dossiers: 600, today: TODAY, seed });
      const lastContact = new Map<string, string>();
      for (const h of p.history) {
        const day = h.at.slice(0, 10);
        if (day > (lastContact.get(h.dossierId) ?? '')) lastContact.set(h.dossierId, day);
      }
      const late = p.steps.filter((s) => s.date && !s.done && (lastContact.get(s.dossierId) ?? '') >= s.date);
      expect(late.map((s) => [s.date, lastContact.get(s.dossierId)])).toEqual([]);
    }
  });

  it('looks like a working binder: ~30 due today, a few overdue, ~10% in month folders, VIPs, meetings', () => {
    const keys = demo.dossiers.map((d) => fileKeyOf(demo.steps.filter((s) => s.dossierId === d.id))!);
    const today = keys.filter((k) => k === TODAY).length;
    const overdue = keys.filter((k) => k.length === 10 && k < TODAY).length;
    const months = keys.filter((k) => k.length === 7).length;
    expect(today).toBeGreaterThanOrEqual(25);
    expect(today).toBeLessThanOrEqual(35);
    expect(overdue).toBeGreaterThanOrEqual(1);
    expect(overdue).toBeLessThanOrEqual(8);
    expect(months).toBeGreaterThan(10);
    expect(months).toBeLessThan(60);
    const vip = demo.dossiers.filter((d) => d.vip).length;
    expect(vip).toBeGreaterThan(10);
    expect(vip).toBeLessThan(60);
    expect(demo.steps.some((s) => s.kind === 'meeting' && s.time !== '')).toBe(true);
    expect(demo.history.every((h) => h.at < `${TODAY}T00:00`)).toBe(true);
    expect(demo.contacts.every((c) => c.phones[0]!.startsWith('+7 9'))).toBe(true);
  });

  it('comes in chunks that add up to the whole', () => {
    const chunks = [...generateDemoChunks({ dossiers: 250, today: TODAY, seed: 42, historyPerDossier: 10 }, 100)];
    expect(chunks.map((c) => c.dossiers.length)).toEqual([100, 100, 50]);
    expect(chunks.reduce((n, c) => n + c.history.length, 0)).toBe(2500);
  });
});
