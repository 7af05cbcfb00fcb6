import fs from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { firstRun, todayCount } from './first-run';

// Tuesday 1 December 2026, 09:00 Moscow: the morning of issue 10 ("next friday" is 4 December).
const DEC_1 = new Date('2026-12-01T09:00:00+03:00');
const SHOTS = '/tmp/shots/dates';

async function shot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

async function toRussian(page: Page) {
  await page.goto('/#/settings');
  await page.getByTestId('language').selectOption('ru');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Настройки');
}

/** Opens Log & refile on the first dossier of today's folder. */
async function openRefile(page: Page): Promise<Locator> {
  await page.goto('/#/today');
  await expect(page.getByTestId('today-load')).toBeVisible();
  await page.getByTestId('dossier-row').first().focus();
  await page.keyboard.press('l');
  const dialog = page.getByTestId('refile-dialog');
  await expect(dialog).toBeVisible();
  return dialog;
}

/** No browser date or time input anywhere on the page: they follow the OS locale, not the app's. */
async function expectNoNativeDateInputs(page: Page) {
  await expect(page.locator('input[type="date"], input[type="time"], input[type="datetime-local"]')).toHaveCount(0);
}

test('issue 10.1: text that names no date is never saved as the last date that did', async ({ page }) => {
  await firstRun(page, 'demo', DEC_1);
  const before = await todayCount(page);
  const dialog = await openRefile(page);
  const typed = dialog.getByTestId('typed-date');
  await typed.fill('8');
  await expect(dialog.getByTestId('chosen-folder')).toContainText('Tuesday, 8 December 2026');
  await typed.fill('next fryday');
  await expect(dialog).toContainText('Not a date');
  await expect(dialog.getByTestId('chosen-folder')).toHaveCount(0);
  await expect(dialog.getByTestId('refile-save')).toBeDisabled();
  await page.keyboard.press('Control+Enter');
  // Refused: the dialog stays, nothing was refiled.
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Not a date');
  await expect(page.getByTestId('today-load')).toHaveAttribute('data-count', String(before));

  // A quick pick replaces the wrong text: what is typed and what is chosen agree.
  await dialog.locator('[data-pick="tomorrow"]').click();
  await expect(typed).toHaveValue('');
  await expect(dialog.getByTestId('chosen-folder')).toContainText('Wednesday, 2 December 2026');
  await expect(dialog.getByTestId('refile-save')).toBeEnabled();
});

test('issue 10.1: New dossier refuses 32.13 on Ctrl+Enter and creates nothing', async ({ page }) => {
  await firstRun(page, 'empty', DEC_1);
  await page.goto('/#/dossiers');
  await expect(page.getByRole('searchbox', { name: 'Search dossiers' })).toBeVisible();
  await page.keyboard.press('Control+n');
  const dialog = page.getByTestId('new-dossier-dialog');
  await dialog.getByLabel('Company').fill('ООО «Ромашка»');
  await dialog.getByTestId('typed-date').fill('32.13');
  await expect(dialog).toContainText('No such date');
  await expect(dialog.getByRole('button', { name: 'Save Ctrl+Enter', exact: true })).toBeDisabled();
  await dialog.getByTestId('typed-date').press('Control+Enter');
  await dialog.getByTestId('typed-date').press('Enter');
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('dossiers-empty')).toBeAttached();

  // Fixed, it saves under the day it reads back.
  await dialog.getByTestId('typed-date').fill('5 Dec');
  await expect(dialog.getByTestId('chosen-folder')).toContainText('Saturday, 5 December 2026');
  await dialog.getByTestId('typed-date').press('Control+Enter');
  await expect(dialog).toBeHidden();
  await expect(page.locator('.toast')).toContainText('5 Dec');
});

test('issue 10.1: a step time that is not a time blocks the save and says so', async ({ page }) => {
  await firstRun(page, 'demo', DEC_1);
  const before = await todayCount(page);
  const dialog = await openRefile(page);
  await dialog.locator('[data-pick="tomorrow"]').click();
  const time = dialog.locator('.rf-time input');
  await time.fill('25:70');
  await time.blur();
  await expect(dialog).toContainText('Not a time');
  await expect(dialog.getByTestId('refile-save')).toBeDisabled();
  await time.fill('930');
  await time.blur();
  await expect(time).toHaveValue('09:30');
  await dialog.getByTestId('refile-save').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('today-load')).toHaveAttribute('data-count', String(before - 1));
});

test('issue 10.7: dates typed as people write them, read back in words (en)', async ({ page }) => {
  await firstRun(page, 'demo', DEC_1);
  const dialog = await openRefile(page);
  const typed = dialog.getByTestId('typed-date');
  const chosen = dialog.getByTestId('chosen-folder');
  for (const [text, words] of [
    ['next friday', 'Friday, 4 December 2026'],
    ['in 3 days', 'Friday, 4 December 2026'],
    ['in a week', 'Tuesday, 8 December 2026'],
    ['5 July', 'Monday, 5 July 2027'],
    ['July 5', 'Monday, 5 July 2027'],
    ['next week', 'Monday, 7 December 2026'],
  ]) {
    await typed.fill(text!);
    await expect(chosen, text).toContainText(words!);
  }
  await typed.fill('next friday');
  await dialog.getByTestId('refile-save').click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('.toast')).toContainText('Fri 4 Dec');
});

test('issue 10.7 and 10.8: Russian and Romanian phrases in the Russian interface, weeks from Monday', async ({ page }) => {
  await firstRun(page, 'demo', DEC_1);
  await toRussian(page);
  const dialog = await openRefile(page);
  const typed = dialog.getByTestId('typed-date');
  const chosen = dialog.getByTestId('chosen-folder');
  for (const [text, words] of [
    ['5 дек', 'суббота, 5 декабря 2026'],
    ['5 декабря', 'суббота, 5 декабря 2026'],
    ['через 3 дня', 'пятница, 4 декабря 2026'],
    ['через неделю', 'вторник, 8 декабря 2026'],
    ['через 2 недели', 'вторник, 15 декабря 2026'],
    ['через месяц', 'пятница, 1 января 2027'],
    ['5 июля 2027', 'понедельник, 5 июля 2027'],
    ['на следующей неделе', 'понедельник, 7 декабря 2026'],
    ['next friday', 'пятница, 4 декабря 2026'],
    ['peste o săptămână', 'вторник, 8 декабря 2026'],
    ['vineri', 'пятница, 4 декабря 2026'],
  ]) {
    await typed.fill(text!);
    await expect(chosen, text).toContainText(words!);
  }
  await expect(dialog).not.toContainText('Not a date');
  await expectNoNativeDateInputs(page);
  await typed.fill('5 дек');
  await shot(page, 'refile-ru');

  // The month grid: Russian, Monday first, and operable from the keyboard.
  await dialog.getByTestId('picker-calendar').click();
  const grid = page.getByTestId('date-popup');
  await expect(grid).toBeVisible();
  await expect(grid.getByRole('grid')).toHaveAccessibleName(/декабрь 2026/i);
  await expect(grid.locator('th').first()).toHaveText(/пн/i);
  await shot(page, 'refile-ru-calendar');
  // Focus starts on the chosen day (5 December); two days on is Monday 7 December.
  await expect(grid.getByRole('button', { name: /^суббота, 5 декабря/ })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await expect(grid).toBeHidden();
  await expect(dialog).toBeVisible();
  await expect(chosen).toContainText('понедельник, 7 декабря 2026');
  // The typed text that named another day is gone; nothing disagrees.
  await expect(typed).toHaveValue('');
  await expect(typed).toBeFocused();

  // Esc in the grid closes the grid, not the dialog.
  await dialog.getByTestId('picker-calendar').click();
  await expect(grid).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(grid).toBeHidden();
  await expect(dialog).toBeVisible();
});

test('issue 10.8: time and date fields in the UI language: 24-hour in Russian, dd.mm.yyyy, no browser inputs', async ({ page }) => {
  await firstRun(page, 'demo', DEC_1);
  await toRussian(page);

  // Settings: the morning summary time (holidays are days clicked in the year's calendar).
  await expectNoNativeDateInputs(page);
  const morning = page.getByTestId('morning-summary-time');
  await expect(morning).toHaveValue('09:00');
  await morning.fill('830');
  await morning.blur();
  await expect(morning).toHaveValue('08:30');
  await expect(page.locator('.settings-saved').first()).toBeVisible();
  await shot(page, 'settings-ru');

  // Sync: the handover period shows dates as a Russian reads them.
  await page.goto('/#/sync');
  await expectNoNativeDateInputs(page);
  await expect(page.getByTestId('handover-leave-from')).toHaveValue('01.12.2026');
  await expect(page.getByTestId('handover-until')).toHaveValue('15.12.2026');
  await expect(page.getByTestId('handover-until-reading')).toHaveText('вторник, 15 декабря 2026');
  await page.getByTestId('handover-until').fill('32.13');
  await expect(page.getByTestId('handover-until-reading')).toHaveText('Такой даты нет');
  await expect(page.getByTestId('handover-run')).toBeDisabled();
  await page.getByTestId('handover-until').fill('через 2 недели');
  await expect(page.getByTestId('handover-until-reading')).toHaveText('вторник, 15 декабря 2026');
  await page.getByTestId('handover-until').scrollIntoViewIfNeeded();
  await shot(page, 'sync-ru');

  // The step dialog and the new dossier dialog: no browser inputs, Russian placeholders.
  await page.goto('/#/dossiers');
  await expect(page.getByRole('searchbox')).toBeVisible();
  await page.keyboard.press('Control+n');
  const nd = page.getByTestId('new-dossier-dialog');
  await expect(nd).toBeVisible();
  await expectNoNativeDateInputs(page);
  await nd.getByTestId('nd-time').fill('14.30');
  await nd.getByTestId('nd-time').blur();
  await expect(nd.getByTestId('nd-time')).toHaveValue('14:30');
  await nd.getByTestId('typed-date').fill('через неделю');
  await expect(nd.getByTestId('chosen-folder')).toContainText('вторник, 8 декабря 2026');
  await shot(page, 'new-dossier-ru');
});

test('issue 10.8: the same screens in English', async ({ page }) => {
  await firstRun(page, 'demo', DEC_1);
  const dialog = await openRefile(page);
  await expectNoNativeDateInputs(page);
  await dialog.getByTestId('typed-date').fill('next friday');
  await dialog.getByTestId('refile-time').fill('15:00');
  await shot(page, 'refile-en');
  await dialog.getByTestId('picker-calendar').click();
  await expect(page.getByTestId('date-popup').getByRole('grid')).toHaveAccessibleName(/December 2026/);
  await shot(page, 'refile-en-calendar');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await page.goto('/#/dossiers');
  await expect(page.getByRole('searchbox')).toBeVisible();
  await page.keyboard.press('Control+n');
  const nd = page.getByTestId('new-dossier-dialog');
  await nd.getByLabel('Company').fill('Acme Ltd');
  await nd.getByTestId('typed-date').fill('32.13');
  await shot(page, 'new-dossier-en');
  await page.keyboard.press('Escape');

  await page.goto('/#/settings');
  await expectNoNativeDateInputs(page);
  await page.getByTestId('morning-summary-time').fill('7pm');
  await page.getByTestId('morning-summary-time').blur();
  await expect(page.getByTestId('morning-summary-time')).toHaveValue('19:00');
  await shot(page, 'settings-en');

  await page.goto('/#/sync');
  await expect(page.getByTestId('handover-until')).toHaveValue('15/12/2026');
  await page.getByTestId('handover-until').scrollIntoViewIfNeeded();
  await page.getByTestId('handover-until-calendar').click();
  await expect(page.getByTestId('date-popup')).toBeVisible();
  await shot(page, 'sync-en-calendar');
  // A day picked on the grid is the day the field holds and says.
  await page.getByTestId('date-popup').getByRole('button', { name: /18 December 2026/ }).click();
  await expect(page.getByTestId('handover-until')).toHaveValue('18/12/2026');
  await expect(page.getByTestId('handover-until-reading')).toHaveText('Friday, 18 December 2026');
});
