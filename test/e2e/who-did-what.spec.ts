import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { MORNING, asOnboarded } from './first-run';

/**
 * Issue 10, item 5: who did what. The first run requires the manager's name; the demo
 * binder is the manager's own; every call, print and export is signed with the name; the
 * settings let it change, never empty.
 */
const SHOTS = '/tmp/shots/merge';

/** Any stored record's key of a store (the app's own database). */
async function firstKey(page: Page, store: string): Promise<string> {
  return page.evaluate(async (store) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('tickler');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const key = await new Promise<IDBValidKey | undefined>((resolve, reject) => {
      const req = db.transaction(store).objectStore(store).getAllKeys(undefined, 1);
      req.onsuccess = () => resolve(req.result[0]);
      req.onerror = () => reject(req.error);
    });
    db.close();
    return String(key);
  }, store);
}

test('the first run requires a name; the demo binder is the manager’s and every call and print is signed with it (Russian)', async ({ page }) => {
  await page.clock.setFixedTime(MORNING);
  await page.goto('/');
  const onboarding = page.getByTestId('onboarding');
  await expect(onboarding).toBeVisible();
  await page.getByRole('radio', { name: 'Русский' }).click();
  const name = page.getByLabel('Ваше имя');
  await expect(name).toHaveValue('');

  // No name: nothing starts, and the screen says why.
  await page.getByTestId('start-demo').click();
  await expect(onboarding.getByRole('alert')).toHaveText('Введите своё имя, чтобы начать: им подписываются звонки, печать и выгрузки.');
  await expect(name).toBeFocused();
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/first-run-name-required-ru.png` });
  await page.getByTestId('start-empty').click();
  await expect(onboarding).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem('tickler.settings'))).toBeNull();

  await name.fill('Ольга Петрова');
  await page.getByTestId('start-demo').click();
  await expect(page.getByTestId('today-load')).toBeVisible({ timeout: 30_000 });

  // The demo's dossiers are hers, not a placeholder's.
  const id = await firstKey(page, 'dossiers');
  await page.goto(`/#/dossier/${id}`);
  const screen = page.getByTestId('dossier-screen');
  await expect(screen).toContainText('Менеджер: Ольга Петрова');
  await expect(screen).not.toContainText('Анна Смирнова');

  // A call she logs is signed with her name.
  await page.keyboard.press('l');
  const refile = page.getByTestId('refile-dialog');
  await refile.getByTestId('refile-summary').fill('Обсудили лимит факторинга');
  await refile.getByTestId('typed-date').fill('3.12.2026');
  await refile.getByTestId('refile-save').click();
  await expect(refile).toBeHidden();
  const entry = page.getByTestId('history-entry').filter({ hasText: 'Обсудили лимит факторинга' });
  await expect(entry).toContainText('Ольга Петрова');
  await expect(entry).not.toContainText('Manager');

  // So is the print.
  await page.goto(`/#/print/dossier/${id}`);
  const print = page.getByTestId('print-dossier');
  await expect(print).toContainText(/Напечатано .*, Ольга Петрова/);
  await expect(print).not.toContainText('Manager');
});

test('the first run says the name is required (English), and a binder without a name asks for it before anything else', async ({ page }) => {
  await page.clock.setFixedTime(MORNING);
  await page.goto('/');
  await page.getByRole('radio', { name: 'English' }).click();
  await page.getByLabel('Your name').fill('   ');
  await page.getByTestId('start-empty').click();
  await expect(page.getByTestId('onboarding').getByRole('alert')).toHaveText('Type your name to start: every call you log, print and export is signed with it.');
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/first-run-name-required-en.png` });

  // A binder set up by an older first run that accepted an empty name.
  await page.evaluate(() => localStorage.setItem('tickler.settings', JSON.stringify({ onboarded: true, managerName: '', language: 'en' })));
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Who is working in this binder?' })).toBeVisible();
  await expect(page.getByTestId('start-demo')).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/name-only-en.png` });
  await page.getByTestId('name-continue').click();
  await expect(page.getByRole('alert')).toContainText('Type your name');
  await page.getByLabel('Your name').fill('Anna Test');
  await page.getByLabel('Your name').press('Enter');
  await expect(page.getByTestId('today-load')).toBeVisible();
  expect(await page.evaluate(() => JSON.parse(localStorage.getItem('tickler.settings')!).managerName)).toBe('Anna Test');
});

test('the settings let the name change but never empty it', async ({ page }) => {
  await asOnboarded(page, 'Anna');
  await page.goto('/#/settings');
  const name = page.getByLabel('Your name');
  await name.fill('');
  await name.press('Enter');
  await expect(page.getByRole('alert')).toContainText('Your name cannot be empty');
  await page.screenshot({ path: `${SHOTS}/settings-name-empty-en.png` });
  await page.reload();
  await expect(page.getByLabel('Your name')).toHaveValue('Anna');
  await page.getByLabel('Your name').fill('Anna Smirnova');
  await page.getByLabel('Your name').press('Enter');
  await page.reload();
  await expect(page.getByLabel('Your name')).toHaveValue('Anna Smirnova');
});
