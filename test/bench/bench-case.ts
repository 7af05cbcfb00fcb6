/**
 * The benchmark's extension point. A case is a file `test/bench/cases/<name>.ts` whose
 * default export is a BenchCase; it runs inside the bench page (real IndexedDB in
 * Chromium) after the main binder is seeded, and its figures are merged into the final
 * JSON line. Cases import the code they measure directly (it is bundled into the page).
 */
import type { TicklerDb } from '../../renderer/data/db';

export interface BenchContext {
  /** The seeded main database (100,000 dossiers by default), also set as the app's database. */
  db: TicklerDb;
  /** The day the binder was generated for. */
  today: string;
  dossiers: number;
  historyEntries: number;
  /** The median wall time (ms) of `runs` calls of `fn`, after one warm-up call. */
  median(fn: (i: number) => Promise<unknown>, runs?: number): Promise<number>;
  /** Wall time (ms) of one call. */
  time(fn: () => Promise<unknown>): Promise<number>;
  /**
   * Runs `fn` against a fresh, empty database set as the app's database, then deletes it
   * and sets the main one back (for cases that seed their own data, e.g. 10,000 dossiers).
   */
  withScratchDb<T>(fn: (db: TicklerDb) => Promise<T>): Promise<T>;
  /**
   * Starts watching the window's main thread for long tasks (PerformanceObserver
   * 'longtask', which reports every task over 50 ms); `stop()` gives the longest one's
   * duration in ms (0 when none was that long).
   */
  watchLongTasks(): { stop(): Promise<number> };
  /** Used JS heap in MB (Chromium's performance.memory; 0 where unavailable). */
  heapMB(): number;
  log(message: string): void;
}

/**
 * After bulk writes (a seed, a clearing) Chromium compacts its IndexedDB store in the
 * background for many seconds, taking a core from whatever is measured next: measured that
 * way the import's parse read 8.8-11 s, after this pause 6.5 s. A manager's app is settled
 * when the day starts or an import begins, so figures are taken after a pause.
 */
export const SETTLE_MS = 30_000;

export const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, SETTLE_MS));

export interface BenchCase {
  name: string;
  /** Targets in ms for the figures it returns (printed as ok / OVER next to them). */
  goals?: Record<string, number>;
  run(ctx: BenchContext): Promise<Record<string, number>>;
}
