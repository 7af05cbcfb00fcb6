/**
 * The portfolio case's two pure computations (abcMs, kpiWeekMs, on the screen's columns)
 * and the one-off build of those columns (portfolioColumnsMs) timed in Node, without the
 * browser seed: `npx tsx test/bench/portfolio-micro.ts` (V8, like Chromium, so the figures
 * move together; the browser's are somewhat higher). It builds what the bench page seeds
 * (the demo portfolio with the bench receivables, 1,000-dossier slices) and shapes it as
 * readPortfolio returns it from IndexedDB: dossiers in id order, each copied through
 * baseDossier (a spread with the derived fields deleted, as the stored row is read back),
 * the papers' records grouped by dossier in that order and structured-cloned.
 *
 * MICRO_DOSSIERS (default 100,000), MICRO_HISTORY (per dossier, default 10), MICRO_RUNS
 * (default 5): the median of the runs after one warm-up is printed. MICRO_CACHE=1 keeps the
 * built records in .tmp/ (V8's structured-clone format, the one IndexedDB stores) and reads
 * them back next time (seeding takes a minute and more on the bench machine; reading a few seconds), for repeated runs while working.
 * MICRO_OBJECTS=1 also times abc.ts and kpi.ts on the records, and checks that both give the same figures.
 */
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { addDays } from '../../shared/dates/calendar-day';
import { generateDemoChunks } from '../../shared/demo/generate-demo-portfolio';
import type { Dossier, HistoryEntry, Invoice } from '../../shared/model/records';
import { abcAnalysis, splitBy } from '../../shared/portfolio/abc';
import { abcOnColumns, segmentCodes, splitOnColumns } from '../../shared/portfolio/abc-columns';
import { activityByWeek } from '../../shared/portfolio/kpi';
import { activityByWeekOnColumns } from '../../shared/portfolio/kpi-columns';
import { buildPortfolioColumns, type PortfolioColumns } from '../../shared/portfolio/portfolio-columns';
import { DEFAULT_SEGMENT_THRESHOLDS, effectiveSegment } from '../../shared/portfolio/profile';
import { baseDossier } from '../../renderer/data/derive-row';
import type { DossierRow } from '../../renderer/data/db';
import { addBenchReceivables } from './page/bench-receivables';

const today = '2026-11-24';
const dossierCount = Number(process.env.MICRO_DOSSIERS ?? 100_000);
const historyPerDossier = Number(process.env.MICRO_HISTORY ?? 10);
const runs = Number(process.env.MICRO_RUNS ?? 5);
const WRITE_CHUNK = 1000;

interface Records {
  dossiers: Dossier[];
  history: HistoryEntry[];
  invoices: Invoice[];
}

const DERIVED = { fileKey: '', nextKind: '', nextTime: '', nextTitle: '', lastContactAt: '', lastSummary: '', primaryName: '', primaryPhone: '', words: [], calendarDates: [] };

/** A dossier as readPortfolio returns it: the stored row read back, its derived fields deleted. */
const asRead = (d: Dossier): Dossier => baseDossier(structuredClone({ ...d, ...DERIVED }) as unknown as DossierRow);

function generate(): Records {
  const dossiers: Dossier[] = [];
  const history = new Map<string, HistoryEntry[]>();
  const invoices = new Map<string, Invoice[]>();
  const push = <T extends { dossierId: string }>(m: Map<string, T[]>, r: T) => {
    const list = m.get(r.dossierId);
    if (list) list.push(r);
    else m.set(r.dossierId, [r]);
  };
  let done = 0;
  for (const chunk of generateDemoChunks({ dossiers: dossierCount, historyPerDossier, seed: 1, today }, WRITE_CHUNK)) {
    addBenchReceivables(chunk, today, 1, done);
    done += chunk.dossiers.length;
    for (const d of chunk.dossiers) dossiers.push(d);
    for (const h of chunk.history) push(history, h);
    for (const inv of chunk.invoices) push(invoices, inv);
  }
  // IndexedDB hands the stores back in primary-key order; the row carries derived fields
  // that baseDossier deletes, which leaves the objects V8 sees on the screen.
  dossiers.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const papersOf = <T>(m: Map<string, T[]>) => dossiers.flatMap((d) => (m.has(d.id) ? structuredClone(m.get(d.id)!) : []));
  return { dossiers, history: papersOf(history), invoices: papersOf(invoices) };
}

function build(): Records {
  const cache = path.resolve(import.meta.dirname, `../../.tmp/portfolio-micro-${dossierCount}-${historyPerDossier}.v8`);
  let r: Records;
  if (process.env.MICRO_CACHE === '1' && fs.existsSync(cache)) r = v8.deserialize(fs.readFileSync(cache)) as Records;
  else {
    r = generate();
    if (process.env.MICRO_CACHE === '1') {
      fs.mkdirSync(path.dirname(cache), { recursive: true });
      fs.writeFileSync(cache, v8.serialize(r));
    }
  }
  return { ...r, dossiers: r.dossiers.map(asRead) };
}

/**
 * The median wall time of the runs after a warm-up, and beside it the process' CPU time:
 * on the shared 2-core machine the wall time grows with the other processes' load, the
 * CPU time much less, so the two together tell a slower program from a busier machine.
 */
function median(label: string, fn: () => void): number {
  fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const mid = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const m = mid([...wall]);
  console.log(`${label} ${m.toFixed(1)} ms, CPU ${mid([...cpu]).toFixed(1)} ms (runs: ${wall.map((t) => t.toFixed(0)).join(', ')})`);
  return m;
}

const t0 = performance.now();
const p = build();
console.log(`built ${p.dossiers.length} dossiers, ${p.history.length} history entries, ${p.invoices.length} invoices in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

let columns: PortfolioColumns | undefined;
const portfolioColumnsMs = median('portfolioColumnsMs', () => { columns = buildPortfolioColumns(p); });
const cols = columns!;

let summary = '';
const abcMs = median('abcMs', () => {
  const r = abcOnColumns(cols, today, 'RUB');
  const split = splitOnColumns(r, segmentCodes(cols.dossiers, DEFAULT_SEGMENT_THRESHOLDS));
  summary = `ABC ${JSON.stringify(r.classes)} split ${JSON.stringify(split)}`;
});
let weeks = '';
const kpiWeekMs = median('kpiWeekMs', () => {
  weeks = JSON.stringify(activityByWeekOnColumns(cols, addDays(today, -6), today));
});
console.log(summary);
console.log(`weeks ${weeks}`);
if (process.env.MICRO_OBJECTS === '1') {
  let objects = '';
  median('abcMs (records)', () => {
    const r = abcAnalysis(p.dossiers, p.invoices, today, 'RUB');
    objects = `ABC ${JSON.stringify(r.classes)} split ${JSON.stringify(splitBy(r.clients, (d) => effectiveSegment(d, DEFAULT_SEGMENT_THRESHOLDS)))}`;
  });
  let objectWeeks = '';
  median('kpiWeekMs (records)', () => { objectWeeks = JSON.stringify(activityByWeek(p.history, p.dossiers, addDays(today, -6), today)); });
  console.log(`same figures on records and columns: ABC ${objects === summary}, weeks ${objectWeeks === weeks}`);
}
console.log(JSON.stringify({ portfolioColumnsMs: Math.round(portfolioColumnsMs), abcMs: Math.round(abcMs), kpiWeekMs: Math.round(kpiWeekMs) }));
