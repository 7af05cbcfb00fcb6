import { expect, test, type Page } from '@playwright/test';
import { firstRun } from './first-run';
import { pasteIntoMonth, THREE_CLIENTS } from './paste-new-dossiers';

async function insertCount(page: Page, key: string): Promise<number> {
  await expect(page.getByTestId('binder-strip')).toHaveAttribute('data-loaded', 'true');
  const text = await page.locator(`[data-folder="${key}"] [data-testid="insert-count"]`).textContent();
  return Number(text || 0);
}

test('the binder shows the day inserts from today round the cycle, then the months', async ({ page }) => {
  await firstRun(page, 'demo');
  await page.goto('/#/binder');
  const strip = page.getByTestId('binder-strip');
  const days = strip.locator('.insert-days [role="tab"]');
  // 24 Nov … 23 Dec: every insert number once, starting today.
  await expect(days).toHaveCount(30);
  await expect(days.first()).toHaveAttribute('data-folder', '2026-11-24');
  await expect(days.last()).toHaveAttribute('data-folder', '2026-12-23');
  await expect(days.first()).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('.month-tab')).toHaveCount(12);

  // Keyboard: → twice and Enter opens Thursday 26 November.
  await days.first().focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/binder\/2026-11-26$/);
  await expect(page.getByTestId('binder-folder')).toHaveAttribute('data-folder', '2026-11-26');
  const n = await insertCount(page, '2026-11-26');
  await expect(page.getByTestId('binder-folder').getByTestId('dossier-row')).toHaveCount(n);
});

test('drag a dossier from one folder onto another insert', async ({ page }) => {
  await firstRun(page, 'demo');
  await page.goto('/#/binder/2026-11-26');
  const from = await insertCount(page, '2026-11-26');
  const to = await insertCount(page, '2026-11-27');
  const row = page.getByTestId('binder-folder').getByTestId('dossier-row').first();
  await row.dragTo(page.locator('[role="tab"][data-folder="2026-11-27"]'));
  await expect.poll(() => insertCount(page, '2026-11-26')).toBe(from - 1);
  await expect.poll(() => insertCount(page, '2026-11-27')).toBe(to + 1);
});

test('month folder: filed "sometime in December" on 24 Nov, spread over December days on 1 Dec', async ({ page }) => {
  await firstRun(page, 'empty');
  // Three new clients pasted into the December month folder.
  await pasteIntoMonth(page, THREE_CLIENTS, '2026-12');

  await page.goto('/#/binder');
  await expect(page.locator('[data-folder="2026-12"] [data-testid="month-count"]')).toHaveText('3');
  await expect(page.getByTestId('month-opening')).toHaveCount(0);

  // December comes.
  await page.clock.setFixedTime(new Date('2026-12-01T09:00:00+03:00'));
  await page.reload();
  const banner = page.getByTestId('month-opening');
  await expect(banner).toContainText('December 2026 folder: 3 dossiers to spread over working days');
  await banner.getByRole('button').click();
  const dialog = page.getByTestId('month-opening-dialog');
  await expect(dialog.locator('tbody tr')).toHaveCount(3);
  // The manager moves one of them to 4 December by hand.
  await dialog.locator('tbody tr').first().locator('select').selectOption('2026-12-04');
  await dialog.getByTestId('month-opening-accept').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('month-opening')).toHaveCount(0);

  // All three are now in December's day inserts; one of them on the 4th.
  const days = page.locator('.insert-days [role="tab"]');
  await expect(days.first()).toHaveAttribute('data-folder', '2026-12-01');
  await expect.poll(async () => {
    let sum = 0;
    for (const c of await page.locator('.insert-days [data-testid="insert-count"]').allTextContents()) sum += Number(c || 0);
    return sum;
  }).toBe(3);
  await page.locator('[role="tab"][data-folder="2026-12-04"]').click();
  await expect(page.getByTestId('binder-folder').getByTestId('dossier-row').first()).toBeVisible();

  // The spread is one undoable action: Ctrl+Z puts all three back into the month folder.
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('month-opening')).toContainText('3 dossiers to spread');
});

test('in an open folder, Ctrl+N files the new dossier there; ↓ goes from the inserts to the dossiers', async ({ page }) => {
  await firstRun(page, 'demo');
  await page.goto('/#/binder/2026-11-26');
  const insert = page.locator('[role="tab"][data-folder="2026-11-26"]');
  await expect(page.getByTestId('binder-folder').getByTestId('dossier-row').first()).toBeVisible();
  await insert.focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('binder-folder').getByTestId('dossier-row').first()).toBeFocused();
  await page.keyboard.press('Control+n');
  const dialog = page.getByTestId('new-dossier-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('chosen-folder')).toContainText('Thursday, 26 November 2026');
});
