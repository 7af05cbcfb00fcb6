import { expect, test, type Page } from '@playwright/test';
import { readRecord, seedDossiers, skipOnboarding } from './calendar-seed';

const SHOTS = process.env.H8_SHOTS ? '.tmp/' : '';

async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}h8-${name}.png` });
}

async function openCalendar(page: Page) {
  await page.clock.install({ time: new Date('2026-11-24T09:00:00+03:00') });
  await skipOnboarding(page, { capacity: 3 });
  await page.goto('/#/calendar');
  await expect(page.getByTestId('calendar')).toBeVisible();
  const seeded = await seedDossiers(page, [
    { company: 'Alfa LLC', steps: [{ date: '2026-11-24', kind: 'call', title: 'Discuss limits' }] },
    { company: 'Beta SRL', steps: [{ date: '2026-11-25', time: '10:00', kind: 'meeting', durationMin: 90, title: 'Contract' }] },
    ...['Gamma', 'Delta', 'Epsilon', 'Zeta', 'Eta'].map((c, i) => ({
      company: `${c} JSC`,
      steps: [{ date: '2026-11-26', time: `1${i}:00`, kind: (i % 2 ? 'email' : 'call') as 'email' | 'call' }],
    })),
  ]);
  await page.reload();
  await expect(page.getByTestId('calendar')).toBeVisible();
  return seeded;
}

test('month view shows the items, the day load against capacity and the legend', async ({ page }) => {
  await openCalendar(page);
  await expect(page.getByText('Alfa LLC — Discuss limits')).toBeVisible();
  await expect(page.getByText('Beta SRL — Contract')).toBeVisible();
  // Five dossiers on the 26th against a capacity of 3: flagged, and the cell lists a "+N more".
  const day26 = page.locator('.cal-date[data-day="2026-11-26"]');
  await expect(day26.locator('.cal-load-over')).toHaveText('5');
  await expect(page.getByText('+2 more')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Legend' })).toContainText('Meeting');
  await shot(page, 'calendar-month');
});

test('dragging an item to another day refiles the dossier, and Undo puts it back', async ({ page }) => {
  const { dossierIds } = await openCalendar(page);
  const alfa = dossierIds[0]!;
  const item = page.locator('.rbc-event', { hasText: 'Alfa LLC' });
  const from = (await item.boundingBox())!;
  const cell = (await page.locator('.cal-date[data-day="2026-11-27"]').boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 20, from.y + from.height / 2 + 5, { steps: 5 });
  await page.mouse.move(cell.x + cell.width / 2, cell.y + cell.height + 30, { steps: 10 });
  await page.mouse.up();
  await expect(page.getByRole('status')).toContainText('Alfa LLC moved to');
  await expect.poll(async () => (await readRecord<{ fileKey: string }>(page, 'dossiers', alfa))?.fileKey).toBe('2026-11-27');
  await shot(page, 'calendar-dropped');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(async () => (await readRecord<{ fileKey: string }>(page, 'dossiers', alfa))?.fileKey).toBe('2026-11-24');

  // Again, and this time look where the dossier screen says it is filed.
  await expect(page.locator('.rbc-event', { hasText: 'Alfa LLC' })).toBeVisible();
  const again = (await item.boundingBox())!;
  await page.mouse.move(again.x + again.width / 2, again.y + again.height / 2);
  await page.mouse.down();
  await page.mouse.move(again.x + again.width / 2 + 20, again.y + again.height / 2 + 5, { steps: 5 });
  await page.mouse.move(cell.x + cell.width / 2, cell.y + cell.height + 30, { steps: 10 });
  await page.mouse.up();
  await expect.poll(async () => (await readRecord<{ fileKey: string }>(page, 'dossiers', alfa))?.fileKey).toBe('2026-11-27');
  await page.goto(`/#/dossier/${alfa}`);
  await expect(page.getByTestId('filed-under')).toContainText('27 Nov');
});

test('keyboard: views by letter, previous and next by PageUp/PageDown, click opens the dossier', async ({ page }) => {
  const { dossierIds } = await openCalendar(page);
  await page.keyboard.press('w');
  await expect(page.getByRole('button', { name: 'Week' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('.rbc-time-view .rbc-event', { hasText: 'Beta SRL' })).toBeVisible();
  await shot(page, 'calendar-week');
  await page.keyboard.press('PageDown');
  await expect(page.locator('.cal-label')).toContainText('30');
  await page.keyboard.press('PageUp');
  await page.keyboard.press('a');
  await expect(page.getByRole('button', { name: 'Agenda' })).toHaveAttribute('aria-pressed', 'true');
  await shot(page, 'calendar-agenda');
  await page.keyboard.press('m');
  await page.getByText('Beta SRL — Contract').click();
  await expect(page).toHaveURL(new RegExp(`#/dossier/${dossierIds[1]}$`));
});

test('resizing a meeting in the week view changes its duration', async ({ page }) => {
  const seeded = await openCalendar(page);
  await page.keyboard.press('w');
  const meeting = page.locator('.rbc-time-view .rbc-event', { hasText: 'Beta SRL' });
  await meeting.hover();
  const box = (await meeting.boundingBox())!;
  const hour = (await page.locator('.rbc-time-gutter .rbc-timeslot-group').first().boundingBox())!.height;
  const handle = (await meeting.locator('.rbc-addons-dnd-resize-ns-anchor').last().boundingBox())!;
  await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height + 5, { steps: 3 });
  // The end snaps to the start of the quarter-hour under the pointer: aim inside 12:00-12:15.
  await page.mouse.move(box.x + box.width / 2, box.y + box.height + hour / 2 + hour / 8, { steps: 5 });
  await page.mouse.up();
  // 10:00-11:30 stretched by half an hour.
  const stepOf = async (dossier: number, step: number) =>
    (await readRecord<{ steps: { id: string; durationMin: number }[] }>(page, 'papers', seeded.dossierIds[dossier]!))?.steps.find((s) => s.id === seeded.stepIds[dossier]![step]);
  await expect.poll(async () => (await stepOf(1, 0))?.durationMin).toBe(120);
  await expect(page.getByRole('status')).toContainText('Beta SRL moved to');
});

test('selecting an hour in the week opens the new-dossier dialog at that day and time', async ({ page }) => {
  await openCalendar(page);
  await page.keyboard.press('w');
  const fri = page.locator('.rbc-time-content .rbc-day-slot').nth(4); // Mon-first: the 5th column is Friday 27
  const col = (await fri.boundingBox())!;
  const eight = (await page.locator('.rbc-time-gutter .rbc-timeslot-group', { hasText: '15:00' }).boundingBox())!;
  await page.mouse.click(col.x + col.width / 2, eight.y + 4);
  const dialog = page.getByTestId('new-dossier-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Time')).toHaveValue('15:00');
});

test('Russian: Monday-first weeks and localised labels', async ({ page }) => {
  await page.clock.install({ time: new Date('2026-11-24T09:00:00+03:00') });
  await skipOnboarding(page, { language: 'ru' });
  await page.goto('/#/calendar');
  await expect(page.locator('.rbc-month-header .rbc-header').first()).toHaveText(/пн/i);
  await expect(page.getByRole('button', { name: 'Месяц' })).toHaveAttribute('aria-pressed', 'true');
  await shot(page, 'calendar-ru');
});

test('a short window: the month opens with as many items per cell as the library’s own measuring pass allows', async ({ page }) => {
  // 520 px tall: a week row holds fewer rows than a busy cell has items, so the row limit matters.
  await page.setViewportSize({ width: 1366, height: 520 });
  await openCalendar(page);
  await expect(page.locator('.cal-load-over')).toHaveText('5');
  const shown = () =>
    page.locator('.rbc-month-view').evaluate((grid) => ({
      events: [...grid.querySelectorAll('.rbc-event')].map((e) => e.textContent),
      libraryMore: [...grid.querySelectorAll('.rbc-show-more')].map((e) => e.textContent),
    }));
  const opened = await shown();
  expect(opened.events.length).toBeGreaterThan(0);
  // A resize makes react-big-calendar measure its rows its own way (a dummy row); the grid must not change.
  await page.evaluate(() => window.dispatchEvent(new Event('resize')));
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  expect(await shown()).toEqual(opened);
});
