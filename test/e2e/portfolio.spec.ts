import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { firstRun } from './first-run';
import { pasteIntoMonth, THREE_CLIENTS } from './paste-new-dossiers';

const SHOTS = '/tmp/shots/portfolio';

/** "$1,234,567" / "80%" -> 1234567 / 80: the table's digits, as the manager reads them. */
const digits = (s: string) => Number(s.replace(/[^\d.]/g, ''));

async function shoot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

async function switchLanguage(page: Page, lang: 'en' | 'ru' | 'ro') {
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

const PROFILE_SHOTS = '/tmp/shots/profile';
async function shot(page: Page, name: string) {
  fs.mkdirSync(PROFILE_SHOTS, { recursive: true });
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.screenshot({ path: `${PROFILE_SHOTS}/${name}.png` });
}

test('the client profile in the card: ОКВЭД checked and named, new company, VIP criteria, undo, the list filter by industry', async ({ page }) => {
  test.setTimeout(180_000);
  await firstRun(page, 'demo');
  await page.goto('/#/dossiers');
  // A row is clickable once its page of the list is read (before, it is a placeholder).
  await expect(page.getByTestId('dossier-row').first().locator('.dl-company')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('dossier-row').first().click();
  const screen = page.getByTestId('dossier-screen');
  await expect(screen).toBeVisible();
  const company = (await screen.getByRole('heading', { level: 1 }).innerText()).replace(/[★☆]/g, '').trim();
  const card = screen.getByRole('region', { name: 'Card' });

  await page.keyboard.press('e');
  await card.getByLabel('OKVED code').fill('46.901');
  await card.getByLabel('OKVED code').press('Control+s');
  await expect(card.getByRole('alert').first()).toContainText('An OKVED code looks like 46, 46.9, 46.90, 46.90.1 or 46.90.12');
  await card.getByLabel('OKVED code').fill('34.10');
  await expect(card.getByRole('alert').first()).toContainText('There is no OKVED class 34');
  await card.getByLabel('OKVED code').fill('46.90');
  await expect(card.getByTestId('okved-name')).toHaveText('Wholesale trade');
  await card.getByLabel('Annual revenue').fill('900 000 000');
  await card.getByLabel('Employees').fill('40');
  // The demo's segment was set by hand; back to "from the figures", which names what they give.
  const segment = card.getByRole('combobox', { name: 'Segment' });
  await segment.selectOption('');
  await expect(segment.locator('option:checked')).toHaveText('From the figures: Medium');
  await card.getByTestId('registered-on').fill('01.03.2026');
  await card.getByLabel('Influential owner').check();
  await card.getByTestId('vip-free').fill('Friend of the CEO');
  await shot(page, 'card-edit-en');
  await card.getByTestId('vip-free').press('Control+s');

  await expect(card.getByTestId('profile-okved')).toHaveText('46.90 · Wholesale trade');
  await expect(card.getByTestId('profile-segment')).toHaveText('Medium (from revenue and employees)');
  await expect(card.getByTestId('new-company')).toHaveText('New company');
  await expect(card.getByTestId('profile-vip')).toContainText('Influential owner');
  await expect(card.getByTestId('profile-vip')).toContainText('Friend of the CEO');
  await expect(screen.getByRole('button', { name: 'VIP' })).toHaveAttribute('aria-pressed', 'true');
  await shot(page, 'card-en');
  for (const lang of ['ru', 'ro'] as const) {
    await switchLanguage(page, lang);
    await page.reload();
    await expect(screen.getByTestId('profile-okved')).toHaveText(lang === 'ru' ? '46.90 · Торговля оптовая' : '46.90 · Comerț cu ridicata, cu excepția autovehiculelor și motocicletelor');
    await shot(page, `card-${lang}`);
  }
  await switchLanguage(page, 'en');
  await page.reload();

  // The list: only this dossier is in class 46 (the demo portfolio has no codes).
  await page.goto('/#/dossiers');
  await page.getByTestId('filter-industry').selectOption('46');
  await expect(page.getByTestId('dossier-row')).toHaveCount(1);
  await expect(page.getByTestId('dossier-row')).toContainText(company);
  await shot(page, 'list-industry-en');

  // Ctrl+Z takes the card edit back (from outside the search box and the filter, where the key is the app's).
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('dossier-row')).toHaveCount(0);
});

test('settings: KPI targets and size bounds checked as typed; the activity export holds the charts\' numbers', async ({ page }) => {
  test.setTimeout(180_000);
  await firstRun(page, 'demo');
  await page.goto('/#/settings');
  const small = page.getByTestId('threshold-smallMaxHeadcount');
  await small.fill('300');
  await small.press('Enter');
  await expect(page.getByRole('alert')).toContainText('The small bound must be below the medium one');
  await small.press('Escape');
  const meetings = page.getByTestId('target-meetingsPerDay');
  await meetings.fill('3');
  await meetings.press('Enter');
  await expect(page.getByText('✓ Saved')).toBeVisible();
  await shot(page, 'settings-en');

  await page.goto('/#/portfolio/activity');
  await expect(page.getByTestId('activity-chart').locator('canvas')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('activity-days')).toContainText('/ 3');
  await expect(page.getByTestId('income-by-owner').locator('tbody tr').first()).toBeVisible();
  await shot(page, 'activity-en');
  await page.getByTestId('activity-chart').getByRole('button', { name: 'Show the numbers' }).click();
  const calls = await page.getByTestId('activity-chart').locator('tbody tr').evaluateAll((rows) => rows.map((r) => Number((r.querySelectorAll('td')[0]?.textContent ?? '').replace(/\D/g, ''))));

  const pending = page.waitForEvent('download');
  await page.getByTestId('activity-export').click();
  const download = await pending;
  const file = `.tmp/${download.suggestedFilename()}`;
  await download.saveAs(file);
  const XLSX = await import('xlsx');
  const book = XLSX.read(fs.readFileSync(file));
  expect(book.SheetNames).toEqual(['Activity by week', 'Call and meeting days', 'Prospects and closed', 'This week', 'Income by manager']);
  const rows = XLSX.utils.sheet_to_json<Record<string, number>>(book.Sheets['Activity by week']!);
  expect(rows.map((r) => r.Calls)).toEqual(calls);
  expect(rows.every((r) => r['Requests target'] === 5)).toBe(true);

  for (const lang of ['ru', 'ro'] as const) {
    await switchLanguage(page, lang);
    await page.goto('/#/settings');
    await page.reload();
    await expect(page.getByTestId('target-meetingsPerDay')).toHaveValue('3');
    await shot(page, `settings-${lang}`);
    await page.goto('/#/portfolio/activity');
    await expect(page.getByTestId('activity-chart').locator('canvas')).toBeVisible({ timeout: 30_000 });
    await shot(page, `activity-${lang}`);
  }
});

const READ_SHOTS = '/tmp/shots-portfolio';

/**
 * Holds the portfolio worker's columns (its progress still comes through) while
 * `window.holdPortfolio` is on, so that the screen's reading state stays on screen long
 * enough to be checked; `releasePortfolio()` lets them through.
 */
async function holdPortfolioRead(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { holdPortfolio: boolean; releasePortfolio(): void };
    const held: (() => void)[] = [];
    w.holdPortfolio = true;
    w.releasePortfolio = () => {
      w.holdPortfolio = false;
      for (const deliver of held.splice(0)) deliver();
    };
    const Native = window.Worker;
    const setter = Object.getOwnPropertyDescriptor(Native.prototype, 'onmessage')!.set!;
    window.Worker = class extends Native {
      constructor(url: string | URL, opts?: WorkerOptions) {
        super(url, opts);
        if (!String(url).includes('portfolio')) return;
        Object.defineProperty(this, 'onmessage', {
          set(handler: (e: MessageEvent) => void) {
            setter.call(this, (e: MessageEvent) => ((e.data as { type?: string }).type === 'columns' && w.holdPortfolio ? held.push(() => handler(e)) : handler(e)));
          },
        });
      }
    };
  });
}

async function readShot(page: Page, name: string) {
  fs.mkdirSync(READ_SHOTS, { recursive: true });
  await page.screenshot({ path: `${READ_SHOTS}/${name}.png` });
}

test('the portfolio screen reads the binder off the window: its progress, then the figures, kept while a change is read again', async ({ page }) => {
  test.setTimeout(120_000);
  await holdPortfolioRead(page);
  await firstRun(page, 'demo');
  await page.goto('/#/portfolio');
  const loading = page.getByTestId('pf-loading');
  await expect(loading).toContainText('Dossiers read: 300 of 300');
  await expect(loading.getByRole('progressbar', { name: 'Reading the binder' })).toHaveAttribute('value', '300');
  await readShot(page, 'loading-en');
  await page.evaluate(() => (window as unknown as { releasePortfolio(): void }).releasePortfolio());
  const classes = page.getByTestId('abc-classes');
  await expect(classes).toBeVisible();
  await expect(loading).toHaveCount(0);
  const cClients = () => classes.locator('tr[data-class="C"] td').nth(0).innerText().then(digits);
  const before = await cClients();
  await readShot(page, 'loaded-en');

  // Three new clients, without invoices, so C: the figures stay on screen while the binder is read again.
  await page.evaluate(() => { (window as unknown as { holdPortfolio: boolean }).holdPortfolio = true; });
  await pasteIntoMonth(page, THREE_CLIENTS, '2026-12');
  await expect(page.getByTestId('pf-updating')).toContainText(/Updating the figures|updating the figures/);
  await expect(classes).toBeVisible();
  expect(await cClients()).toBe(before);
  await readShot(page, 'updating-en');
  await page.evaluate(() => (window as unknown as { releasePortfolio(): void }).releasePortfolio());
  await expect.poll(cClients).toBe(before + 3);
  await expect(page.getByTestId('pf-updating')).toHaveCount(0);

  const texts = { ru: 'Прочитано досье: 303 из 303', ro: 'Dosare citite: 303 din 303' };
  for (const lang of ['ru', 'ro'] as const) {
    await switchLanguage(page, lang);
    await page.reload();
    await expect(page.getByTestId('pf-loading')).toContainText(texts[lang]);
    await readShot(page, `loading-${lang}`);
    await page.evaluate(() => (window as unknown as { releasePortfolio(): void }).releasePortfolio());
    await expect(page.getByTestId('pareto').locator('canvas')).toBeVisible();
    await readShot(page, `loaded-${lang}`);
  }
});

test('the portfolio screen says so in the interface language when the binder cannot be read, and reads again on request', async ({ page }) => {
  await firstRun(page, 'demo');
  await switchLanguage(page, 'ru');
  // The worker that reads the binder cannot start: its script does not load.
  await page.route('**/*portfolio.worker*', (route) => route.abort());
  await page.goto('/#/portfolio');
  await page.reload();
  const error = page.getByTestId('pf-read-error');
  await expect(error).toContainText('Не удалось прочитать портфель');
  await readShot(page, 'error-ru');
  await page.unroute('**/*portfolio.worker*');
  await error.getByRole('button', { name: 'Повторить' }).click();
  await expect(page.getByTestId('abc-classes')).toBeVisible();
  await expect(error).toHaveCount(0);
});
