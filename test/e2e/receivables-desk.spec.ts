import { expect, test } from '@playwright/test';
import { asOnboarded } from './first-run';

// Tuesday 24 November 2026, 09:00 Moscow.
const NOW = new Date('2026-11-24T09:00:00+03:00');

test.beforeEach(async ({ page }) => {
  await asOnboarded(page, 'Anna', NOW);
});

test('invoices pasted from an accounting export land in their dossiers with their reminders; a line with no dossier is fixed by hand; one undo takes the batch back', async ({ page }) => {
  await page.goto('/#/dossiers');
  await expect(page.getByRole('searchbox', { name: 'Search dossiers' })).toBeVisible();
  await page.keyboard.press('Control+n');
  const create = page.getByTestId('new-dossier-dialog');
  await create.getByRole('tab', { name: 'Paste a list' }).click();
  await create.getByLabel('Paste a list').fill(['ООО «Ромашка»; Иван; ; ; 7707083893', 'Бета Групп АО; Пётр'].join('\n'));
  await create.getByRole('button', { name: /Add 2 dossiers/ }).click();
  await expect(create).toBeHidden();

  await page.goto('/#/receivables');
  await expect(page.getByTestId('receivables-empty')).toBeVisible();
  await page.getByRole('button', { name: 'Paste invoices…' }).click();
  const dialog = page.getByTestId('paste-invoices');
  await dialog.getByRole('textbox', { name: 'Paste invoices from your accounting' }).fill([
    'Ромашка\t7707083893\t17\t01.11.2026\t150 000,00\tRUB\t30',
    'Бета Групп\t\t18\t20.11.2026\t1 000,50\tRUB\t10',
    'Гамма\t\t19\t01.11.2026\t500,00\tRUB\t14',
  ].join('\n'));
  await dialog.getByRole('button', { name: 'Read', exact: true }).click();
  const lines = dialog.getByTestId('paste-line');
  await expect(lines).toHaveCount(3);
  await expect(lines.nth(2)).toContainText('No dossier with this INN or company');
  await expect(dialog.getByRole('button', { name: 'Add 2 invoices' })).toBeEnabled();
  // Гамма is Бета's old name: chosen by hand.
  await lines.nth(2).getByLabel('Dossier', { exact: true }).fill('Бета');
  await lines.nth(2).getByLabel('Choose a dossier…').selectOption({ label: 'Бета Групп АО' });
  await dialog.getByRole('button', { name: 'Add 3 invoices' }).click();
  await expect(dialog).toBeHidden();

  // Today is 24 November: № 17 is due 1 December (reminder Thursday 26th), № 18 on 30 November (reminder Wednesday 25th), № 19 was due 15 November.
  await expect(page.getByTestId('receivable-row')).toHaveCount(1);
  await expect(page.getByTestId('receivable-row')).toContainText('19');
  await page.getByRole('button', { name: 'Due soon' }).click();
  await expect(page.getByTestId('receivable-row')).toHaveCount(0);
  await page.getByRole('tab', { name: 'By client' }).click();
  await expect(page.getByTestId('client-total-row')).toHaveCount(1);
  await expect(page.getByTestId('client-total-row')).toContainText('Бета Групп АО');

  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('receivables-empty')).toBeVisible();
});

test('the ladder thresholds are set in Settings and rise with the levels', async ({ page }) => {
  await page.goto('/#/settings');
  const form = page.getByTestId('ladder-settings');
  await form.getByLabel('Negotiation: from day').fill('20');
  await form.getByLabel('Solution: from day').fill('10');
  await expect(form).toContainText('→ 21');
  await form.getByRole('button', { name: 'Save thresholds' }).click();
  await page.reload();
  await expect(page.getByTestId('ladder-settings').getByLabel('Solution: from day')).toHaveValue('21');
});
