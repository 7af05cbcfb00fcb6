import { expect, test, type Page } from '@playwright/test';
import { asOnboarded } from './first-run';

// Tuesday 24 November 2026, 09:00 Moscow: tomorrow is Wednesday 25 November.
const NOW = new Date('2026-11-24T09:00:00+03:00');

async function start(page: Page) {
  await asOnboarded(page, 'Anna', NOW);
  await page.goto('/#/dossiers');
  // The screen is loaded (and listens for Ctrl+N) once its search box shows.
  await expect(page.getByRole('searchbox', { name: 'Search dossiers' })).toBeVisible();
}

/** New dossier through the quick-entry dialog; Save opens it. */
async function createRomashka(page: Page) {
  await page.keyboard.press('Control+n');
  const dialog = page.getByTestId('new-dossier-dialog');
  await dialog.getByLabel('Company').fill('Romashka LLC');
  await dialog.getByLabel('Contact').fill('Ivan Petrov');
  await dialog.getByLabel('Phone').fill('+7 916 123-45-67');
  await dialog.getByLabel('INN').fill('7707083893');
  await expect(dialog).toContainText('Company INN');
  await dialog.getByLabel('INN').press('Control+Enter');
  await expect(page.getByTestId('dossier-screen')).toBeVisible();
}

test('an INN with a wrong check digit is explained and blocks saving', async ({ page }) => {
  await start(page);
  await page.keyboard.press('Control+n');
  const dialog = page.getByTestId('new-dossier-dialog');
  await dialog.getByLabel('Company').fill('Typo LLC');
  await dialog.getByLabel('INN').fill('7707083894');
  await expect(dialog.getByRole('alert')).toHaveText('Check digit does not match: a typo in the INN?');
  await dialog.getByLabel('INN').press('Control+Enter');
  await expect(dialog).toBeVisible();
  // The refused save says why next to the buttons, not only under the field.
  await expect(dialog.getByTestId('save-refused')).toHaveText('Not saved: INN: Check digit does not match: a typo in the INN?');
  await dialog.getByLabel('INN').fill('770708');
  await dialog.getByLabel('INN').press('Control+Enter');
  await expect(dialog.locator('.field-error')).toHaveText('An INN has 10 digits (company) or 12 (individual)');
  await expect(dialog.getByTestId('save-refused')).toHaveText('Not saved: INN: An INN has 10 digits (company) or 12 (individual)');
  // An empty INN is fine: cold prospects often have none yet.
  await dialog.getByLabel('INN').fill('');
  await dialog.getByLabel('INN').press('Control+Enter');
  await expect(page.getByTestId('dossier-screen')).toContainText('Typo LLC');
});

test('open a dossier, edit the card, add a contact, log a call and see it in the history', async ({ page }) => {
  await start(page);
  await createRomashka(page);
  const screen = page.getByTestId('dossier-screen');
  await expect(screen.getByRole('heading', { level: 1 })).toHaveText(/Romashka LLC/);
  await expect(screen.getByTestId('filed-under')).toHaveText(/Filed under Wed 25 Nov/);
  await expect(screen).toContainText('+7 916 123-45-67');

  // E edits the card; Ctrl+S saves.
  await page.keyboard.press('e');
  await screen.getByLabel('Territory').fill('Moscow');
  await screen.getByLabel('OKVED code').fill('64.92');
  await page.screenshot({ path: '.tmp/h6-dossier-edit.png' });
  await screen.getByLabel('Territory').press('Control+s');
  await expect(screen.getByLabel('Territory')).toBeHidden();
  await expect(screen.getByRole('region', { name: 'Card' })).toContainText('Moscow');
  await expect(screen.getByRole('region', { name: 'Card' })).toContainText('64.92');

  // C adds a contact; the phone is shown in one format whatever was typed.
  await page.keyboard.press('c');
  const form = screen.getByRole('group', { name: 'Add contact' });
  await form.getByLabel('Name').fill('Olga Sidorova');
  await form.getByLabel('Position').fill('CFO');
  await form.getByLabel('Phones').fill('8 (495) 111-22-33');
  await page.screenshot({ path: '.tmp/h6-contact-form.png' });
  await form.getByLabel('Phones').press('Enter');
  const olga = screen.getByTestId('contact').filter({ hasText: 'Olga Sidorova' });
  await expect(olga).toContainText('+7 495 111-22-33');
  await expect(olga.getByRole('link', { name: /495/ })).toHaveAttribute('href', 'tel:+74951112233');

  // L logs the call and refiles the dossier.
  await page.keyboard.press('l');
  const refile = page.getByTestId('refile-dialog');
  await refile.getByTestId('refile-summary').fill('Discussed the factoring limit; send the offer');
  await refile.locator('[data-pick="next-week"]').click();
  await refile.getByTestId('refile-save').click();
  await expect(refile).toBeHidden();
  const entry = screen.getByTestId('history-entry').first();
  await expect(entry).toContainText('Discussed the factoring limit; send the offer');
  await expect(entry).toContainText('Anna');
  await expect(screen.getByTestId('filed-under')).toHaveText(/Filed under Mon 30 Nov/);

  const scroll = await page.evaluate(() => ({ width: document.documentElement.scrollWidth, inner: window.innerWidth }));
  expect(scroll.width).toBeLessThanOrEqual(scroll.inner);
  await page.screenshot({ path: '.tmp/h6-dossier.png' });

  // Deleting a contact can be undone.
  await olga.getByRole('button', { name: 'Delete contact: Olga Sidorova' }).click();
  await expect(olga).toHaveCount(0);
  await page.locator('.toast', { hasText: 'Contact Olga Sidorova deleted' }).getByRole('button', { name: 'Undo' }).click();
  await expect(screen.getByTestId('contact').filter({ hasText: 'Olga Sidorova' })).toHaveCount(1);
});

test('archive takes a dossier out of the binder; reactivate files it again', async ({ page }) => {
  await start(page);
  await createRomashka(page);
  const screen = page.getByTestId('dossier-screen');
  await screen.getByRole('button', { name: 'Archive' }).click();
  await expect(screen.getByText('Archived', { exact: true })).toBeVisible();
  await expect(screen.getByTestId('filed-under')).toHaveCount(0);

  await screen.getByRole('button', { name: 'Reactivate' }).click();
  const dialog = page.getByTestId('step-dialog');
  await dialog.locator('[data-pick="plus3"]').click();
  await dialog.getByRole('button', { name: /Save/ }).click();
  await expect(dialog).toBeHidden();
  // Back in the binder; archiving kept its planned call, so both steps are planned now.
  await expect(screen.getByTestId('filed-under')).toBeVisible();
  await expect(screen.getByTestId('step').filter({ hasText: 'Fri 27 Nov' })).toHaveCount(1);
});

test('search finds a dossier by a phone typed in another format', async ({ page }) => {
  await start(page);
  await createRomashka(page);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('searchbox', { name: 'Search dossiers' })).toBeVisible();
  const search = page.getByRole('searchbox', { name: 'Search dossiers' });
  await search.fill('8 (916) 123 45 67');
  await expect(page.getByTestId('dossier-row')).toHaveCount(1);
  await expect(page.getByTestId('dossier-row')).toContainText('Romashka LLC');
  await search.fill('9161234567');
  await expect(page.getByTestId('dossier-row')).toContainText('Romashka LLC');
  await search.fill('nothing like this');
  await expect(page.getByTestId('dossiers-empty')).toContainText('Nothing matches “nothing like this”');
  // Enter opens the highlighted result.
  await search.fill('romash');
  await expect(page.getByTestId('dossier-row')).toHaveCount(1);
  await search.press('Enter');
  await expect(page.getByTestId('dossier-screen')).toContainText('Romashka LLC');
});

test('a demo dossier with its history and invoices fits a laptop screen, in Russian', async ({ page }) => {
  test.setTimeout(120_000);
  await page.clock.setFixedTime(NOW);
  await page.addInitScript(() => {
    if (!localStorage.getItem('tickler.settings')) localStorage.setItem('tickler.settings', JSON.stringify({ language: 'ru', managerName: 'Анна' }));
  });
  await page.goto('/');
  await page.getByTestId('start-demo').click();
  await expect(page.getByTestId('onboarding')).toBeHidden({ timeout: 60_000 });
  await page.goto('/#/dossiers');
  await expect(page.getByTestId('dossier-row').first()).toContainText(/\S/);
  await page.screenshot({ path: '.tmp/h6-dossiers-ru.png' });
  const noHorizontalScroll = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  expect(await noHorizontalScroll()).toBe(true);

  // The dossier with the longest history is the hardest to lay out: sort by last contact.
  await page.getByRole('button', { name: 'Посл. контакт' }).click();
  const screen = page.getByTestId('dossier-screen');
  // The list reloads in the new order; Enter opens the row under the cursor once it is there.
  await expect(async () => {
    await page.getByRole('searchbox').press('Enter');
    await expect(screen).toBeVisible({ timeout: 2000 });
  }).toPass();
  await expect(screen.getByRole('region', { name: 'История' })).toBeVisible();
  await expect(screen.getByTestId('history-entry').first()).toBeVisible();
  expect(await noHorizontalScroll()).toBe(true);
  await page.screenshot({ path: '.tmp/h6-dossier-ru.png' });
  // Esc goes back to the list.
  await page.keyboard.press('Escape');
  await expect(page.getByRole('searchbox')).toBeVisible();
});
