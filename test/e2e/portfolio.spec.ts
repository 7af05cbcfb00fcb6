import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { firstRun } from './first-run';

const SHOTS = '/tmp/shots/portfolio';

/** "$1,234,567" / "80%" -> 1234567 / 80: the table's digits, as the manager reads them. */
const digits = (s: string) => Number(s.replace(/[^\d.]/g, ''));

async function shoot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

async function switchLanguage(page: Page, lang: 'ru' | 'ro') {
  await page.evaluate((l) => {
    const s = JSON.parse(localStorage.getItem('tickler.settings') ?? '{}') as Record<string, unknown>;
    localStorage.setItem('tickler.settings', JSON.stringify({ ...s, language: l }));
  }, lang);
}

test('the portfolio screen: ABC classes, and the Pareto chart\'s table agrees with them', async ({ page }) => {
  await firstRun(page, 'demo');
  await page.goto('/#/portfolio');
  const classes = page.getByTestId('abc-classes');
  await expect(classes).toBeVisible({ timeout: 30_000 });
  const cell = (cls: string, col: number) => classes.locator(`tr[data-class="${cls}"] td`).nth(col).innerText();
  const total = (await Promise.all(['A', 'B', 'C'].map(async (c) => digits(await cell(c, 1))))).reduce((s, n) => s + n, 0);
  expect(total).toBeGreaterThan(0);
  expect(digits(await cell('A', 0))).toBeGreaterThan(0);

  const pareto = page.getByTestId('pareto');
  await expect(pareto.locator('canvas')).toBeVisible();
  await shoot(page, 'abc-en');
  await pareto.getByRole('button', { name: 'Show the numbers' }).click();
  const rows = pareto.locator('tbody tr');
  const n = await rows.count();
  expect(n).toBeGreaterThan(0);
  // The line ends at 100 %, and the bars add up to the classes' revenue (each rounded to a rouble).
  await expect(rows.nth(n - 1).locator('td').nth(1)).toHaveText('100%');
  let bars = 0;
  for (let i = 0; i < n; i++) bars += digits(await rows.nth(i).locator('td').nth(0).innerText());
  expect(Math.abs(bars - total)).toBeLessThanOrEqual(n);
  // The first bar's share is that bar's revenue over the total.
  const firstShare = digits(await rows.nth(0).locator('td').nth(1).innerText());
  expect(Math.abs(firstShare - (digits(await rows.nth(0).locator('td').nth(0).innerText()) / total) * 100)).toBeLessThan(0.1);
  await shoot(page, 'abc-table-en');
  await expect(page.getByTestId('a-clients').locator('tbody tr').first()).toBeVisible();

  await page.getByRole('tab', { name: 'Activity' }).click();
  await expect(page.getByTestId('activity-chart').locator('canvas')).toBeVisible();
  await shoot(page, 'activity-en');
  await page.getByTestId('activity-chart').getByRole('button', { name: 'Show the numbers' }).click();
  await expect(page.getByTestId('activity-chart').locator('tbody tr')).toHaveCount(12);

  for (const lang of ['ru', 'ro'] as const) {
    await switchLanguage(page, lang);
    await page.goto('/#/portfolio');
    await page.reload();
    await expect(page.getByTestId('pareto').locator('canvas')).toBeVisible({ timeout: 30_000 });
    await shoot(page, `abc-${lang}`);
    await page.getByRole('tab').nth(1).click();
    await expect(page.getByTestId('activity-chart').locator('canvas')).toBeVisible();
    await shoot(page, `activity-${lang}`);
  }
});
