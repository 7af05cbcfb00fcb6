/**
 * The calendar: one month's range query on the full benchmark binder, and the month view
 * mounted on a binder holding 10,000 planned items in that month (query + render until
 * every day cell shows its load; the median of five opens, the first open printed apart).
 */
import { createElement, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { BenchCase } from '../bench-case';
import { addDays } from '../../../shared/dates/calendar-day';
import { defaultSettings } from '../../../shared/model/settings';
import type { Step, StepKind } from '../../../shared/model/records';
import type { DossierRow } from '../../../renderer/data/db';
import { writePortfolio } from '../../../renderer/data/portfolio-repo';
import { getMonthDigest, getStepsInRange } from '../../../renderer/data/calendar-repo';
import CalendarScreen from '../../../renderer/features/calendar';
import { MONTH_CELL_ITEMS, visibleRange } from '../../../renderer/features/calendar/events';
import { initI18n } from '../../../renderer/ui/i18n';
import { SettingsProvider } from '../../../renderer/ui/settings-context';
import { ToastProvider } from '../../../renderer/ui/toast';

const ITEMS = 10_000;
const KINDS: StepKind[] = ['call', 'call', 'call', 'meeting', 'email', 'task'];

function nextFrame(): Promise<void> {
  return new Promise((r) => requestAnimationFrame(() => r()));
}

/** Resolves when `done()` holds, checked once per frame (the user sees it then). */
async function until(done: () => boolean, limitMs = 30_000): Promise<void> {
  const start = performance.now();
  while (!done()) {
    if (performance.now() - start > limitMs) throw new Error('calendar bench: the month never rendered');
    await nextFrame();
  }
}

const calendarCase: BenchCase = {
  name: 'calendar',
  async run(ctx) {
    const month = visibleRange('month', new Date(`${ctx.today}T12:00:00`));
    let items = 0;
    // Every item of the month grid joined with its company (what week, day and agenda read).
    const calendarRangeQueryMs = await ctx.median(async () => {
      items = (await getStepsInRange(month.from, month.to)).length;
    }, 5);
    // What the month grid itself reads: a few items per day joined, the rest counted.
    const calendarMonthDigestMs = await ctx.median(() => getMonthDigest(month.from, month.to, MONTH_CELL_ITEMS), 5);
    ctx.log(`calendar: ${items} items in the month grid ${month.from}..${month.to} of the full binder`);

    await initI18n('en');
    const month10k = await ctx.withScratchDb(async () => {
      const first = `${ctx.today.slice(0, 7)}-01`;
      const meta = { createdAt: `${first}T08:00:00.000Z`, updatedAt: `${first}T08:00:00.000Z`, author: 'bench', syncBase: '' };
      const rows: DossierRow[] = [];
      const steps: Step[] = [];
      for (let i = 0; i < ITEMS; i++) {
        const id = crypto.randomUUID();
        const date = addDays(first, i % 28);
        rows.push({
          ...meta, id, company: `Company ${i}`, taxId: '', industry: '', segment: '', territory: '', vip: false, owner: 'bench',
          tags: [], customFields: {}, notes: '', status: 'active', coveredFor: '', coveredUntil: '', words: [], fileKey: date,
        });
        const timed = i % 3 === 0;
        steps.push({
          ...meta, id: crypto.randomUUID(), dossierId: id, kind: KINDS[i % KINDS.length]!, title: '', date, month: '',
          time: timed ? `${String(8 + (i % 10)).padStart(2, '0')}:${i % 2 ? '30' : '00'}` : '', durationMin: timed ? 30 : 0,
          remindMin: -1, done: false, doneAt: '',
        });
      }
      // Through the bulk writer, as an import would: it derives the rows and the calendar days.
      await writePortfolio({ dossiers: rows, steps, contacts: [], history: [], invoices: [], payments: [], holidays: [] });

      // One open of the month view: mount, read, render until every seeded day shows its load.
      const openMonth = async (log = false): Promise<number> => {
        const host = document.createElement('div');
        host.style.cssText = 'position:fixed;inset:0;width:1366px;height:768px;';
        document.body.appendChild(host);
        const root = createRoot(host);
        const ms = await ctx.time(async () => {
          root.render(
            createElement(
              StrictMode,
              null,
              createElement(SettingsProvider, {
                initial: { ...defaultSettings(), onboarded: true, language: 'en' },
                children: createElement(ToastProvider, { children: createElement(CalendarScreen, { params: [ctx.today, 'month'] }) }),
              }),
            ),
          );
          // Loaded and painted: every one of the 28 seeded days shows its count.
          await until(() => host.querySelectorAll('.cal-load').length >= 28);
          await nextFrame();
        });
        if (log) ctx.log(`calendar: month view of ${ITEMS} items, ${host.querySelectorAll('.rbc-event').length} event elements`);
        root.unmount();
        host.remove();
        return ms;
      };
      // The first open runs cold code and pays for the garbage of the write above; the figure
      // is the median of later opens, like the daily loop's, each after a pause longer than
      // Dexie's 3 s live-query cache so that every open reads IndexedDB again.
      const firstOpen = await openMonth(true);
      const opens: number[] = [];
      for (let i = 0; i < 5; i++) {
        await new Promise((r) => setTimeout(r, 3_500));
        opens.push(await openMonth());
      }
      opens.sort((x, y) => x - y);
      return { first: firstOpen, median: opens[2]! };
    });
    ctx.log(`calendar: range ${calendarRangeQueryMs.toFixed(1)} ms, month digest ${calendarMonthDigestMs.toFixed(1)} ms, month view (10,000 items) ${month10k.median.toFixed(0)} ms (first open ${month10k.first.toFixed(0)} ms)`);
    return { calendarRangeQueryMs, calendarMonthDigestMs, calendarMonthMs: month10k.median, calendarMonthFirstMs: month10k.first, calendarMonthItems: items };
  },
};

export default calendarCase;
