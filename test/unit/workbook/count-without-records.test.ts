/**
 * countPortfolioWorkbook (the CLI's `stats`) keeps no records, yet must find exactly what a
 * full read finds: the same number of records of each kind and the same problems, in the
 * same order, whatever a person did to the file in Excel.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../shared/cli/commands';
import { countPortfolioWorkbook, readPortfolioWorkbook } from '../../../shared/workbook/read';
import { memoryIo } from '../cli/memory-io';
import { ID, PersonEdit, exportWorkbook, smallPortfolio } from './fixtures';
import { portfolioArb } from './portfolio-arbitrary';

/** What a person may do to a row of an exported workbook, each one a problem or a new record. */
type Edit =
  | { kind: 'duplicate-dossier' } // a dossier row pasted twice
  | { kind: 'bad-date' } // a step's date typed wrong
  | { kind: 'history-by-company'; company: 'known' | 'unknown' } // a call logged under the company's name, no id
  | { kind: 'new-dossier' } // a client typed in
  | { kind: 'bad-id' }; // a contact's id mangled

const editArb: fc.Arbitrary<Edit> = fc.oneof(
  fc.constant({ kind: 'duplicate-dossier' as const }),
  fc.constant({ kind: 'bad-date' as const }),
  fc.constantFrom('known' as const, 'unknown' as const).map((company) => ({ kind: 'history-by-company' as const, company })),
  fc.constant({ kind: 'new-dossier' as const }),
  fc.constant({ kind: 'bad-id' as const }),
);

function edited(bytes: Uint8Array, edits: readonly Edit[]): Uint8Array {
  const e = new PersonEdit(bytes);
  for (const edit of edits) {
    switch (edit.kind) {
      case 'duplicate-dossier':
        e.add('Dossiers', { ID: ID(1), Company: 'ООО «Ромашка» (copy)' });
        break;
      case 'bad-date':
        e.set('Steps', e.rowOf('Steps', ID(31)), 'Date', '31.02.2026x');
        break;
      case 'history-by-company':
        e.add('Contact history', { Company: edit.company === 'known' ? 'ИП Петров' : 'Nobody Ltd', Kind: 'call', Summary: 'by name' });
        break;
      case 'new-dossier':
        e.add('Dossiers', { Company: 'Typed in' });
        break;
      case 'bad-id':
        e.set('Contacts', e.rowOf('Contacts', ID(11)), 'ID', 'not-an-id');
        break;
    }
  }
  return e.save();
}

function fullRead(bytes: Uint8Array) {
  const r = readPortfolioWorkbook(bytes, { now: '2026-11-24T10:00:00.000Z' });
  if (!r.ok) return r;
  const { portfolio: p, warnings, errors } = r;
  const counts = {
    dossiers: p.dossiers.length, contacts: p.contacts.length, history: p.history.length, steps: p.steps.length,
    invoices: p.invoices.length, payments: p.payments.length, holidays: p.holidays.length, extraWorkingDays: p.extraWorkingDays!.length,
  };
  return { ok: true, counts, warnings, errors };
}

const counted = (bytes: Uint8Array) => {
  const r = countPortfolioWorkbook(bytes, { now: '2026-11-24T10:00:00.000Z' });
  return r.ok ? { ok: true, counts: r.counts, warnings: r.warnings, errors: r.errors } : r;
};

describe('counting a workbook without keeping its records', () => {
  it('finds the counts and problems of a full read (random portfolios)', () => {
    fc.assert(
      fc.property(portfolioArb, fc.constantFrom('en' as const, 'ru' as const, 'ro' as const), (p, lang) => {
        const bytes = exportWorkbook(p, lang);
        expect(counted(bytes)).toEqual(fullRead(bytes));
      }),
      { numRuns: 40 },
    );
  });

  it('finds the same problems as a full read after any edits a person makes in Excel', () => {
    fc.assert(
      fc.property(fc.array(editArb, { maxLength: 6 }), (edits) => {
        const bytes = edited(exportWorkbook(smallPortfolio(), 'en'), edits);
        const full = fullRead(bytes);
        expect(counted(bytes)).toEqual(full);
        // `stats` prints those problems and the counts.
        const out = runCli(['stats', 'a.xlsx'], memoryIo({ 'a.xlsx': bytes }));
        expect(out.lines.length).toBe(full.ok ? full.errors.length + 1 : 1);
      }),
      { numRuns: 40 },
    );
  });

  it('refuses what a full read refuses, with the same reason', () => {
    const notAWorkbook = new TextEncoder().encode('name;phone\nООО;1');
    expect(counted(notAWorkbook)).toEqual(readPortfolioWorkbook(notAWorkbook));
  });
});
