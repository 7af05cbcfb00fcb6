import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { seedDossiers, skipOnboarding } from './calendar-seed';

/**
 * Romanian: a browser whose locale is ro-RO starts the first run in Romanian, and the
 * binder and calendar read as a Bucharest account manager expects (Romanian plurals,
 * Monday-first weeks, ro-RO dates). RO_SHOTS=<dir> also saves a screenshot of every screen.
 */
test.use({ locale: 'ro-RO', timezoneId: 'Europe/Bucharest' });

const MORNING = new Date('2026-12-01T09:00:00+02:00');
const SHOTS = process.env.RO_SHOTS;

async function shot(page: Page, name: string) {
  if (!SHOTS) return;
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

/**
 * Labels cut by their box: buttons, tabs, headings, table heads and form labels whose text
 * is wider than they are, while their style clips it. Company names that end in an
 * ellipsis on purpose are not labels and are not checked.
 */
async function clippedLabels(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const els = document.querySelectorAll<HTMLElement>('button, [role="tab"], [role="radio"], h1, h2, h3, th, dt, label > span, legend, nav a, .cal-label, .rbc-header');
    for (const el of els) {
      if (!el.offsetParent || !el.textContent?.trim()) continue;
      const s = getComputedStyle(el);
      const clips = s.overflow !== 'visible' || s.overflowX !== 'visible' || s.textOverflow === 'ellipsis';
      if (clips && el.scrollWidth > el.clientWidth + 1) out.push(`${el.tagName.toLowerCase()}: ${el.textContent.trim().slice(0, 60)}`);
    }
    return out;
  });
}

async function expectNothingClipped(page: Page, screen: string) {
  expect(await clippedLabels(page), `labels cut on ${screen}`).toEqual([]);
}

test('first run in Romanian: the browser locale picks Română, and the demo binder opens in Romanian', async ({ page }) => {
  await page.clock.setFixedTime(MORNING);
  await page.goto('/');
  await expect(page.getByTestId('onboarding')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Bun venit în Tickler CRM' })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Română' })).toHaveAttribute('aria-checked', 'true');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ro');
  await page.getByLabel('Numele dumneavoastră').fill('Ana Popescu');
  await shot(page, '01-first-run');
  await expectNothingClipped(page, 'the first run');
  await page.getByTestId('start-demo').click();
  await expect(page.getByTestId('today-load')).toBeVisible({ timeout: 30_000 });
  const nav = page.getByRole('navigation');
  for (const label of ['Azi', 'Biblioraft', 'Calendar', 'Dosare', 'Setări']) await expect(nav).toContainText(label);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Azi');
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('tickler.settings') ?? '{}'));
  expect(stored).toMatchObject({ language: 'ro', managerName: 'Ana Popescu', onboarded: true });
});

async function seedRomanian(page: Page) {
  await page.clock.install({ time: MORNING });
  await skipOnboarding(page, { language: 'ro', managerName: 'Ana Popescu', capacity: 3 });
  await page.goto('/#/binder');
  await expect(page.getByTestId('binder-strip')).toBeVisible();
  const seeded = await seedDossiers(page, [
    { company: 'Alfa Distribuție SRL', contact: { name: 'Ion Popescu', position: 'Director financiar', phone: '+40 721 123 456' },
      history: [{ at: '2026-11-20T08:30:00.000Z', summary: 'A cerut oferta de factoring pentru facturile la 60 de zile', kind: 'call', outcome: 'agreed' }],
      steps: [{ date: '2026-12-01', kind: 'call', title: 'Oferta de factoring' }] },
    { company: 'Beta Logistic SA', contact: { name: 'Maria Ionescu', phone: '+40 21 555 0101' }, steps: [{ date: '2026-12-03', time: '10:00', kind: 'meeting', durationMin: 60, title: 'Semnarea contractului' }] },
    { company: 'Gama Construct SRL', steps: [{ date: '2026-12-03', kind: 'call' }] },
    ...Array.from({ length: 21 }, (_, i) => ({ company: `Client ${i + 1} SRL`, steps: [{ date: '2026-12-04', kind: 'call' as const }] })),
  ]);
  await page.reload();
  return seeded;
}

test('the binder in Romanian: day and month inserts, Romanian plurals, ro-RO dates', async ({ page }) => {
  await seedRomanian(page);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Biblioraft');
  await expect(page.getByRole('tablist', { name: 'Inserții pe zile' })).toBeVisible();
  await expect(page.getByText('Inserții pe luni')).toBeVisible();
  await expect(page.getByRole('tab', { name: 'vineri 4 decembrie: 21 din 3' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'februarie 2027: 0' })).toBeVisible();
  await expect(page.locator('.hint-bar')).toContainText('Spațiu selectează');
  // Romanian plurals: 1 dosar, 2 dosare, 21 de dosare.
  await page.goto('/#/binder/2026-12-01');
  await expect(page.getByTestId('binder-folder')).toContainText('1 dosar');
  await expect(page.getByTestId('binder-folder')).toContainText('Alfa Distribuție SRL');
  await page.goto('/#/binder/2026-12-03');
  await expect(page.getByTestId('binder-folder')).toContainText('2 dosare');
  await page.goto('/#/binder/2026-12-04');
  await expect(page.getByTestId('binder-folder')).toContainText('21 de dosare');
  await expect(page.getByTestId('binder-folder')).toContainText('decembrie');
  await shot(page, '03-binder');
  await expectNothingClipped(page, 'the binder');
});

test('the calendar in Romanian: weeks start on Monday, month and day names in Romanian', async ({ page }) => {
  await seedRomanian(page);
  await page.goto('/#/calendar');
  await expect(page.getByTestId('calendar')).toBeVisible();
  await expect(page.locator('.cal-label')).toHaveText(/decembrie 2026/i);
  const heads = await page.locator('.rbc-month-header .rbc-header').allTextContents();
  expect(heads.map((h) => h.toLowerCase())).toEqual(['lu', 'ma', 'mi', 'jo', 'vi', 'sâ', 'du']);
  await expect(page.getByText('Beta Logistic SA — Semnarea contractului')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Săptămână' })).toBeVisible();
  await shot(page, '04-calendar-month');
  await expectNothingClipped(page, 'the calendar month');
  await page.getByRole('button', { name: 'Săptămână' }).click();
  await expect(page.locator('.rbc-time-view')).toBeVisible();
  await expect(page.locator('.cal-label')).toHaveText('30 noiembrie – 6 decembrie 2026');
  await shot(page, '05-calendar-week');
  await expectNothingClipped(page, 'the calendar week');
  await page.getByRole('button', { name: 'Agendă' }).click();
  await expect(page.locator('.rbc-agenda-view')).toBeVisible();
  await shot(page, '06-calendar-agenda');
  await expectNothingClipped(page, 'the calendar agenda');
});

test('every other screen in Romanian, nothing cut', async ({ page }) => {
  const { dossierIds } = await seedRomanian(page);
  await page.goto('/#/today');
  await expect(page.getByTestId('today-load')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Azi');
  await shot(page, '02-today');
  await expectNothingClipped(page, 'Today');

  await page.goto('/#/dossiers');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Dosare');
  await expect(page.getByText('de dosare')).toBeVisible();
  await shot(page, '07-dossiers');
  await expectNothingClipped(page, 'Dossiers');

  await page.goto(`/#/dossier/${dossierIds[0]}`);
  await expect(page.getByText('Alfa Distribuție SRL').first()).toBeVisible();
  await expect(page.getByRole('button', { name: /Notare și reclasare/ })).toBeVisible();
  await shot(page, '08-dossier');
  await expectNothingClipped(page, 'a dossier');

  await page.getByRole('button', { name: /Notare și reclasare/ }).click();
  await expect(page.getByRole('dialog')).toContainText('Pasul următor');
  await shot(page, '09-log-refile');
  await expectNothingClipped(page, 'Log & refile');
  await page.keyboard.press('Escape');

  await page.goto('/#/today');
  await page.getByRole('button', { name: 'Dosar nou' }).first().click();
  await expect(page.getByRole('dialog')).toContainText('Firmă');
  await shot(page, '10-new-dossier');
  await expectNothingClipped(page, 'New dossier');
  await page.keyboard.press('Escape');

  await page.goto('/#/sync');
  await expect(page.getByText('Predare pe durata concediului')).toBeVisible();
  await shot(page, '11-excel');
  await expectNothingClipped(page, 'Excel');

  await page.goto('/#/settings');
  await expect(page.getByTestId('language')).toHaveValue('ro');
  await expect(page.getByText('Săptămâna de lucru')).toBeVisible();
  await shot(page, '12-settings');
  await expectNothingClipped(page, 'Settings');

  await page.goto(`/#/print/dossier/${dossierIds[0]}`);
  await expect(page.getByTestId('print-dossier')).toContainText('Dosarul clientului');
  await shot(page, '13-print-dossier');
  await page.goto('/#/print/today');
  await expect(page.getByTestId('print-call-sheet')).toContainText('Lista de apeluri');
  await shot(page, '14-print-call-sheet');
});
