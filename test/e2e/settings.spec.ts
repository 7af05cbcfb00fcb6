import { expect, test, type Page } from '@playwright/test';
import { asOnboarded } from './first-run';

async function start(page: Page) {
  await asOnboarded(page);
  await page.goto('/#/settings');
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
}

test('switching to Russian changes the interface at once and survives a reload', async ({ page }) => {
  await start(page);
  await page.getByTestId('language').selectOption('ru');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Настройки');
  await expect(page.getByRole('navigation')).toContainText('Картотека');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Настройки');
  await expect(page.getByTestId('language')).toHaveValue('ru');
});

test('daily capacity is validated inline and saved', async ({ page }) => {
  await start(page);
  const capacity = page.getByLabel('Daily capacity');
  await capacity.fill('0');
  await capacity.press('Enter');
  await expect(page.getByRole('alert')).toHaveText('A whole number from 1 to 1000');
  await capacity.fill('25');
  await capacity.press('Enter');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.locator('.settings-saved')).toHaveText('✓ Saved');
  await page.reload();
  await expect(page.getByLabel('Daily capacity')).toHaveValue('25');
});

test('a working week needs at least one day', async ({ page }) => {
  await start(page);
  const week = page.getByRole('group', { name: 'Working week' });
  await week.getByLabel('Sat').check();
  for (const d of ['Mon', 'Tue', 'Wed', 'Thu', 'Fri']) await week.getByLabel(d).uncheck();
  await week.getByLabel('Sat').click();
  await expect(week.getByRole('alert')).toHaveText('Choose at least one working day');
  await expect(week.getByLabel('Sat')).toBeChecked();
});

test('importing a holiday list adds the good dates and points at the bad lines', async ({ page }) => {
  await start(page);
  const calendar = page.getByRole('region', { name: 'Working calendar' });
  await expect(calendar).toContainText('No days of your own yet');
  await calendar.getByLabel('Import a list of dates').fill('2026-01-07\n32.01.2026\n23.02.2026 Defender of the Fatherland Day');
  await calendar.getByRole('button', { name: 'Import as days off' }).click();
  const list = calendar.getByRole('list', { name: 'Days off you added' });
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await expect(list).toContainText('7 Jan 2026');
  await expect(list).toContainText('23 Feb 2026');
  await expect(calendar.getByRole('alert')).toContainText('Line 2: 32.01.2026 — no such day');
  // The bad line stays in the box to be fixed.
  await expect(calendar.getByLabel('Import a list of dates')).toHaveValue('32.01.2026');

  // Removing one can be undone.
  await list.getByRole('button', { name: /Delete .*7 Jan 2026/ }).click();
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await page.locator('.toast', { hasText: 'Removed' }).getByRole('button', { name: 'Undo' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(2);
});
