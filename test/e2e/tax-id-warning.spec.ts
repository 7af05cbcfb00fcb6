import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { asOnboarded } from './first-run';
import { readRecord, seedDossiers } from './calendar-seed';

/**
 * Issue 10, item 4: a list import keeps an INN that fails the check digit "as typed". The
 * card must still save (the INN is a warning on it, not a lock), and a save that is refused
 * says why.
 */
const NOW = new Date('2026-11-24T09:00:00+03:00');
const SHOTS = '/tmp/shots/merge';
const BAD_INN = '7707083890'; // 7707083893 with a typo in the check digit

async function openCard(page: Page, language: 'en' | 'ru') {
  await asOnboarded(page, 'Anna', NOW);
  await page.goto('/#/today');
  const { dossierIds } = await seedDossiers(page, [{ company: 'ООО «Старый список»', taxId: BAD_INN, steps: [{ date: '2026-11-26' }] }]);
  if (language === 'ru') {
    await page.evaluate(() => {
      const s = JSON.parse(localStorage.getItem('tickler.settings')!);
      localStorage.setItem('tickler.settings', JSON.stringify({ ...s, language: 'ru' }));
    });
  }
  const id = dossierIds[0]!;
  await page.goto(`/#/dossier/${id}`);
  await page.reload();
  await expect(page.getByTestId('dossier-screen')).toBeVisible();
  return id;
}

test('a dossier whose INN was kept as typed can be edited and saved; the INN is a warning on the card', async ({ page }) => {
  const id = await openCard(page, 'en');
  const card = page.getByRole('region', { name: 'Card', exact: true });
  await card.locator('dt:has-text("Territory") + dd button').click();
  const territory = card.locator('input[name="territory"]');
  await expect(territory).toBeFocused();
  await territory.fill('Казань');
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/card-inn-warning-editing-en.png` });
  await territory.press('Control+s');
  await expect(territory).toBeHidden();
  await expect(card).toContainText('Казань');
  await expect(card.getByTestId('taxid-warning')).toContainText('Check digit does not match');
  await expect(card.getByTestId('taxid-warning')).toContainText('Kept as typed');
  await page.screenshot({ path: `${SHOTS}/card-inn-warning-en.png` });
  expect(await readRecord<{ territory: string; taxId: string }>(page, 'dossiers', id)).toMatchObject({ territory: 'Казань', taxId: BAD_INN });
});

test('a newly typed wrong INN stops the save and says why', async ({ page }) => {
  await openCard(page, 'en');
  const card = page.getByRole('region', { name: 'Card', exact: true });
  await card.locator('dt:has-text("INN") + dd button').click();
  const inn = card.locator('input[name="taxId"]');
  await inn.fill('7707083894');
  await inn.press('Control+s');
  await expect(card.getByTestId('save-refused')).toHaveText('Not saved: INN: Check digit does not match: a typo in the INN?');
  await expect(inn).toBeFocused();
  await page.screenshot({ path: `${SHOTS}/card-save-refused-en.png` });
  // Typing the INN back as it was stored lifts the lock.
  await inn.fill(BAD_INN);
  await inn.press('Control+s');
  await expect(inn).toBeHidden();
});

test('the INN warning in the Russian card', async ({ page }) => {
  await openCard(page, 'ru');
  const card = page.getByRole('region', { name: 'Карточка', exact: true });
  await expect(card.getByTestId('taxid-warning')).toContainText('Сохранён как введён');
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/card-inn-warning-ru.png` });
  await card.locator('dt:has-text("Территория") + dd button').click();
  await card.locator('input[name="territory"]').fill('Тверь');
  await card.locator('input[name="territory"]').press('Control+s');
  await expect(card).toContainText('Тверь');
});
