import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import * as XLSX from 'xlsx';
import { seedDossiers, skipOnboarding } from './calendar-seed';

declare global {
  interface Window {
    __prints: number;
  }
}

// Tuesday 24 November 2026, 09:00 Moscow; Monday-Friday week, no public holidays (English UI).
const NOW = new Date('2026-11-24T09:00:00+03:00');
const REQUISITES = { company: 'OOO Tickler Supply', inn: '7707083893', bic: '044525225', bank: 'Sberbank', managerPosition: 'Account manager' };

async function setup(page: Page): Promise<string> {
  await page.clock.setFixedTime(NOW);
  await skipOnboarding(page, { requisites: REQUISITES });
  // window.print would open the browser's dialog; count the calls instead.
  await page.addInitScript(() => {
    window.__prints = 0;
    window.print = () => {
      window.__prints++;
    };
  });
  await page.goto('/#/today');
  const seeded = await seedDossiers(page, [
    { company: 'Alfa Factoring LLC', taxId: '7702070139', contact: { name: 'Irina Petrova', position: 'CFO' }, steps: [{ date: '2026-12-10', kind: 'call', title: 'Quarterly review' }] },
  ]);
  await page.reload();
  return seeded.dossierIds[0]!;
}

async function addInvoice(page: Page, fields: { number: string; amount: string; due: string; basis?: string; terms?: string; way?: string; loyalty?: string }) {
  await page.getByRole('button', { name: 'Add invoice' }).click();
  const form = page.getByRole('form', { name: 'Add invoice' });
  await form.getByLabel('Number').fill(fields.number);
  await form.getByLabel('Amount', { exact: true }).fill(fields.amount);
  await form.getByLabel('Due', { exact: true }).fill(fields.due);
  if (fields.basis) await form.getByLabel(/^Basis/).fill(fields.basis);
  if (fields.terms) await form.getByLabel('Terms of payment').fill(fields.terms);
  if (fields.way) await form.getByLabel('Way of payment').fill(fields.way);
  if (fields.loyalty) await form.getByLabel(/^Loyalty/).fill(fields.loyalty);
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('invoice-row').filter({ hasText: fields.number })).toBeVisible();
}

test('an invoice files its reminder three working days before due, a part payment leaves the rest open, a debt walks up to a claim letter that prints, and the ageing report reads back', async ({ page }) => {
  // One long walk through the desk on a machine shared with other builds: more than the default minute.
  test.setTimeout(240_000);
  const id = await setup(page);
  await page.goto(`/#/dossier/${id}`);
  // Due Friday 27 November: three working days before is today, Tuesday 24 November.
  await addInvoice(page, { number: 'INV-17', amount: '120000', due: '2026-11-27', basis: 'contract № 5', terms: '30 days from delivery', way: 'bank transfer', loyalty: '2% off the next order' });

  // The reminder is in Today's folder with its amount and due date.
  await page.goto('/#/today');
  await expect(page.getByText(/№ INV-17 · 120000 RUB · 2026-11-27/)).toBeVisible();

  // Pay part of it: the open amount is what is left.
  await page.goto(`/#/dossier/${id}`);
  const row = page.getByTestId('invoice-row').filter({ hasText: 'INV-17' });
  await row.getByRole('button', { name: 'Payment' }).click();
  await row.getByLabel('Amount paid').fill('20000');
  await row.getByRole('button', { name: 'Record' }).click();
  await expect(row.getByRole('cell').nth(2)).toContainText('100,000.00');
  await page.goto('/#/today');
  await expect(page.getByText(/№ INV-17 · 100000 RUB · 2026-11-27/)).toBeVisible();

  // The payment reminder letter names the rest, the terms, the way and the loyalty offer.
  await page.goto(`/#/dossier/${id}`);
  await page.getByTestId('invoice-row').filter({ hasText: 'INV-17' }).getByTestId('documents-menu').selectOption('reminder');
  const reminder = page.getByTestId('document-reminder');
  await expect(reminder).toContainText('Payment reminder');
  await expect(reminder).toContainText('100,000.00');
  await expect(reminder).toContainText('30 days from delivery');
  await expect(reminder).toContainText('2% off the next order');

  // An older invoice, 54 days overdue.
  await page.goto(`/#/dossier/${id}`);
  await addInvoice(page, { number: 'INV-9', amount: '45000', due: '2026-10-01', basis: 'contract № 5' });

  // Walk the overdue debt (54 days) up the ladder to the claim letter.
  await page.goto('/#/receivables');
  const debt = page.getByTestId('receivable-row').filter({ hasText: 'INV-9' });
  await debt.getByRole('button', { name: 'Up: Reminder' }).click();
  await debt.getByRole('button', { name: 'Up: Negotiation' }).click();
  const reason = page.getByRole('dialog', { name: 'Why does the client not pay?' });
  await reason.getByRole('combobox').selectOption('difficulty');
  await reason.getByRole('button', { name: 'Confirm' }).click();
  await debt.getByRole('button', { name: 'Up: Solution' }).click();
  const solution = page.getByRole('dialog', { name: 'Which solution was agreed?' });
  await solution.getByRole('combobox').selectOption('guarantee');
  await solution.getByRole('button', { name: 'Confirm' }).click();
  await debt.getByRole('button', { name: 'Up: Claim letter' }).click();
  await expect(debt).toContainText('Claim letter');

  await debt.getByTestId('documents-menu').selectOption('claim');
  const claim = page.getByTestId('document-claim');
  await expect(claim).toContainText('Claim letter');
  await expect(claim).toContainText('is 54 days overdue');
  await expect(claim).toContainText('45,000.00');
  await expect(claim).toContainText('within 30 calendar days');
  await expect(claim).toContainText('24 December 2026');
  await expect(claim).toContainText('OOO Tickler Supply');
  await expect(claim).toContainText('Irina Petrova');
  await page.getByRole('button', { name: 'Print', exact: true }).click();
  await expect.poll(() => page.evaluate(() => window.__prints)).toBe(1);

  // The claim letter as a workbook.
  const docDownload = page.waitForEvent('download');
  await page.getByTestId('document-workbook').click();
  const docRows = XLSX.utils.sheet_to_json<string[]>(Object.values(XLSX.read(fs.readFileSync(await (await docDownload).path()), { type: 'buffer' }).Sheets)[0]!, { header: 1, defval: '' });
  expect(docRows[0]![0]).toBe('Claim letter');
  expect(docRows.flat().join(' ')).toContain('Days overdue');

  // The dossier print carries its open debts.
  await page.goto(`/#/print/dossier/${id}`);
  const print = page.getByTestId('print-dossier');
  await expect(print).toContainText('Open debts');
  await expect(print.getByRole('row', { name: /^INV-9 / })).toContainText('54');
  await expect(print.getByRole('row', { name: /^INV-9 / })).toContainText('Claim letter');

  // The ageing report, downloaded and read back.
  await page.goto('/#/sync');
  const download = page.waitForEvent('download');
  await page.getByTestId('report-ageing').click();
  const wb = XLSX.read(fs.readFileSync(await (await download).path()), { type: 'buffer' });
  const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(wb.Sheets['Ageing by client']!);
  expect(rows).toEqual([expect.objectContaining({ Company: 'Alfa Factoring LLC', Currency: 'RUB', 'Due soon': 100000, '31-60 days': 45000, 'Total open': 145000 })]);
});
