/**
 * fast-check generators of whole portfolios with the text a real workbook meets: Russian,
 * emoji, formula-like text (=SUM(A1), +7…, -5, @x), control characters, OOXML escape look-
 * alikes (_x0041_), edge dates (1900-03-01, 2099-12-31, leap days) and instants to the ms.
 */
import fc from 'fast-check';
import { contentHash } from '../../../shared/merge/content-hash';
import {
  CONTACT_KINDS, DOSSIER_STATUSES, LADDER_LEVELS, NEGOTIATION_REASONS, OUTCOMES, SEGMENTS, SOLUTION_KINDS, STEP_KINDS,
  type Contact, type Dossier, type HistoryEntry, type Invoice, type Payment, type Portfolio, type Step,
} from '../../../shared/model/records';

const TRICKY = [
  '=SUM(A1)', '+7 916 123-45-67', '-5', '@x', '=HYPERLINK("http://x","y")', '\tTab', '\rCR', 'Пётр Ёлкин',
  'ООО «Ромашка»', 'emoji 😀👍🏽', '_x0041_ literal', '  spaced  ', '0274001234', '1e5', 'TRUE', '01.02.2026', 'a;b',
];

/** CR LF is stored as LF (how spreadsheets keep line breaks); see docs/workbook-format.md. */
export const text = (maxLength = 40): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength }) },
    { weight: 1, arbitrary: fc.constantFrom(...TRICKY) },
    { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom('а', 'б', 'Ж', 'ё', '😀', ' ', '\n', '=', '+', '_', 'x', '0', '4', '1', '"', '<', '&'), maxLength }) },
  ).map((s) => s.replace(/\r\n/g, '\n'));

const nonEmpty = text().filter((s) => s !== '');
const listItem = text(20).map((s) => s.replace(/[;\r\n]/g, ' ').trim()).filter((s) => s !== '');
const customKey = text(15).map((s) => s.replace(/[\r\n]/g, ' ').trim()).filter((s) => s !== '');

const MS_1900_03_01 = Date.UTC(1900, 2, 1);
const MS_2099_12_31 = Date.UTC(2099, 11, 31);
export const day = fc.oneof(
  fc.integer({ min: MS_1900_03_01 / 86_400_000, max: MS_2099_12_31 / 86_400_000 }).map((d) => new Date(d * 86_400_000).toISOString().slice(0, 10)),
  fc.constantFrom('1900-03-01', '2099-12-31', '2024-02-29', '2000-02-29', '1899-12-31', '0999-01-01'),
);
const optDay = fc.oneof(fc.constant(''), day);
export const instant = fc.oneof(
  { weight: 5, arbitrary: fc.integer({ min: Date.UTC(1950, 0, 1), max: Date.UTC(2099, 11, 31, 23, 59, 59, 999) }).map((ms) => new Date(ms).toISOString()) },
  { weight: 1, arbitrary: fc.constantFrom('2026-03-01T09:30:00+03:00', '2026-03-01T09:30:00Z', '1899-12-31T00:00:00.000Z') },
);
const month = fc.tuple(fc.integer({ min: 1900, max: 2099 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`);
const time = fc.oneof(fc.constant(''), fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`));
const syncBase = fc.oneof(fc.constant(''), fc.stringMatching(/^[0-9a-f]{16}$/));

const meta = fc.record({ id: fc.uuid(), createdAt: instant, updatedAt: instant, author: text(20), syncBase });

export const dossierArb: fc.Arbitrary<Dossier> = fc.record({
  company: nonEmpty, taxId: text(14), industry: text(), segment: fc.constantFrom('', ...SEGMENTS), territory: text(),
  vip: fc.boolean(), owner: text(20), tags: fc.array(listItem, { maxLength: 3 }),
  customFields: fc.dictionary(customKey, nonEmpty, { maxKeys: 3 }), notes: text(200),
  status: fc.constantFrom(...DOSSIER_STATUSES), coveredFor: text(20), coveredUntil: optDay,
}).chain((fields) => meta.map((m) => ({ ...m, ...fields })));

const child = <T>(fields: fc.Arbitrary<T>) => (dossierId: string) =>
  fc.tuple(meta, fields).map(([m, f]) => ({ ...m, dossierId, ...f }));

const contactOf = child(fc.record({
  name: nonEmpty, position: text(), phones: fc.array(listItem, { maxLength: 3 }), emails: fc.array(listItem, { maxLength: 2 }),
  decisionMaker: fc.boolean(), note: text(100),
}));
const historyOf = child(fc.record({
  at: instant, kind: fc.constantFrom(...CONTACT_KINDS), outcome: fc.constantFrom('', ...OUTCOMES), summary: text(300),
}));
const stepOf = child(fc.record({
  kind: fc.constantFrom(...STEP_KINDS), title: text(), when: fc.oneof(day.map((d) => ({ date: d, month: '' })), month.map((m) => ({ date: '', month: m }))),
  time, durationMin: fc.integer({ min: 0, max: 1440 }), remindMin: fc.integer({ min: -1, max: 10080 }), done: fc.boolean(),
  doneAt: fc.oneof(fc.constant(''), instant),
}).map(({ when, ...rest }) => ({ ...rest, ...when })));
const invoiceOf = child(fc.record({
  number: nonEmpty, basis: text(), amount: fc.integer({ min: -1e11, max: 1e11 }).map((c) => c / 100), currency: fc.constantFrom('RUB', 'RON', 'EUR', ''),
  issuedOn: optDay, dueOn: day, paidOn: optDay,
  // Fields added later are absent when empty (their cells are empty): optional text is absent or non-empty.
  terms: fc.option(nonEmpty, { nil: undefined }), paymentWay: fc.option(nonEmpty, { nil: undefined }),
  loyaltyNote: fc.option(nonEmpty, { nil: undefined }), ladderLevel: fc.option(fc.constantFrom(...LADDER_LEVELS), { nil: undefined }),
  holdReason: fc.option(nonEmpty, { nil: undefined }), negotiationReason: fc.option(fc.constantFrom(...NEGOTIATION_REASONS), { nil: undefined }),
  solutionKind: fc.option(fc.constantFrom(...SOLUTION_KINDS), { nil: undefined }),
  instalments: fc.option(fc.array(fc.record({ dueOn: day.filter((d) => d >= '1900-03-01'), amount: fc.integer({ min: -1e9, max: 1e9 }).map((c) => c / 100) }), { minLength: 1, maxLength: 3 }), { nil: undefined }),
}, { requiredKeys: ['number', 'basis', 'amount', 'currency', 'issuedOn', 'dueOn', 'paidOn'] }));
const paymentOf = child(fc.record({
  invoiceId: fc.uuid(), amount: fc.integer({ min: -1e11, max: 1e11 }).map((c) => c / 100), paidOn: day,
}));

export const portfolioArb: fc.Arbitrary<Portfolio> = fc
  .uniqueArray(dossierArb, { maxLength: 4, selector: (d) => d.id })
  .chain((dossiers) => {
    const ids = dossiers.map((d) => d.id);
    const kids = <T>(of: (id: string) => fc.Arbitrary<T>) =>
      ids.length ? fc.array(fc.constantFrom(...ids).chain(of), { maxLength: 5 }) : fc.constant([] as T[]);
    return fc.record({
      dossiers: fc.constant(dossiers),
      contacts: kids(contactOf) as fc.Arbitrary<Contact[]>,
      history: kids(historyOf) as fc.Arbitrary<HistoryEntry[]>,
      steps: kids(stepOf) as fc.Arbitrary<Step[]>,
      invoices: kids(invoiceOf) as fc.Arbitrary<Invoice[]>,
      payments: kids(paymentOf) as fc.Arbitrary<Payment[]>,
      holidays: fc.uniqueArray(day, { maxLength: 4 }),
      extraWorkingDays: fc.uniqueArray(day, { maxLength: 3 }),
    });
  });

/** What a round trip returns: the same records, each carrying the version it was exported with. */
export function asExported(p: Portfolio): Portfolio {
  const v = <T extends { syncBase: string }>(r: T): T => ({ ...r, syncBase: r.syncBase || contentHash(r) });
  return {
    dossiers: p.dossiers.map(v), contacts: p.contacts.map(v), history: p.history.map(v),
    steps: p.steps.map(v), invoices: p.invoices.map(v), payments: p.payments.map(v), holidays: p.holidays, extraWorkingDays: p.extraWorkingDays ?? [],
  };
}
