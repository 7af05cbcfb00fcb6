import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { seedDossiers, skipOnboarding } from './calendar-seed';

declare global {
  interface Window {
    __prints: number;
  }
}

const hasPdftotext = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** The PDF's text, laid out (poppler-utils' pdftotext), and its page images for a look when asked. */
async function printToText(page: Page, name: string): Promise<string> {
  await page.emulateMedia({ media: 'print' });
  const file = `.tmp/h8-${name}.pdf`;
  fs.mkdirSync('.tmp', { recursive: true });
  await page.pdf({ path: file, preferCSSPageSize: true, printBackground: false });
  if (process.env.H8_SHOTS) execFileSync('pdftoppm', ['-png', '-r', '60', file, `.tmp/h8-${name}`]);
  return execFileSync('pdftotext', ['-layout', file, '-']).toString('utf8');
}

async function setup(page: Page) {
  await page.clock.install({ time: new Date('2026-11-24T09:00:00+03:00') });
  await skipOnboarding(page);
  // window.print would open the browser's dialog; count the calls instead.
  await page.addInitScript(() => {
    window.__prints = 0;
    window.print = () => {
      window.__prints++;
    };
  });
  await page.goto('/#/calendar');
  await expect(page.getByTestId('calendar')).toBeVisible();
  const history = Array.from({ length: 25 }, (_, i) => ({
    at: new Date(Date.UTC(2026, 9, 1 + i, 9)).toISOString(),
    summary: i === 24 ? 'Agreed to send the factoring offer by Friday' : `Routine call number ${i + 1}`,
  }));
  return seedDossiers(page, [
    {
      company: 'Alfa Factoring LLC',
      taxId: '7707083893',
      notes: 'Prefers calls before noon.',
      contact: { name: 'Irina Petrova', position: 'CFO', phone: '+7 495 123-45-67' },
      history,
      steps: [
        { date: '2026-11-24', time: '11:00', kind: 'call', title: 'Offer follow-up' },
        { date: '2026-12-03', time: '15:00', kind: 'meeting', title: 'Sign the contract', durationMin: 60 },
      ],
    },
    { company: 'Beta Wholesale SRL', contact: { name: 'Ion Popescu', phone: '+40 21 555 0101' }, steps: [{ date: '2026-11-24', kind: 'call' }] },
  ]);
}

test('Ctrl+P on a dossier opens its print view and prints; the PDF holds the card and the last contact', async ({ page }) => {
  test.skip(!hasPdftotext, 'pdftotext (poppler-utils) is not installed: apt-get install poppler-utils');
  const { dossierIds } = await setup(page);
  await page.goto(`/#/dossier/${dossierIds[0]}`);
  await page.keyboard.press('Control+KeyP');
  await expect(page.getByTestId('print-dossier')).toContainText('Irina Petrova');
  await expect.poll(() => page.evaluate(() => window.__prints)).toBe(1);
  // Printed once; the address no longer asks to print, so a reload would not print again.
  await expect(page).toHaveURL(new RegExp(`#/print/dossier/${dossierIds[0]}$`));
  await page.screenshot({ path: '.tmp/h8-print-dossier-screen.png' });

  const text = await printToText(page, 'dossier');
  for (const s of ['Alfa Factoring LLC', '7707083893', 'Irina Petrova', 'CFO', '+7 495 123-45-67', 'Prefers calls before noon.', 'Agreed to send the factoring offer by Friday', 'Sign the contract']) {
    expect(text).toContain(s);
  }
  // The last 20 contacts only, and no navigation on paper.
  expect(text).toContain('Routine call number 6');
  expect(text).not.toMatch(/Routine call number 5\b/);
  expect(text).toContain('Recent history (last 20 of 25)');
  expect(text).not.toMatch(/Binder|Settings|Save as PDF/);
});

test("today's call sheet lists time, company, contact, phone and a blank outcome column", async ({ page }) => {
  test.skip(!hasPdftotext, 'pdftotext (poppler-utils) is not installed: apt-get install poppler-utils');
  await setup(page);
  await page.goto('/#/today');
  await page.keyboard.press('Control+KeyP');
  await expect(page).toHaveURL(/#\/print\/today/);
  await expect(page.getByTestId('print-call-sheet')).toContainText('Beta Wholesale SRL');
  await page.screenshot({ path: '.tmp/h8-print-sheet-screen.png' });
  const text = await printToText(page, 'sheet');
  // Cells may wrap on paper: compare words, one line per table row is not promised.
  const words = text.replace(/\s+/g, ' ');
  for (const s of ['Call sheet', 'Alfa Factoring', '11:00', 'Irina Petrova', '+7 495 123-45-67', 'Beta Wholesale SRL', 'Ion Popescu', 'Outcome / next date', 'Offer']) {
    expect(words).toContain(s);
  }
});
