import { expect, test, type Page } from '@playwright/test';
import { firstRun, todayCount } from './first-run';

/** The count on a binder insert ('' when empty), e.g. insertCount(page, '2026-11-26'). */
async function insertCount(page: Page, day: string): Promise<number> {
  await expect(page.getByTestId('binder-strip')).toHaveAttribute('data-loaded', 'true');
  const text = await page.locator(`[data-folder="${day}"] [data-testid="insert-count"]`).textContent();
  return Number(text || 0);
}

const rows = (page: Page) => page.getByTestId('dossier-row');

test('morning plan: over capacity, three dossiers move to a light day by keyboard, with undo', async ({ page }) => {
  await firstRun(page, 'demo');
  const before = await todayCount(page);
  await expect(page.getByTestId('overflow')).toContainText('over your capacity of 30');

  // The first light day offered, and its load in the binder before the move.
  const target = (await page.getByTestId('overflow').getByTestId('day-chip').first().getAttribute('data-day'))!;
  await page.keyboard.press('Alt+2');
  const targetBefore = await insertCount(page, target);
  await page.keyboard.press('Alt+1');

  // Select three rows from the keyboard: Space, J, Space, J, Space.
  await rows(page).first().focus();
  for (const key of ['Space', 'j', 'Space', 'j', 'Space']) await page.keyboard.press(key);
  await expect(page.locator('[data-testid="dossier-row"][aria-selected="true"]')).toHaveCount(3);
  await page.keyboard.press('m');
  const dialog = page.getByTestId('move-dialog');
  await expect(dialog).toBeVisible();
  await dialog.locator(`[data-day="${target}"]`).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('.toast')).toContainText('3 dossiers moved to');

  await expect(page.getByTestId('today-load')).toHaveAttribute('data-count', String(before - 3));
  await expect(page.getByTestId('nav-today-count')).toHaveText(String(before - 3));
  await page.keyboard.press('Alt+2');
  await expect.poll(() => insertCount(page, target)).toBe(targetBefore + 3);

  // Ctrl+Z brings them back to today.
  await page.keyboard.press('Alt+1');
  await rows(page).first().focus();
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('today-load')).toHaveAttribute('data-count', String(before));
});

test('overflow: drag a selected row onto a light day', async ({ page }) => {
  await firstRun(page, 'demo');
  const before = await todayCount(page);
  const chip = page.getByTestId('overflow').getByTestId('day-chip').first();
  const company = await rows(page).nth(1).locator('.drow-company').textContent();
  await rows(page).nth(1).dragTo(chip);
  await expect(page.getByTestId('today-load')).toHaveAttribute('data-count', String(before - 1));
  await expect(page.getByTestId('today-load')).toBeVisible();
  await expect(rows(page).filter({ hasText: company! })).toHaveCount(0);
});

test('call, log and refile entirely from the keyboard; undo brings the dossier back', async ({ page }) => {
  await firstRun(page, 'demo');
  const before = await todayCount(page);
  const first = rows(page).first();
  await expect(first).toBeFocused();
  const company = (await first.locator('.drow-company a').textContent())!;

  await page.keyboard.press('l');
  const dialog = page.getByTestId('refile-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('refile-summary')).toBeFocused();
  await page.keyboard.type('Agreed to send the offer; call back on Friday');
  // Tab leaves the summary for the date picker; 3 = +3 working days (Fri 27 Nov).
  await page.keyboard.press('Tab');
  await page.keyboard.press('3');
  await expect(dialog.getByTestId('chosen-folder')).toContainText('Friday, 27 November 2026');
  await page.keyboard.press('Control+Enter');
  await expect(dialog).toBeHidden();
  await expect(page.locator('.toast')).toContainText('Refiled to Fri 27 Nov');

  await expect(page.getByTestId('today-load')).toHaveAttribute('data-count', String(before - 1));
  await expect(rows(page).filter({ hasText: company })).toHaveCount(0);
  // The focus is ready on the next dossier.
  await expect(rows(page).first()).toBeFocused();

  // The log survives a reload.
  await page.reload();
  await expect(page.getByTestId('today-load')).toHaveAttribute('data-count', String(before - 1));
  await page.goto('/#/binder/2026-11-27');
  await expect(page.getByTestId('binder-folder')).toContainText(company);
  await expect(page.getByTestId('binder-folder').getByTestId('dossier-row').filter({ hasText: company })).toContainText('Agreed to send the offer');

  // Undo (Ctrl+Z) puts it back into today's folder.
  await page.goto('/#/today');
  await expect(rows(page).first()).toBeFocused();
  await page.keyboard.press('Control+z');
  await expect(page.locator('.toast').last()).toContainText('Undone');
  await expect(page.getByTestId('today-load')).toHaveAttribute('data-count', String(before));
  await expect(rows(page).filter({ hasText: company })).toHaveCount(1);
});

test('the refile toast offers Undo', async ({ page }) => {
  await firstRun(page, 'demo');
  const before = await todayCount(page);
  await page.keyboard.press('l');
  const dialog = page.getByTestId('refile-dialog');
  await dialog.getByTestId('refile-summary').fill('No answer');
  await dialog.locator('[data-pick="tomorrow"]').click();
  await dialog.getByTestId('refile-save').click();
  await expect(page.getByTestId('today-load')).toHaveAttribute('data-count', String(before - 1));
  await page.locator('.toast').getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByTestId('today-load')).toHaveAttribute('data-count', String(before));
});

test('saving without a next date says what is missing; archive asks first', async ({ page }) => {
  await firstRun(page, 'demo');
  const before = await todayCount(page);
  await page.keyboard.press('l');
  const dialog = page.getByTestId('refile-dialog');
  await expect(dialog.getByTestId('refile-summary')).toBeFocused();
  await page.keyboard.press('Control+Enter');
  await expect(dialog.getByRole('alert')).toContainText('Choose where to file the dossier next');
  await dialog.getByRole('button', { name: 'No further contact…' }).click();
  await dialog.getByRole('button', { name: 'Archive', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('today-load')).toHaveAttribute('data-count', String(before - 1));
});

test('a typed date is read back in words, or explained', async ({ page }) => {
  await firstRun(page, 'demo');
  await page.keyboard.press('l');
  const dialog = page.getByTestId('refile-dialog');
  const typed = dialog.getByTestId('typed-date');
  await typed.fill('3.12');
  await expect(dialog.getByTestId('chosen-folder')).toContainText('Thursday, 3 December 2026');
  await typed.fill('31.02');
  await expect(dialog).toContainText('No such date');
});

test('carried-over dossiers say how many days overdue', async ({ page }) => {
  await firstRun(page, 'demo');
  const badges = page.locator('.badge-overdue');
  await expect(badges.first()).toBeVisible();
  await expect(badges.first()).toHaveText(/\d+ days? overdue/);
});
