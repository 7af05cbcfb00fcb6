import { expect, test } from '@playwright/test';
import { generateDemoPortfolio } from '../../shared/demo/generate-demo-portfolio';
import { writePortfolioWorkbook } from '../../shared/workbook';
import { openSyncAs } from './first-run';

/**
 * The preview of a large import (issue #11, item 4): the import worker reads, plans and
 * builds it; the window shows the file's records per kind and one page of each list at a
 * time, and asks the worker for the next.
 */
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOSSIERS = 700;

test('a large workbook is previewed as counts per kind and pages of rows, then imported whole', async ({ browser }) => {
  test.setTimeout(120_000);
  const file = generateDemoPortfolio({ dossiers: DOSSIERS, today: '2026-11-24', owner: 'Anna', seed: 7 });
  const data = Buffer.from(writePortfolioWorkbook(file, { appVersion: '0.1.0', exportedBy: 'Boris', scope: 'all', language: 'en' }));
  const page = await openSyncAs(browser, 'Boris');

  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('import-start').click();
  await (await chooser).setFiles({ name: 'boris.xlsx', mimeType: XLSX, buffer: data });
  const preview = page.getByTestId('import-preview');
  await expect(preview).toBeVisible({ timeout: 60_000 });

  // "In the file: 700 dossiers, 1,234 contacts, …": every kind the file holds, counted.
  const kinds = preview.getByTestId('import-kinds');
  await expect(kinds).toContainText(`${DOSSIERS} dossiers`);
  await expect(kinds).toContainText(`${file.contacts.length.toLocaleString('en')} contacts`);
  await expect(kinds).toContainText(`${file.history.length.toLocaleString('en')} history entries`);

  // Everything is new here: the Created tab holds every record, 300 rows to a page.
  const total = (await preview.getByRole('tab', { name: /New/ }).locator('.badge').textContent()) ?? '';
  expect(Number(total.replace(/\D/g, ''))).toBeGreaterThan(600);
  const pager = preview.getByTestId('preview-pager');
  await expect(pager).toContainText(`1–300 of ${total}`);
  await expect(preview.getByTestId('preview-item')).toHaveCount(300);
  const firstPage = await preview.getByTestId('preview-item').allTextContents();
  await pager.getByRole('button', { name: 'Next' }).click();
  await expect(pager).toContainText(`301–600 of ${total}`);
  await expect(preview.getByTestId('preview-item')).toHaveCount(300);
  const secondPage = await preview.getByTestId('preview-item').allTextContents();
  expect(secondPage).not.toEqual(firstPage);
  await pager.getByRole('button', { name: 'Previous' }).click();
  await expect(pager).toContainText(`1–300 of ${total}`);
  expect(await preview.getByTestId('preview-item').allTextContents()).toEqual(firstPage);

  await preview.getByTestId('import-apply').click();
  await expect(page.locator('.toast', { hasText: /Imported:/ })).toBeVisible({ timeout: 60_000 });
  await page.goto('/#/dossiers');
  await expect(page.locator('.sidebar')).toBeVisible();
  const stored = await page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const req = indexedDB.open('tickler');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const count = req.result.transaction('dossiers').objectStore('dossiers').count();
          count.onsuccess = () => resolve(count.result);
          count.onerror = () => reject(count.error);
        };
      }),
  );
  expect(stored).toBe(DOSSIERS);
});
