import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { generateDemoPortfolio } from '../../shared/demo/generate-demo-portfolio';
import { workloadByOwner } from '../../shared/portfolio/workload';
import { writePortfolioWorkbook } from '../../shared/workbook/write';
import { asOnboarded } from './first-run';

const TODAY = '2026-11-24';
const SHOTS = '/tmp/shots/portfolio';

test('the team view over two managers\' workbooks shows each one\'s load, overdue and cover', async ({ page }) => {
  const anna = generateDemoPortfolio({ dossiers: 60, seed: 1, today: TODAY, owner: 'Anna' });
  const boris = generateDemoPortfolio({ dossiers: 40, seed: 2, today: TODAY, owner: 'Boris' });
  // Boris covers three of Anna's dossiers during her leave.
  for (const d of boris.dossiers.slice(0, 3)) Object.assign(d, { coveredFor: 'Anna', coveredFrom: '2026-11-23', coveredUntil: '2026-12-04' });
  const files = [['anna.xlsx', anna], ['boris.xlsx', boris]] as const;
  fs.mkdirSync('.tmp', { recursive: true });
  for (const [name, p] of files) fs.writeFileSync(`.tmp/${name}`, writePortfolioWorkbook(p, { appVersion: '0.1.0', exportedBy: name, scope: 'all', language: 'en' }));

  await asOnboarded(page, 'Lead');
  await page.goto('/#/portfolio/team');
  for (const [name] of files) {
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: "Add a manager's workbook…" }).click();
    await (await chooser).setFiles({ name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: fs.readFileSync(`.tmp/${name}`) });
    await expect(page.locator('.badge', { hasText: name })).toBeVisible({ timeout: 30_000 });
  }
  const table = page.getByTestId('team-table');
  const expected = workloadByOwner([...anna.dossiers, ...boris.dossiers], [...anna.steps, ...boris.steps], TODAY, 14);
  for (const owner of ['Anna', 'Boris']) {
    const row = table.locator(`tr[data-owner="${owner}"]`);
    await expect(row.locator('[data-col="overdue"]')).toHaveText(String(expected[owner]!.overdue));
    await expect(row.locator(`[data-day="${TODAY}"]`)).toHaveText(String(expected[owner]![TODAY] ?? ''));
  }
  await expect(table.locator('tr[data-owner="Boris"] .pf-cover')).toContainText('covers Anna until');
  await expect(table.locator('tr[data-owner="Anna"] .pf-cover')).toContainText('on leave until');
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/team-en.png` });
  // The lead's own binder stays empty: the workbooks were only read.
  await page.goto('/#/today');
  await expect(page.getByTestId('today-load')).toHaveAttribute('data-count', '0');
});
