import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { seedDossiers } from './calendar-seed';
import { openSyncAs } from './first-run';

/**
 * An import is one operation with one undo: the records it brought AND the days off that
 * travelled with the workbook go back to how they were before it.
 */
const NOW = new Date('2026-11-24T09:00:00+03:00');

const holidaysOf = (page: import('@playwright/test').Page) => page.evaluate(() => (JSON.parse(localStorage.getItem('tickler.settings')!).holidays ?? []) as string[]);

test('undoing an import takes back its dossiers and the days off it brought', async ({ browser }) => {
  const anna = await openSyncAs(browser, 'Anna', NOW);
  await seedDossiers(anna, [{ company: 'Vector LLC', contact: { name: 'Irina' }, steps: [{ date: '2026-11-26' }] }]);
  await anna.evaluate(() => {
    const settings = JSON.parse(localStorage.getItem('tickler.settings')!);
    localStorage.setItem('tickler.settings', JSON.stringify({ ...settings, holidays: ['2026-12-31'] }));
  });
  await anna.reload();
  const pending = anna.waitForEvent('download');
  await anna.getByTestId('export-run').click();
  const path = `.tmp/import-undo-${(await pending).suggestedFilename()}`;
  await (await pending).saveAs(path);

  const boris = await openSyncAs(browser, 'Boris', NOW);
  expect(await holidaysOf(boris)).toEqual([]);
  const chooser = boris.waitForEvent('filechooser');
  await boris.getByTestId('import-start').click();
  await (await chooser).setFiles({ name: 'anna.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: fs.readFileSync(path) });
  await boris.getByTestId('import-preview').getByTestId('import-apply').click();
  const toast = boris.locator('.toast', { hasText: /Imported:/ });
  await expect(toast).toBeVisible();
  await expect.poll(() => holidaysOf(boris)).toEqual(['2026-12-31']);

  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(boris.getByText('Import undone')).toBeVisible();
  await expect.poll(() => holidaysOf(boris)).toEqual([]);
  await boris.goto('/#/dossiers');
  await expect(boris.getByTestId('dossier-row')).toHaveCount(0);
});
