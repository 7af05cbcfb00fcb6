import { expect, test, type Page } from '@playwright/test';
import { asOnboarded } from './first-run';

// Tuesday 24 November 2026, 09:00 Moscow: "tomorrow" is Wednesday 25 November.
const NOW = new Date('2026-11-24T09:00:00+03:00');

async function start(page: Page) {
  await asOnboarded(page, 'Anna', NOW);
  await page.goto('/#/dossiers');
  // The screen is loaded (and listens for Ctrl+N) once its search box shows.
  await expect(page.getByRole('searchbox', { name: 'Search dossiers' })).toBeVisible();
}

test('prepare 20 new calls for tomorrow by keyboard, then tomorrow holds 20', async ({ page }) => {
  test.setTimeout(120_000);
  await start(page);
  await expect(page.getByTestId('dossiers-empty')).toContainText('No dossiers yet');

  await page.keyboard.press('Control+n');
  const dialog = page.getByTestId('new-dossier-dialog');
  await expect(dialog).toBeVisible();
  const company = dialog.getByLabel('Company');
  await expect(company).toBeFocused();

  for (let i = 1; i <= 20; i++) {
    await page.keyboard.insertText(`Prospect ${String(i).padStart(2, '0')} LLC`);
    await page.keyboard.press('Tab');
    await page.keyboard.insertText(`Contact ${i}`);
    await page.keyboard.press('Tab');
    await page.keyboard.insertText(`8 (916) 555-${String(1000 + i)}`);
    await page.keyboard.press('Control+Shift+Enter');
    // The form is cleared and ready for the next client, in the same folder.
    await expect(dialog.getByTestId('nd-counter')).toHaveText(`✓ ${i} added for Wed 25 Nov`);
    await expect(company).toHaveValue('');
    await expect(company).toBeFocused();
  }
  await page.screenshot({ path: '.tmp/h6-new-dossier.png' });
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await expect(page.getByTestId('dossier-count')).toHaveText('20 dossiers');
  // Sorted by next date (its column heading), every one of them is filed under tomorrow.
  await page.getByRole('button', { name: 'Filed under' }).click();
  const rows = page.getByTestId('dossier-row');
  await expect(rows.first()).toContainText('Wed 25 Nov');
  await expect(rows.filter({ hasText: 'Wed 25 Nov' })).toHaveCount(20);
  await page.screenshot({ path: '.tmp/h6-dossiers.png' });

  // Keyboard: / to the search box, arrows through the list, Enter opens.
  await page.getByRole('button', { name: 'Company' }).click();
  await page.getByRole('heading', { name: 'Dossiers' }).click();
  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox', { name: 'Search dossiers' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('listbox', { name: 'Dossiers' }).getByRole('option', { selected: true })).toContainText('Prospect 03 LLC');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('dossier-screen')).toContainText('Prospect 03 LLC');
});

test('a pasted list becomes dossiers in one go', async ({ page }) => {
  await start(page);
  await page.getByRole('button', { name: /New dossier/ }).first().click();
  const dialog = page.getByTestId('new-dossier-dialog');
  await dialog.getByRole('tab', { name: 'Paste a list' }).click();
  await dialog
    .getByLabel('Paste a list')
    .fill('Alfa LLC; Ivan Petrov; +7 916 111-22-33\nBeta SRL\tMaria Ionescu\t0721 234 567\n; no company here\nGamma JSC');
  await expect(dialog).toContainText('3 clients will be filed under Wed 25 Nov');
  await expect(dialog).toContainText('1 line skipped: Line 3');
  await page.screenshot({ path: '.tmp/h6-paste.png' });
  await dialog.getByRole('button', { name: /Add 3 dossiers/ }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('dossier-count')).toHaveText('3 dossiers');
});

test('quick entry speaks Russian: the counter and the folder name', async ({ page }) => {
  await page.clock.setFixedTime(NOW);
  await page.addInitScript(() => {
    if (!localStorage.getItem('tickler.settings')) {
      localStorage.setItem('tickler.settings', JSON.stringify({ onboarded: true, managerName: 'Анна', language: 'ru' }));
    }
  });
  await page.goto('/#/dossiers');
  await expect(page.getByRole('searchbox', { name: 'Поиск досье' })).toBeVisible();
  await page.keyboard.press('Control+n');
  const dialog = page.getByTestId('new-dossier-dialog');
  await dialog.getByLabel('Компания').fill('ООО «Ромашка»');
  await dialog.getByLabel('Компания').press('Control+Shift+Enter');
  await expect(dialog.getByTestId('nd-counter')).toHaveText('✓ 1 добавлено на ср 25 нояб.');
  await page.screenshot({ path: '.tmp/h6-new-dossier-ru.png' });
});
