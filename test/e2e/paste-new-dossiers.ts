import { expect, type Page } from '@playwright/test';

/** Three clients a manager pastes as a list: company; contact, one per line. */
export const THREE_CLIENTS = 'ООО Альфа; Иван Петров\nООО Бета; Пётр Иванов\nООО Гамма; Анна Сидорова';

/** Pastes `lines` into the new-dossier dialog (Ctrl+N, "Paste a list") and files them under `month`'s folder (en UI). */
export async function pasteIntoMonth(page: Page, lines: string, month: string): Promise<void> {
  await page.keyboard.press('Control+n');
  const nd = page.getByTestId('new-dossier-dialog');
  await nd.getByRole('tab', { name: 'Paste a list' }).click();
  await nd.locator('textarea').fill(lines);
  await nd.locator(`[data-pick="month:${month}"]`).click();
  await page.keyboard.press('Control+Enter');
  await expect(nd).toBeHidden();
}
