import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import * as XLSX from 'xlsx';
import { seedDossiers } from './calendar-seed';
import { openSyncAs } from './first-run';

/**
 * "Export the current selection": the Dossiers list, filtered, hands exactly the dossiers
 * it shows to the Excel screen's export, which offers them as the selection.
 */
test('a filtered dossier list exports just the dossiers it shows', async ({ browser }) => {
  const page = await openSyncAs(browser, 'Anna', new Date('2026-11-24T09:00:00+03:00'));
  await seedDossiers(page, [
    { company: 'Big One LLC', segment: 'large', steps: [{ date: '2026-11-26' }] },
    { company: 'Big Two LLC', segment: 'large', steps: [{ date: '2026-11-27' }] },
    { company: 'Tiny Shop', segment: 'small', steps: [{ date: '2026-11-27' }] },
  ]);
  await page.goto('/#/dossiers');
  await expect(page.getByTestId('dossier-row')).toHaveCount(3);
  // The whole, unfiltered list is the whole portfolio: nothing to hand over.
  await expect(page.getByTestId('export-list')).toHaveCount(0);
  await page.getByRole('combobox', { name: 'Segment' }).selectOption({ label: 'Large' });
  await expect(page.getByTestId('dossier-row')).toHaveCount(2);
  await page.getByTestId('export-list').click();

  await expect(page).toHaveURL(/#\/sync\/export\/selection$/);
  await expect(page.getByRole('radio', { name: 'The current selection (dossiers: 2)' })).toBeChecked();
  const pending = page.waitForEvent('download');
  await page.getByTestId('export-run').click();
  const download = await pending;
  expect(download.suggestedFilename()).toContain('selection');
  const path = `.tmp/export-list-${download.suggestedFilename()}`;
  await download.saveAs(path);
  const book = XLSX.read(fs.readFileSync(path));
  const text = book.SheetNames.map((n) => XLSX.utils.sheet_to_csv(book.Sheets[n]!)).join('\n');
  expect(text).toContain('Big One LLC');
  expect(text).toContain('Big Two LLC');
  expect(text).not.toContain('Tiny Shop');
});
