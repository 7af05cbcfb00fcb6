import { expect, test, type Page } from '@playwright/test';
import { seedDossiers, skipOnboarding } from './calendar-seed';

declare global {
  interface Window {
    __notes: { title: string; body: string; tag: string; click(): void }[];
  }
}

/** Records every desktop notification the page constructs, and lets the test click one. */
async function recordNotifications(page: Page) {
  await page.context().grantPermissions(['notifications']);
  await page.addInitScript(() => {
    window.__notes = [];
    class Recorded {
      static permission: NotificationPermission = 'granted';
      static requestPermission = async () => 'granted' as NotificationPermission;
      onclick: (() => void) | null = null;
      constructor(title: string, opts: NotificationOptions = {}) {
        window.__notes.push({ title, body: opts.body ?? '', tag: opts.tag ?? '', click: () => this.onclick?.() });
      }
      close() {}
    }
    (window as unknown as { Notification: unknown }).Notification = Recorded;
  });
}

const notes = (page: Page) => page.evaluate(() => window.__notes.map(({ title, body, tag }) => ({ title, body, tag })));

async function start(page: Page, at: string, settings: Record<string, unknown> = {}) {
  await recordNotifications(page);
  await page.clock.install({ time: new Date(at) });
  await skipOnboarding(page, { morningSummaryTime: '', ...settings });
  await page.goto('/#/calendar');
  await expect(page.getByTestId('calendar')).toBeVisible();
}

test('a timed meeting notifies 15 minutes before, once, also across a restart', async ({ page }) => {
  await start(page, '2026-11-24T09:40:00+03:00');
  const { dossierIds } = await seedDossiers(page, [
    { company: 'Beta SRL', steps: [{ date: '2026-11-24', time: '10:00', kind: 'meeting', remindMin: 15, title: 'Contract' }] },
  ]);
  await page.reload();
  await expect(page.getByTestId('calendar')).toBeVisible();
  await page.clock.runFor('04:00');
  expect(await notes(page)).toEqual([]);
  await page.clock.runFor('02:00'); // past 09:45
  await expect.poll(() => notes(page)).toEqual([{ title: 'Meeting at 10:00: Beta SRL', body: expect.stringMatching(/^In 1[45] min: Contract$/), tag: `dossier:${dossierIds[0]}` }]);
  // Never twice: more ticks, and a restart, show nothing new.
  await page.clock.runFor('05:00');
  await page.reload();
  await expect(page.getByTestId('calendar')).toBeVisible();
  await page.clock.runFor('02:00');
  await page.getByRole('button', { name: 'Week' }).click(); // an interaction: the page has settled
  expect(await notes(page)).toEqual([]);
});

test('clicking a reminder opens its dossier', async ({ page }) => {
  await start(page, '2026-11-24T09:44:00+03:00');
  const { dossierIds } = await seedDossiers(page, [
    { company: 'Beta SRL', steps: [{ date: '2026-11-24', time: '10:00', kind: 'meeting', remindMin: 15 }] },
  ]);
  await page.reload();
  await expect(page.getByTestId('calendar')).toBeVisible();
  await page.clock.runFor('01:30');
  await expect.poll(async () => (await notes(page)).length).toBe(1);
  await page.evaluate(() => window.__notes[0]!.click());
  await expect(page).toHaveURL(new RegExp(`#/dossier/${dossierIds[0]}$`));
});

test('reminders missed while the app was closed are listed once, not notified', async ({ page }) => {
  await start(page, '2026-11-24T10:30:00+03:00');
  await seedDossiers(page, [
    { company: 'Gamma JSC', steps: [{ date: '2026-11-24', time: '09:00', kind: 'call', remindMin: 10 }] },
    { company: 'Delta JSC', steps: [{ date: '2026-11-24', time: '10:00', kind: 'meeting', remindMin: 15 }] },
  ]);
  await page.reload();
  const toast = page.getByRole('status');
  await expect(toast).toContainText('Missed while the app was closed (2): 09:00 Gamma JSC (call); 10:00 Delta JSC (meeting)');
  expect(await notes(page)).toEqual([]);
  await page.reload();
  await expect(page.getByTestId('calendar')).toBeVisible();
  await page.clock.runFor('01:00');
  await expect(page.getByRole('status')).not.toContainText('Missed');
});

test('the morning summary arrives at its time once', async ({ page }) => {
  await start(page, '2026-11-24T08:58:00+03:00', { morningSummaryTime: '09:00' });
  await seedDossiers(page, [
    { company: 'Alfa LLC', steps: [{ date: '2026-11-24', kind: 'call' }] },
    { company: 'Beta SRL', steps: [{ date: '2026-11-24', time: '15:00', kind: 'meeting', remindMin: -1 }] },
    { company: 'Old Co', steps: [{ date: '2026-11-20', kind: 'call' }] },
  ]);
  await page.reload();
  await expect(page.getByTestId('calendar')).toBeVisible();
  await page.clock.runFor('03:00');
  await expect.poll(() => notes(page)).toEqual([{ title: 'Good morning', body: 'Today: 2 dossiers, 1 overdue, 1 meetings', tag: 'today' }]);
});
