/**
 * The binder's columns for the portfolio screen, read on the portfolio worker
 * (readColumnsOffThread) and read again after changes.
 *
 * Reading again: at 100,000 dossiers a read is seconds of the worker's time, and a live
 * query would start one after every write anywhere in the binder (each refile, each
 * worker's import chunk). So a change is only noted; the read starts once the binder has
 * been quiet for REREAD_DELAY_MS, and a read still running when a change arrives is
 * cancelled (its figures would be out of date), then started again after the pause.
 * Meanwhile the screen keeps the figures it has and says they are being updated.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { watchPortfolio } from '../../data/portfolio-repo';
import { readColumnsOffThread } from '../../workers/portfolio-client';
import type { PortfolioColumns } from '../../../shared/portfolio/portfolio-columns';

/** How long the binder must stay unchanged before it is read again. */
export const REREAD_DELAY_MS = 1500;

export interface ColumnsState {
  /** The latest columns read, kept while a newer read runs. */
  columns?: PortfolioColumns;
  /** A read is waiting for the pause after a change, or running. */
  reading: boolean;
  /** The running read's progress: dossiers whose papers are read, of the binder's (total 0 until it is known). */
  progress?: { done: number; total: number };
  /** The failed read's message. */
  error?: string;
  /** Reads again at once (after a failure). */
  retry(): void;
}

type Shown = Omit<ColumnsState, 'retry'>;

export function usePortfolioColumns(enabled: boolean, delayMs = REREAD_DELAY_MS): ColumnsState {
  const [shown, setShown] = useState<Shown>({ reading: enabled });
  const readNow = useRef<() => void>(() => {});
  useEffect(() => {
    if (!enabled) return;
    let running: AbortController | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const read = () => {
      timer = undefined;
      running?.abort();
      const mine = (running = new AbortController());
      const live = () => !mine.signal.aborted;
      setShown((s) => ({ columns: s.columns, reading: true, progress: { done: 0, total: 0 } }));
      readColumnsOffThread({ signal: mine.signal, onProgress: (done, total) => live() && setShown((s) => ({ ...s, progress: { done, total } })) }).then(
        (columns) => live() && setShown({ columns, reading: false }),
        (err: unknown) => live() && setShown((s) => ({ columns: s.columns, reading: false, error: err instanceof Error ? err.message : String(err) })),
      );
    };
    readNow.current = read;
    read();
    const stop = watchPortfolio(() => {
      // The running read started before this change: its figures would be stale on arrival.
      running?.abort();
      running = undefined;
      setShown((s) => ({ columns: s.columns, reading: true }));
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(read, delayMs);
    });
    return () => {
      stop();
      if (timer !== undefined) clearTimeout(timer);
      running?.abort();
      readNow.current = () => {};
    };
  }, [enabled, delayMs]);
  const retry = useCallback(() => readNow.current(), []);
  return { ...shown, retry };
}
