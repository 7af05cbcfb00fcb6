/**
 * `npm run bench`: builds the bench page (test/bench/page) into .tmp/bench-dist, serves it,
 * opens it in headless Chromium (real IndexedDB), seeds the binder (100,000 dossiers and
 * 1,000,000 history entries by default), measures the daily loop and runs every case in
 * test/bench/cases. Prints readable figures, then ONE JSON object on the last line.
 *
 * Environment: BENCH_DOSSIERS, BENCH_HISTORY (per dossier), BENCH_TODAY, BENCH_SEED, BENCH_PORT.
 * For development: BENCH_CASES=loop,calendar runs only those (`loop`: the daily loop), and
 * BENCH_KEEP=1 keeps the seeded profile in .tmp/bench-profile-kept and reuses it when the
 * seed options match (the daily loop's refiles change it slightly: the published figures
 * come from a fresh run). A kept profile is served from a fixed port: IndexedDB belongs to
 * the origin, port included, and on a new port the kept seed is not found.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { build } from 'vite';
import { chromiumLaunchOptions } from '../e2e/chromium';
import { settle, SETTLE_MS } from './bench-case';

const here = path.dirname(fileURLToPath(import.meta.url));
const outDir = path.resolve(here, '../../.tmp/bench-dist');
const keep = process.env.BENCH_KEEP === '1';
const cpuProfileDir = process.env.BENCH_CPU_PROFILE ? path.resolve(process.env.BENCH_CPU_PROFILE) : undefined;
const onlyCases = process.env.BENCH_CASES ? process.env.BENCH_CASES.split(',').map((c) => c.trim()) : undefined;
// One profile per run (a previous run's browser may still be flushing its own), unless kept.
const profileDir = path.resolve(here, keep ? '../../.tmp/bench-profile-kept' : `../../.tmp/bench-profile-${process.pid}`);

/** The daily loop's targets (issue #11's raised goals); cases add theirs through BenchCase.goals. */
const GOALS: Record<string, number> = { todayFolderMs: 5, binderCountsMs: 10, searchMs: 20, openDossierMs: 5, refileMs: 15, calendarMonthMs: 200, calendarRangeQueryMs: 50 };

/** Figures judged against a floor measured in the same run (the issues' goals are ratios). */
const RATIOS: Record<string, { floor: string; label: string; goal?: number }> = {
  todayFolderMs: { floor: 'rawRangeReadMs', label: 'the raw IndexedDB range read' },
  refileMs: { floor: 'rawCommitMs', label: 'a one-value commit over the same stores' },
  exportMs: { floor: 'rawSheetWriteMs', label: 'rawSheetWriteMs', goal: 1.3 },
  importMs: { floor: 'rawSheetReadMs', label: 'rawSheetReadMs', goal: 1.5 },
  importApplyMs: { floor: 'rawDbWriteMs', label: 'rawDbWriteMs (the same values put with no app logic)' },
};

/** Goals of figures that are not times: at least `min`, or at most `max`. */
const COUNT_GOALS: Record<string, { min?: number; max?: number }> = {
  fullExportDossiers: { min: 100_000 },
  fullExportPeakMB: { max: 1_500 },
};

function countVerdict(key: string, value: number): string {
  const g = COUNT_GOALS[key];
  if (!g) return '';
  if (g.min !== undefined) return value >= g.min ? `  ok (goal >= ${g.min})` : `  UNDER (goal >= ${g.min})`;
  return value <= g.max! ? `  ok (goal <= ${g.max})` : `  OVER (goal <= ${g.max})`;
}

const opts = {
  dossiers: Number(process.env.BENCH_DOSSIERS ?? 100_000),
  historyPerDossier: Number(process.env.BENCH_HISTORY ?? 10),
  today: process.env.BENCH_TODAY ?? '2026-11-24',
  seed: Number(process.env.BENCH_SEED ?? 1),
};

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json' };

/**
 * A fixed port for a kept profile (its IndexedDB is the origin's); any free port otherwise.
 * BENCH_PORT picks another one, so that two checkouts can each keep a profile at once.
 */
const KEEP_PORT = Number(process.env.BENCH_PORT ?? 4397);

function serve(dir: string): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = path.join(dir, rel === '/' ? 'index.html' : rel);
    if (!file.startsWith(dir) || !fs.existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(keep ? KEEP_PORT : 0, '127.0.0.1', () => resolve(server)));
}

const fmt = (n: number): string => (n >= 100 ? n.toFixed(0) : n.toFixed(1));

async function main(): Promise<void> {
  const started = Date.now();
  await build({
    configFile: false,
    root: path.resolve(here, 'page'),
    base: './',
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, minify: !cpuProfileDir, sourcemap: false, chunkSizeWarningLimit: 5000 },
  });
  const server = await serve(outDir);
  const { port } = server.address() as { port: number };
  const launch = chromiumLaunchOptions();
  // A persistent profile on disk: a fresh browser context is incognito, whose IndexedDB lives
  // in memory under a small quota (the seed fails with a quota error near 70,000 dossiers)
  // and is not what the app runs on. Precise heap figures for cases that report memory.
  const browser = await chromium.launchPersistentContext(profileDir, { ...launch, args: [...launch.args, '--enable-precise-memory-info'] });
  try {
    const page = browser.pages()[0] ?? (await browser.newPage());
    page.on('console', (msg) => {
      if (msg.text().startsWith('[bench]')) process.stdout.write(`${msg.text()}\n`);
      else if (msg.type() === 'error') process.stderr.write(`[page] ${msg.text()}\n`);
    });
    page.on('pageerror', (err) => process.stderr.write(`[page] ${err.message}\n`));
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction(() => 'ticklerBench' in window);

    const cdp = cpuProfileDir ? await browser.newCDPSession(page) : undefined;
    if (cdp) {
      fs.mkdirSync(cpuProfileDir!, { recursive: true });
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    }
    /** Runs one measured part, under the CPU profiler when one was asked for. */
    const profiled = async <T>(name: string, run: () => Promise<T>): Promise<T> => {
      if (!cdp) return run();
      await cdp.send('Profiler.start');
      try {
        return await run();
      } finally {
        const { profile } = await cdp.send('Profiler.stop');
        fs.writeFileSync(path.join(cpuProfileDir!, `${name}.cpuprofile`), JSON.stringify(profile));
      }
    };

    const seeded = await page.evaluate(([o, reuse]) => window.ticklerBench.seed(o, reuse), [opts, keep] as const);
    const result: Record<string, number> = {
      dossiers: opts.dossiers,
      historyEntries: seeded.historyEntries,
      seedRowsPerSec: seeded.seedMs > 0 ? Math.round(seeded.records / (seeded.seedMs / 1000)) : 0,
      seedMs: Math.round(seeded.seedMs),
      seedWriteMs: Math.round(seeded.writeMs),
    };
    if (seeded.seedMs > 0) {
      process.stdout.write(`[bench] letting the seeded store settle for ${SETTLE_MS / 1000} s\n`);
      await settle();
    }
    if (!onlyCases || onlyCases.includes('loop')) {
      Object.assign(result, await profiled('loop', () => page.evaluate(() => window.ticklerBench.measure())));
      // Printed at once too: the cases that follow can take minutes.
      process.stdout.write(`[bench] daily loop ${JSON.stringify(result)}\n`);
    }
    const caseNames = (await page.evaluate(() => window.ticklerBench.caseNames())).filter((n) => !onlyCases || onlyCases.includes(n));
    Object.assign(GOALS, await page.evaluate(() => window.ticklerBench.caseGoals()));
    for (const [i, name] of caseNames.entries()) {
      // Cases write in bulk (a restore of the whole binder, an import, a scratch binder):
      // the next one is measured once the store has settled, as after the seed.
      if (i > 0 || (!onlyCases || onlyCases.includes('loop'))) {
        process.stdout.write(`[bench] letting the store settle for ${SETTLE_MS / 1000} s\n`);
        await settle();
      }
      process.stdout.write(`[bench] case ${name}\n`);
      try {
        Object.assign(result, await profiled(name, () => page.evaluate((n) => window.ticklerBench.runCase(n), name)));
      } catch (err) {
        process.stderr.write(`[bench] case ${name} failed: ${(err as Error).message}\n`);
      }
    }

    console.log(`\nTickler CRM benchmark: ${opts.dossiers.toLocaleString('en')} dossiers, ${seeded.historyEntries.toLocaleString('en')} history entries, real IndexedDB in Chromium`);
    console.log(`  seed: ${seeded.records.toLocaleString('en')} records in ${fmt(seeded.seedMs / 1000)} s (${fmt(seeded.writeMs / 1000)} s writing, the rest generating) = ${result.seedRowsPerSec!.toLocaleString('en')} records/s`);
    for (const [key, value] of Object.entries(result)) {
      if (!key.endsWith('Ms') || key.startsWith('seed')) continue;
      const goal = GOALS[key];
      const verdict = goal === undefined ? '' : value <= goal ? `  ok (goal <= ${goal} ms)` : `  OVER (goal <= ${goal} ms)`;
      const ratio = RATIOS[key];
      const base = ratio && result[ratio.floor];
      let floor = '';
      if (ratio && base) {
        const x = value / base;
        const target = ratio.goal === undefined ? '' : x <= ratio.goal ? `  ok (goal <= ${ratio.goal}x)` : `  OVER (goal <= ${ratio.goal}x)`;
        floor = `  = ${x.toFixed(2)}x ${ratio.label}${target}`;
      }
      console.log(`  ${key.padEnd(22)} ${fmt(value).padStart(8)} ms${verdict}${floor}`);
    }
    for (const [key, value] of Object.entries(result)) {
      if (!key.endsWith('Ms') && !['dossiers', 'historyEntries', 'seedRowsPerSec'].includes(key)) console.log(`  ${key.padEnd(22)} ${fmt(value).padStart(8)}${countVerdict(key, value)}`);
    }
    console.log(`  total bench time ${Math.round((Date.now() - started) / 1000)} s`);
    for (const [key, { floor }] of Object.entries(RATIOS)) {
      if (result[key] !== undefined && result[floor]) result[`${key.replace(/Ms$/, '')}Ratio`] = result[key]! / result[floor]!;
    }
    const rounded = Object.fromEntries(Object.entries(result).map(([k, v]) => [k, Math.round(v * 100) / 100]));
    console.log(JSON.stringify(rounded));
  } finally {
    await browser.close();
    server.close();
    if (!keep) fs.rmSync(profileDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 500 });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
