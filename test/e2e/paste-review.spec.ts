import { expect, test, type Page } from '@playwright/test';
import { asOnboarded } from './first-run';

// Tuesday 24 November 2026, 09:00 Moscow: pasted calls go to Wednesday 25 November.
const NOW = new Date('2026-11-24T09:00:00+03:00');

async function openPaste(page: Page) {
  await page.keyboard.press('Control+n');
  const dialog = page.getByTestId('new-dossier-dialog');
  await dialog.getByRole('tab', { name: 'Paste a list' }).click();
  return dialog;
}

/** Ten calls already filed for tomorrow, one of them a client the next list has again. */
async function seedTomorrow(page: Page) {
  const dialog = await openPaste(page);
  const lines = ['ООО «Альфа Плюс»; Иван; ; ; 7707083893', ...Array.from({ length: 9 }, (_, i) => `Earlier ${i + 1} LLC`)];
  await dialog.getByLabel('Paste a list').fill(lines.join('\n'));
  await dialog.getByRole('button', { name: /Add 10 dossiers/ }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('dossier-count')).toHaveText('10 dossiers');
}

/** Twenty new calls: line 3 repeats line 1's company, line 5 a binder client's INN, line 7 has a mistyped INN. */
function twentyCalls(): string {
  const lines = Array.from({ length: 20 }, (_, i) => `Prospect ${String(i + 1).padStart(2, '0')} LLC; Contact ${i + 1}; +7 916 555-10-${String(10 + i)}`);
  lines[0] = 'ООО «Бета»; Пётр; +7 916 555-10-10';
  lines[2] = 'Бета ООО; Мария; +7 916 555-10-12';
  lines[4] = 'Gamma SRL; Ion; ; ; 7707 083 893';
  lines[6] = 'Delta LLC; Anna; ; ; 7707083894';
  lines[8] = 'Альфа Плюс ПАО; Олег';
  return lines.join('\n');
}

test.beforeEach(async ({ page }) => {
  await asOnboarded(page, 'Anna', NOW);
  await page.goto('/#/dossiers');
  await expect(page.getByRole('searchbox', { name: 'Search dossiers' })).toBeVisible();
});

test('pasting 20 calls: duplicates are named, the day load is shown, a bad line is fixed in place', async ({ page }) => {
  await seedTomorrow(page);
  const dialog = await openPaste(page);
  await dialog.getByLabel('Paste a list').fill(twentyCalls());

  const issue = (line: number) => dialog.locator(`[data-testid="paste-issue"][data-line="${line}"]`);
  await expect(issue(3)).toContainText('same company as line 1');
  await expect(issue(5)).toContainText('same INN already in the binder: ООО «Альфа Плюс» (Wed 25 Nov)');
  await expect(issue(9)).toContainText('already in the binder: ООО «Альфа Плюс» (Wed 25 Nov)');
  await expect(issue(7)).toContainText('INN: Check digit does not match');
  // One bad line holds the batch until it is fixed or skipped, and says so; the other 19 wait.
  const add = dialog.getByRole('button', { name: /Add 19 dossiers/ });
  await expect(add).toBeDisabled();
  await expect(add).toHaveAttribute('title', 'Fix or skip line 7 first');
  // Tomorrow holds 10; after the paste it holds 29 of 30.
  await expect(dialog.getByTestId('paste-load')).toContainText('Wed 25 Nov after the paste: 29 of 30');

  // The typo fixed where it stands: the line joins the list.
  await dialog.getByLabel('Fix line 7').fill('Delta LLC; Anna; ; ; 7736050003');
  await expect(issue(7)).toHaveCount(0);
  await expect(dialog.getByTestId('paste-load')).toContainText('30 of 30');
  // The repeat of line 1 is skipped.
  await issue(3).getByRole('button', { name: 'Skip' }).click();
  await expect(dialog.getByTestId('paste-load')).toContainText('29 of 30');
  await dialog.getByRole('button', { name: /Add 19 dossiers/ }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('dossier-count')).toHaveText('29 dossiers');
  await page.getByRole('searchbox', { name: 'Search dossiers' }).fill('delta');
  await expect(page.getByTestId('dossier-row')).toHaveCount(1);
});

test('the load goes over capacity in red, and one Undo takes the whole pasted batch back', async ({ page }) => {
  await seedTomorrow(page);
  const dialog = await openPaste(page);
  const lines = Array.from({ length: 25 }, (_, i) => `Batch ${i + 1} LLC`).join('\n');
  await dialog.getByLabel('Paste a list').fill(lines);
  await expect(dialog.getByTestId('paste-load')).toContainText('35 of 30');
  await expect(dialog.getByTestId('paste-load')).toContainText('5 over capacity');
  await dialog.getByRole('button', { name: /Add 25 dossiers/ }).click();
  await expect(page.getByTestId('dossier-count')).toHaveText('35 dossiers');
  const toast = page.locator('.toast', { hasText: '25 dossiers filed under Wed 25 Nov' });
  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByTestId('dossier-count')).toHaveText('10 dossiers');
  await expect(page.locator('.toast', { hasText: 'Undone: adding 25 dossiers' })).toBeVisible();
});

test('Ctrl+Z after a paste removes the batch, not just one dossier', async ({ page }) => {
  const dialog = await openPaste(page);
  await dialog.getByLabel('Paste a list').fill(Array.from({ length: 20 }, (_, i) => `Call ${i + 1} LLC`).join('\n'));
  await dialog.getByRole('button', { name: /Add 20 dossiers/ }).click();
  await expect(page.getByTestId('dossier-count')).toHaveText('20 dossiers');
  await page.getByRole('heading', { name: 'Dossiers' }).click();
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('dossiers-empty')).toBeVisible();
});

test('the paste speaks Russian: duplicates and the load', async ({ page }) => {
  await page.evaluate(() => {
    const s = JSON.parse(localStorage.getItem('tickler.settings')!);
    localStorage.setItem('tickler.settings', JSON.stringify({ ...s, language: 'ru' }));
  });
  await page.reload();
  await expect(page.getByRole('searchbox', { name: 'Поиск досье' })).toBeVisible();
  await page.keyboard.press('Control+n');
  const dialog = page.getByTestId('new-dossier-dialog');
  await dialog.getByRole('tab', { name: 'Вставить список' }).click();
  await dialog.getByLabel('Вставить список').fill(twentyCalls());
  await expect(dialog.locator('[data-testid="paste-issue"][data-line="3"]')).toContainText('та же компания, что в строке 1');
  await expect(dialog.getByTestId('paste-load')).toContainText('ср 25 нояб. после вставки: 19 из 30');
});
