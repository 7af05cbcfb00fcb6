/**
 * The benchmark page: seeds a large binder into Chromium's real IndexedDB through the data
 * layer, measures the daily loop, and runs the cases in test/bench/cases. Driven by
 * test/bench/run.ts through `window.ticklerBench`.
 */
import Dexie from 'dexie';
import { aggregateFolderCounts } from '../../../shared/dates/binder-folders';
import { addDays } from '../../../shared/dates/calendar-day';
import { DEFAULT_WORK_CALENDAR } from '../../../shared/dates/working-days';
import { generateDemoChunks } from '../../../shared/demo/generate-demo-portfolio';
import { getFolderCounts, getTodayFolder } from '../../../renderer/data/binder-repo';
import { createDb, setDb, type TicklerDb } from '../../../renderer/data/db';
import { getDossierView } from '../../../renderer/data/dossier-repo';
import { WRITE_CHUNK, writePortfolio } from '../../../renderer/data/portfolio-repo';
import { logAndRefile } from '../../../renderer/data/refile';
import { allTables } from '../../../renderer/data/write-context';
import { searchDossiers } from '../../../renderer/data/search-repo';
import type { BenchCase, BenchContext } from '../bench-case';
import { addBenchReceivables, BENCH_INVOICES_KEY } from './bench-receivables';

const MAIN_DB = 'tickler-bench';
const RUNS = 15;

export interface SeedOptions {
  dossiers: number;
  historyPerDossier: number;
  today: string;
  seed: number;
}

const cases: BenchCase[] = Object.values(
  import.meta.glob<{ default?: BenchCase; benchCase?: BenchCase }>('../cases/*.ts', { eager: true }),
)
  .map((m) => m.default ?? m.benchCase)
  .filter((c): c is BenchCase => c !== undefined);

let main: TicklerDb | undefined;
let seeded: SeedOptions & { historyEntries: number } = { dossiers: 0, historyPerDossier: 0, today: '', seed: 0, historyEntries: 0 };
let scratch = 0;

const status = (text: string): void => {
  document.getElementById('status')!.textContent = text;
  console.log(`[bench] ${text}`);
};

async function median(fn: (i: number) => Promise<unknown>, runs = RUNS): Promise<number> {
  await fn(runs); // warm-up: index pages and code paths, not measured
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn(i);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

function heapMB(): number {
  const mem = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
  return mem ? mem.usedJSHeapSize / 1048576 : 0;
}

function watchLongTasks(): { stop(): Promise<number> } {
  let longest = 0;
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longest = Math.max(longest, e.duration);
  });
  observer.observe({ type: 'longtask' });
  return {
    async stop() {
      // Entries are delivered after their task: one more turn of the event loop collects the last.
      await new Promise((r) => setTimeout(r, 0));
      for (const e of observer.takeRecords()) longest = Math.max(longest, e.duration);
      observer.disconnect();
      return longest;
    },
  };
}

function context(): BenchContext {
  return {
    db: main!,
    today: seeded.today,
    dossiers: seeded.dossiers,
    historyEntries: seeded.historyEntries,
    median,
    time,
    heapMB,
    watchLongTasks,
    log: status,
    async withScratchDb(fn) {
      const name = `tickler-bench-scratch-${scratch++}`;
      const db = createDb(name);
      setDb(db);
      try {
        return await fn(db);
      } finally {
        db.close();
        await Dexie.delete(name);
        setDb(main!);
      }
    },
  };
}

/** Seeds the main database through writePortfolio, chunk by chunk (as an import would). */
export interface SeedResult {
  /** Wall time including generating the records in the page. */
  seedMs: number;
  /** Time inside writePortfolio only. */
  writeMs: number;
  records: number;
  historyEntries: number;
}

const SEED_KEY = 'bench-seed';

async function seed(opts: SeedOptions, reuse = false): Promise<SeedResult> {
  main?.close();
  if (reuse) {
    main = createDb(MAIN_DB);
    setDb(main);
    const t0 = performance.now();
    const previous = (await main.kv.get(SEED_KEY))?.value as (SeedOptions & { historyEntries: number; records: number }) | undefined;
    if (previous && JSON.stringify({ ...opts }) === JSON.stringify({ dossiers: previous.dossiers, historyPerDossier: previous.historyPerDossier, today: previous.today, seed: previous.seed })) {
      seeded = previous;
      status(`reusing the kept seed: ${previous.dossiers} dossiers (opened in ${Math.round(performance.now() - t0)} ms)`);
      return { seedMs: 0, writeMs: 0, records: previous.records, historyEntries: previous.historyEntries };
    }
    main.close();
  }
  await Dexie.delete(MAIN_DB);
  main = createDb(MAIN_DB);
  setDb(main);
  await main.open();
  let records = 0;
  let historyEntries = 0;
  let done = 0;
  let busy = 0;
  const t0 = performance.now();
  // Generated in write-sized slices: the records of one slice never outlive its transaction.
  let invoices = 0;
  for (const chunk of generateDemoChunks(opts, WRITE_CHUNK)) {
    addBenchReceivables(chunk, opts.today, opts.seed, done);
    invoices += chunk.invoices.length;
    const w0 = performance.now();
    await writePortfolio(chunk);
    busy += performance.now() - w0;
    done += chunk.dossiers.length;
    historyEntries += chunk.history.length;
    records += chunk.dossiers.length + chunk.contacts.length + chunk.history.length + chunk.steps.length + chunk.invoices.length + chunk.payments.length;
    status(`seeded ${done}/${opts.dossiers} dossiers (${Math.round((performance.now() - t0) / 1000)} s)`);
  }
  seeded = { ...opts, historyEntries };
  await main.kv.put({ key: BENCH_INVOICES_KEY, value: invoices });
  if (reuse) await main.kv.put({ key: SEED_KEY, value: { ...seeded, records } });
  return { seedMs: performance.now() - t0, writeMs: busy, records, historyEntries };
}

/** The daily loop on the seeded binder. Reads first: the refiles change today's folder. */
async function measure(): Promise<Record<string, number>> {
  const db = main!;
  const today = seeded.today;
  const out: Record<string, number> = {};
  const todays = await getTodayFolder(today);
  out.todayFolderRows = todays.length;
  out.todayFolderMs = await median(() => getTodayFolder(today));

  const idb = db.backendDB();
  out.rawRangeReadMs = await median(
    () =>
      new Promise((resolve, reject) => {
        const req = idb.transaction('dossiers', 'readonly').objectStore('dossiers').index('fileKey').getAll(IDBKeyRange.upperBound(today));
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      }),
  );

  out.binderCountsMs = await median(async () => aggregateFolderCounts(await getFolderCounts(), today, 'all-days', DEFAULT_WORK_CALENDAR));

  const queries = ['мет', 'тех', 'вол', 'аль', 'стр', 'ива', 'гра', 'кам'];
  out.searchMs = await median((i) => searchDossiers(queries[i % queries.length]!, 50));
  out.searchRows = (await searchDossiers('мет', 50)).length;

  const ids = (await db.dossiers.toCollection().primaryKeys()) as string[];
  out.openDossierMs = await median((i) => getDossierView(ids[(i * 7919 + 13) % ids.length]!));

  const runs = Math.min(RUNS, todays.length - 1);
  out.refileMs = await median(
    (i) =>
      logAndRefile(
        {
          dossierId: todays[i]!.id, // the warm-up (i = runs) takes one more: each refile is a fresh dossier
          entry: { kind: 'call', outcome: 'agreed', summary: 'Договорились созвониться' },
          next: { date: addDays(today, 3 + (i % 5)), kind: 'call' },
        },
        'bench',
      ),
    runs,
  );

  // What any refile pays whatever the app does: one small value committed by a transaction
  // over the same stores, with no reads and no app logic (the browser's default durability,
  // as the app's transactions).
  const stores = allTables(db).map((t) => t.name);
  out.rawCommitMs = await median(
    (i) =>
      new Promise((resolve, reject) => {
        const tx = idb.transaction(stores, 'readwrite');
        tx.objectStore('kv').put({ key: 'bench.commit', value: i });
        tx.oncomplete = () => resolve(undefined);
        tx.onabort = () => reject(tx.error);
      }),
  );
  await db.kv.delete('bench.commit');
  return out;
}

async function runCase(name: string): Promise<Record<string, number>> {
  const c = cases.find((x) => x.name === name);
  if (!c) throw new Error(`no bench case ${name}`);
  setDb(main!);
  return c.run(context());
}

declare global {
  interface Window {
    ticklerBench: {
      seed: typeof seed;
      measure: typeof measure;
      caseNames(): string[];
      caseGoals(): Record<string, number>;
      runCase: typeof runCase;
    };
  }
}

/** Errors cross to the runner as plain messages: keep their name (QuotaExceededError, DataError…). */
function explained<A extends unknown[], R>(fn: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return async (...args) => {
    try {
      return await fn(...args);
    } catch (err) {
      const e = err as { name?: string; message?: string; inner?: { name?: string; message?: string }; failures?: { name?: string; message?: string }[] };
      const cause = e.inner ?? e.failures?.find((f) => f.name !== 'AbortError');
      const inner = cause ? ` (${cause.name}: ${cause.message})` : '';
      throw new Error(`${e.name ?? 'Error'}: ${e.message ?? String(err)}${inner}`);
    }
  };
}

window.ticklerBench = {
  seed: explained(seed),
  measure: explained(measure),
  caseNames: () => cases.map((c) => c.name),
  caseGoals: () => Object.assign({}, ...cases.map((c) => c.goals ?? {})) as Record<string, number>,
  runCase: explained(runCase),
};
status('ready');
