import { expect, test, type Page } from '@playwright/test';

const SHOTS = '/tmp/shots/calendar';

/** A manager already through the first run, at `at`, with these settings (written once: reloads keep changes). */
async function start(page: Page, at: string, settings: Record<string, unknown>) {
  await page.clock.setFixedTime(new Date(at));
  await page.addInitScript((s) => {
    if (!localStorage.getItem('tickler.settings')) {
      localStorage.setItem('tickler.settings', JSON.stringify({ onboarded: true, managerName: 'Anna', language: 'en', ...s }));
    }
  }, settings);
}

const dayTabs = (page: Page) => page.locator('.insert-days [role="tab"]');
const folders = async (page: Page) => {
  await expect(page.getByTestId('binder-strip')).toHaveAttribute('data-loaded', 'true');
  return dayTabs(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-folder')));
};

test('on 1 December the working-dates binder runs two months ahead and January skips the law’s holidays', async ({ page }) => {
  await start(page, '2026-12-01T09:00:00+03:00', { holidayCountry: 'ru', binderVariant: 'working-days' });
  await page.goto('/#/binder');
  const keys = await folders(page);
  expect(keys[0]).toBe('2026-12-01');
  expect(keys.at(-1)).toBe('2027-01-29');
  const january = keys.filter((k) => k!.startsWith('2027-01'));
  // 1-8 January are the New Year holidays; 9-10 the weekend: the first January insert is the 11th.
  expect(january[0]).toBe('2027-01-11');
  expect(january).toHaveLength(15);
  await expect(page.locator('.month-tab').first()).toHaveAttribute('data-folder', '2027-02');
  // December: the binder reminds that next year's calendar waits to be checked.
  await expect(page.getByTestId('calendar-check')).toContainText('The 2027 working calendar is not confirmed');
  await page.screenshot({ path: `${SHOTS}/binder-working-en.png` });

  // Three months ahead from Settings: February joins.
  await page.goto('/#/settings');
  await page.getByTestId('months-ahead').selectOption('3');
  await page.goto('/#/binder');
  expect((await folders(page)).at(-1)).toBe('2027-02-26');
});

test('the 31-insert binder marks January’s holidays as days off (Romania)', async ({ page }) => {
  await start(page, '2026-12-20T09:00:00+02:00', { holidayCountry: 'ro' });
  await page.goto('/#/binder');
  await expect(page.getByTestId('binder-strip')).toHaveAttribute('data-loaded', 'true');
  for (const off of ['2026-12-25', '2026-12-26', '2027-01-01', '2027-01-02', '2027-01-06', '2027-01-07']) {
    await expect(page.locator(`[role="tab"][data-folder="${off}"]`)).toHaveClass(/is-off/);
  }
  for (const working of ['2026-12-28', '2027-01-05', '2027-01-08']) {
    await expect(page.locator(`[role="tab"][data-folder="${working}"]`)).not.toHaveClass(/is-off/);
  }
});

test('a Saturday made working in the settings calendar gets its own working-date insert', async ({ page }) => {
  await start(page, '2026-12-01T09:00:00+03:00', { holidayCountry: 'ru', binderVariant: 'working-days' });
  await page.goto('/#/binder');
  expect(await folders(page)).not.toContain('2026-12-12');

  await page.goto('/#/settings');
  const calendar = page.getByRole('region', { name: 'Working calendar' });
  // December asks for next year's check, and shows it; go back to this year.
  await expect(calendar.getByTestId('calendar-year')).toHaveText('2027');
  await calendar.getByRole('button', { name: 'Previous year' }).click();
  const saturday = calendar.locator('[data-day="2026-12-12"]');
  await expect(saturday).toHaveAttribute('data-status', 'weekend');
  await saturday.click();
  await expect(saturday).toHaveAttribute('data-status', 'moved-working');
  await expect(calendar.getByRole('list', { name: 'Working days (moved or worked)' })).toContainText('12 Dec 2026');

  await page.goto('/#/binder');
  const tab = page.locator('[role="tab"][data-folder="2026-12-12"]');
  await expect(tab).toBeVisible();
  await expect(tab).toHaveAttribute('data-moved', 'true');
  await expect(tab).toHaveAttribute('title', /moved working day/);
  // "+1 working day" from Friday 11 December is that Saturday.
  expect(await folders(page)).toContain('2026-12-12');
});

test('the settings calendar: the law’s holidays for any year, a click toggles a day, the decree list, the December check', async ({ page }) => {
  await start(page, '2026-12-01T09:00:00+03:00', {});
  await page.goto('/#/settings');
  const calendar = page.getByRole('region', { name: 'Working calendar' });
  await calendar.getByLabel('Russia (Labour Code)').check();
  const warning = calendar.getByTestId('calendar-confirm');
  await expect(warning).toContainText('The 2027 calendar is not confirmed');
  await warning.getByRole('button', { name: 'Show 2027' }).click();
  await expect(calendar.getByTestId('calendar-year')).toHaveText('2027');
  for (const d of ['2027-01-01', '2027-01-07', '2027-01-08', '2027-02-23', '2027-03-08', '2027-05-01', '2027-06-14', '2027-11-04']) {
    await expect(calendar.locator(`[data-day="${d}"]`), d).toHaveAttribute('data-status', 'statutory');
  }
  // 1 May 2027 is a Saturday, 9 May a Sunday, 12 June a Saturday: the law moves the days off to the Mondays after.
  await expect(calendar.locator('[data-day="2027-05-03"]')).toHaveAttribute('data-status', 'statutory');
  await expect(calendar.locator('[data-day="2027-05-10"]')).toHaveAttribute('data-status', 'statutory');

  // A decree's list pasted: a day off and a move of the day off from a Saturday.
  await calendar.getByLabel('Import a list of dates').fill('31.12.2027\n06.11.2027 → 05.11.2027');
  await calendar.getByRole('button', { name: 'Import as days off' }).click();
  await expect(calendar.locator('[data-day="2027-12-31"]')).toHaveAttribute('data-status', 'day-off');
  await expect(calendar.locator('[data-day="2027-11-05"]')).toHaveAttribute('data-status', 'day-off');
  await expect(calendar.locator('[data-day="2027-11-06"]')).toHaveAttribute('data-status', 'moved-working');

  // A click on a holiday makes it a working day; Undo puts it back.
  await calendar.locator('[data-day="2027-06-14"]').click();
  await expect(calendar.locator('[data-day="2027-06-14"]')).toHaveAttribute('data-status', 'moved-working');
  await page.locator('.toast', { hasText: 'is now a working day' }).getByRole('button', { name: 'Undo' }).click();
  await expect(calendar.locator('[data-day="2027-06-14"]')).toHaveAttribute('data-status', 'statutory');
  await page.screenshot({ path: `${SHOTS}/settings-calendar-en.png`, fullPage: true });

  await warning.getByRole('button', { name: 'Confirm 2027' }).click();
  await expect(warning).toHaveCount(0);
  await expect(calendar).toContainText('✓ Confirmed');
  await page.reload();
  await expect(page.getByRole('region', { name: 'Working calendar' }).getByTestId('calendar-confirm')).toHaveCount(0);
});

test('screenshots in Russian: the settings calendar and the working-dates binder', async ({ page }) => {
  await start(page, '2026-12-01T09:00:00+03:00', { language: 'ru', binderVariant: 'working-days', extraWorkingDays: ['2026-12-12'] });
  await page.goto('/#/settings');
  const calendar = page.getByRole('region', { name: 'Производственный календарь' });
  await expect(calendar.getByTestId('calendar-confirm')).toContainText('Календарь на 2027 год не подтверждён');
  // Until a country is chosen the Russian language brings Russia's holidays.
  await expect(calendar.getByLabel('Россия (Трудовой кодекс)')).toBeChecked();
  await expect(calendar.locator('[data-day="2027-01-05"]')).toHaveAttribute('data-status', 'statutory');
  await page.screenshot({ path: `${SHOTS}/settings-calendar-ru.png`, fullPage: true });
  await page.goto('/#/binder');
  await expect(page.locator('[role="tab"][data-folder="2026-12-12"]')).toHaveAttribute('data-moved', 'true');
  await page.screenshot({ path: `${SHOTS}/binder-working-ru.png` });
});
