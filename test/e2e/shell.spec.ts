import { expect, test } from '@playwright/test';
import { firstRun, MORNING, todayCount } from './first-run';

test('first run: language, name and an empty binder; the choice is remembered', async ({ page }) => {
  await page.clock.setFixedTime(MORNING);
  await page.goto('/');
  const onboarding = page.getByTestId('onboarding');
  await expect(onboarding).toBeVisible();
  // The language switches the page at once.
  await page.getByRole('radio', { name: 'Русский' }).click();
  await expect(onboarding).toContainText('Добро пожаловать');
  await page.getByRole('radio', { name: 'English' }).click();
  await expect(onboarding).toContainText('Welcome');
  await page.getByLabel('Your name').fill('Anna Test');
  await page.getByTestId('start-empty').click();

  await expect(page.getByRole('navigation')).toContainText('Binder');
  await expect(page.getByTestId('today-empty')).toContainText("Today's folder is empty");
  await page.reload();
  await expect(page.getByTestId('onboarding')).toHaveCount(0);
  await expect(page.getByTestId('today-empty')).toBeVisible();
});

test('first run in Russian keeps the interface in Russian', async ({ page }) => {
  await page.clock.setFixedTime(MORNING);
  await page.goto('/');
  await page.getByRole('radio', { name: 'Русский' }).click();
  await page.getByLabel('Ваше имя').fill('Анна');
  await page.getByTestId('start-empty').click();
  await expect(page.getByRole('navigation')).toContainText('Картотека');
  await expect(page.getByTestId('today-empty')).toContainText('На сегодня вкладыш пуст');
});

test('demo portfolio: today is loaded, the sidebar shows its count, shortcuts reach every screen', async ({ page }) => {
  await firstRun(page, 'demo');
  const count = await todayCount(page);
  expect(count).toBeGreaterThan(0);
  await expect(page.getByTestId('nav-today-count')).toHaveText(String(count));
  await expect(page.getByTestId('dossier-row').first()).toBeFocused();

  await page.keyboard.press('Alt+2');
  await expect(page).toHaveURL(/#\/binder$/);
  await expect(page.getByTestId('binder-strip')).toBeVisible();
  await page.keyboard.press('Alt+1');
  await expect(page).toHaveURL(/#\/today$/);

  // '/' jumps to the dossier search.
  await page.getByTestId('dossier-row').first().focus();
  await page.keyboard.press('/');
  await expect(page).toHaveURL(/#\/dossiers$/);

  // Every shortcut in one place.
  await page.keyboard.press('Alt+1');
  await page.keyboard.press('F1');
  await expect(page.getByTestId('help-dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('help-dialog')).toBeHidden();
});

test('Ctrl+N opens the new-dossier dialog from Today', async ({ page }) => {
  await firstRun(page, 'empty');
  await page.keyboard.press('Control+n');
  await expect(page.getByTestId('new-dossier-dialog')).toBeVisible();
});
