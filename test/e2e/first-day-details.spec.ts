/**
 * The smaller things a new user met on the first day (issue 10, item 10): each reproduced
 * through the UI as the manager sees it at 1366x768.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { seedDossiers, skipOnboarding, type SeedDossier } from './calendar-seed';

const NOW = new Date('2026-11-24T09:00:00+03:00');

async function open(page: Page, route: string, dossiers: SeedDossier[], settings: Record<string, unknown> = {}) {
  await page.clock.install({ time: NOW });
  await skipOnboarding(page, settings);
  await page.goto('/#/calendar');
  await expect(page.getByTestId('calendar')).toBeVisible();
  const seeded = await seedDossiers(page, dossiers);
  await page.goto(`/#/${route}`);
  await page.reload();
  // The screen is up (and listens for its keys) once its main landmark shows.
  if (route.startsWith('dossiers')) await expect(page.getByRole('searchbox')).toBeVisible();
  if (route.startsWith('today')) await expect(page.getByTestId('today-load')).toBeVisible();
  return seeded;
}

async function box(l: Locator) {
  const b = await l.boundingBox();
  if (!b) throw new Error('not laid out');
  return b;
}
const overlaps = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

const rowOf = (page: Page, company: string) => page.getByTestId('dossier-row').filter({ hasText: company });

test('a handover mark leaves the company name whole', async ({ page }) => {
  await open(page, 'today', [
    { company: 'ПАО «ВостокАгро»', coveredFor: 'Boris Ivanov', coveredUntil: '2026-12-10', steps: [{ date: '2026-11-24' }] },
  ]);
  const row = rowOf(page, 'ВостокАгро');
  // The status column is narrow: the badge shortens the colleague's name and its title holds the whole one.
  const badge = row.getByTestId('row-covering');
  await expect(badge).toHaveText('for Boris I.');
  await expect(badge).toHaveAttribute('title', /Boris Ivanov/);
  const name = row.locator('.drow-company');
  expect(await name.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
});

test('an overdue meeting shows the day it was due, not an hour that reads as today', async ({ page }) => {
  await open(page, 'today', [
    { company: 'Alfa LLC', steps: [{ date: '2026-11-20', time: '14:00', kind: 'meeting', durationMin: 60 }] },
    { company: 'Beta LLC', steps: [{ date: '2026-11-24', time: '11:00', kind: 'meeting', durationMin: 60 }] },
  ]);
  const when = (c: string) => rowOf(page, c).locator('.drow-when');
  await expect(when('Alfa LLC')).toHaveText('20/11');
  await expect(when('Alfa LLC')).not.toContainText('14:00');
  await expect(when('Beta LLC')).toHaveText('11:00');
});

test('the row dots have a legend under the list and in the help', async ({ page }) => {
  await open(page, 'today', [{ company: 'Alfa LLC', steps: [{ date: '2026-11-24', kind: 'payment' }] }]);
  const legend = page.locator('.hint-bar').getByTestId('kind-legend');
  await expect(legend).toContainText('Call');
  await expect(legend).toContainText('Payment');
  await page.keyboard.press('F1');
  await expect(page.getByTestId('help-dialog').getByTestId('kind-legend')).toContainText('Meeting');
});

test('the hover Log button never covers the row text', async ({ page }) => {
  await open(page, 'today', [
    { company: 'Alfa LLC', history: [{ at: '2026-11-20T09:00:00.000Z', summary: 'A long summary of the last talk that fills the whole column of the row and then some more words' }], steps: [{ date: '2026-11-24' }] },
  ]);
  const row = rowOf(page, 'Alfa LLC');
  await row.hover();
  const log = row.getByRole('button', { name: 'Log' });
  await expect(log).toBeVisible();
  for (const cell of ['.drow-last', '.drow-phone-cell', '.drow-status']) expect(overlaps(await box(log), await box(row.locator(cell)))).toBe(false);
});

test('toasts stack compactly in the corner, at most three, off the names and phones', async ({ page }) => {
  await open(page, 'today', Array.from({ length: 20 }, (_, i) => ({ company: `Company ${i + 1} LLC`, contact: { name: `Person ${i}`, phone: '+7 916 555-10-10' }, steps: [{ date: '2026-11-24' }] })));
  await page.locator('.today-list').click({ position: { x: 5, y: 5 } });
  for (let i = 0; i < 5; i++) await page.keyboard.press('Control+z');
  const toasts = page.locator('.toast');
  await expect(toasts).toHaveCount(3);
  // Read every box in one go, while the toasts still show.
  const { toastBoxes, cells } = await page.evaluate(() => {
    const rect = (e: Element) => {
      const r = e.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    };
    return {
      toastBoxes: [...document.querySelectorAll('.toast')].map(rect),
      cells: [...document.querySelectorAll('.drow-company, .drow-name, .drow-phone-cell')].map(rect),
    };
  });
  expect(toastBoxes).toHaveLength(3);
  expect(cells.length).toBeGreaterThan(30);
  for (const t of toastBoxes) for (const c of cells) expect(overlaps(t, c)).toBe(false);
});

test('the Dossiers list has one sort control: the column headings', async ({ page }) => {
  await open(page, 'dossiers', [
    { company: 'Beta LLC', steps: [{ date: '2026-11-25' }] },
    { company: 'Alfa LLC', steps: [{ date: '2026-11-27' }] },
  ]);
  await expect(page.getByTestId('dossier-row')).toHaveCount(2);
  await expect(page.getByRole('combobox', { name: 'Sort' })).toHaveCount(0);
  await expect(page.getByTestId('dossier-row').first()).toContainText('Alfa LLC');
  await page.getByRole('button', { name: 'Filed under' }).click();
  await expect(page.getByTestId('dossier-row').first()).toContainText('Beta LLC');
});

test('a phone is found by the part a manager remembers', async ({ page }) => {
  await open(page, 'dossiers', []);
  await page.keyboard.press('Control+n');
  const dialog = page.getByTestId('new-dossier-dialog');
  await dialog.getByRole('tab', { name: 'Paste a list' }).click();
  await dialog.getByLabel('Paste a list').fill('Alfa LLC; Ivan; +7 (495) 126-15-74\nBeta LLC; Olga; +7 (495) 333-22-11');
  await dialog.getByRole('button', { name: /Add 2 dossiers/ }).click();
  await expect(dialog).toBeHidden();
  for (const q of ['126-15-74', '15-74', '1261574']) {
    await page.getByRole('searchbox', { name: 'Search dossiers' }).fill(q);
    await expect(page.getByTestId('dossier-count')).toHaveText('1 found');
    await expect(page.getByTestId('dossier-row')).toContainText('Alfa LLC');
  }
});

test('the print names the segment in the UI language, never its code', async ({ page }) => {
  const { dossierIds } = await open(page, 'today', [{ company: 'Alfa LLC', segment: 'medium', steps: [{ date: '2026-11-24' }] }]);
  await page.goto(`/#/print/dossier/${dossierIds[0]}`);
  const sheet = page.getByTestId('print-dossier');
  await expect(sheet).toContainText('Medium');
  await expect(sheet).not.toContainText('medium');
});

test('week view puts overlapping meetings side by side, none covering another', async ({ page }) => {
  await open(page, 'calendar/2026-11-25/week', ['Alfa', 'Beta', 'Gamma'].map((c, i) => ({
    company: `${c} LLC`,
    steps: [{ date: '2026-11-25', time: i === 2 ? '10:30' : '10:00', kind: 'meeting' as const, durationMin: 60 }],
  })));
  const events = page.locator('.rbc-day-slot .rbc-event');
  await expect(events).toHaveCount(3);
  const boxes = await Promise.all([0, 1, 2].map((i) => box(events.nth(i))));
  for (let a = 0; a < 3; a++) for (let b = a + 1; b < 3; b++) expect(overlaps(boxes[a]!, boxes[b]!)).toBe(false);
});

test('the agenda lists the 14:00 meeting before the all-day calls, under a header in words', async ({ page }) => {
  await open(page, 'calendar/2026-12-01/agenda', [
    ...Array.from({ length: 25 }, (_, i) => ({ company: `Call ${String(i + 1).padStart(2, '0')} LLC`, steps: [{ date: '2026-12-01' }] })),
    { company: 'Meeting LLC', steps: [{ date: '2026-12-01', time: '14:00', kind: 'meeting' as const, durationMin: 60 }] },
  ]);
  const rows = page.locator('.rbc-agenda-table tbody tr');
  await expect(rows).toHaveCount(26);
  await expect(rows.first()).toContainText('Meeting LLC');
  await expect(rows.first()).toContainText('14:00');
  await expect(page.locator('.cal-label')).toHaveText(/^1\s?–\s?15\sDecember\s2026$/);
});

test('the agenda header is in Russian words in the Russian UI', async ({ page }) => {
  await open(page, 'calendar/2026-12-01/agenda', [{ company: 'Alfa LLC', steps: [{ date: '2026-12-01' }] }], { language: 'ru' });
  await expect(page.locator('.cal-label')).toHaveText(/^1\s?–\s?15\sдекабря\s2026\sг\.$/);
});
