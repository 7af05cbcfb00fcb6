import { expect, type Browser, type Page } from '@playwright/test';

/** A fixed morning: Tuesday 24 November 2026, 09:00 Moscow time (the config's time zone). */
export const MORNING = new Date('2026-11-24T09:00:00+03:00');

/** Opens the app at `at` and goes through the first run: English, a name, then a start. */
export async function firstRun(page: Page, start: 'demo' | 'empty', at: Date = MORNING): Promise<void> {
  await page.clock.setFixedTime(at);
  await page.goto('/');
  await expect(page.getByTestId('onboarding')).toBeVisible();
  await page.getByRole('radio', { name: 'English' }).click();
  await page.getByLabel('Your name').fill('Anna Test');
  await page.getByTestId(start === 'demo' ? 'start-demo' : 'start-empty').click();
  await expect(page.getByTestId('today-load')).toBeVisible({ timeout: 30_000 });
}

/** Today's count as the header states it (due today plus carried over). */
export async function todayCount(page: Page): Promise<number> {
  return Number(await page.getByTestId('today-load').getAttribute('data-count'));
}

/**
 * Skips the first run as a manager who has already been through it, at `at`. The settings
 * are written only when absent, so what a test changes survives its reloads.
 */
export async function asOnboarded(page: Page, managerName = 'Anna', at: Date = MORNING): Promise<void> {
  await page.clock.setFixedTime(at);
  await page.addInitScript((name) => {
    if (!localStorage.getItem('tickler.settings')) {
      localStorage.setItem('tickler.settings', JSON.stringify({ onboarded: true, managerName: name, language: 'en' }));
    }
  }, managerName);
}

/** A manager's own binder in a fresh browser context, opened on the Excel screen (handover tests). */
export async function openSyncAs(browser: Browser, managerName: string, at: Date = MORNING): Promise<Page> {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await asOnboarded(page, managerName, at);
  await page.goto('/#/sync');
  await expect(page.getByRole('heading', { name: /Excel/ })).toBeVisible();
  return page;
}
