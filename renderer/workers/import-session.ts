/**
 * An import of our workbook as one session, run in the import worker (import.worker.ts)
 * with the worker's own database connection, so the window's thread only ever sees small
 * messages: the file is read and planned against the binder here, the preview is built
 * here and crosses as each list's first page and the totals (further pages on request),
 * and the apply (snapshot for undo, then the changes in one transaction) is stored from
 * here; Dexie tells the window's live queries what changed. Without Worker support (unit
 * tests) the client runs these same functions inline.
 */
import type { ExportMeta, SheetTables, WorkbookIssue, WorkbookMeta } from '../../shared/workbook';
import { writePortfolioWorkbook } from '../../shared/workbook';
import { makeIssue } from '../../shared/workbook/issues';
import type { Portfolio } from '../../shared/model/records';
import { readPortfolio } from '../data/portfolio-repo';
import { applyImport, saveSnapshot } from '../data/sync-repo';
import { forSnapshot } from '../data/sync-snapshot';
import {
  buildPlanView, firstPages, planChanges, unchangedItems,
  type ChoiceState, type FilingItem, type ListName, type PlanInput, type PlanView, type PreviewItem,
} from '../features/sync/plan-view';
import type { Lang } from '../features/sync/sync-actions';
import { planImport, readImport, type JobProgress } from './workbook-jobs';

/** Items per page of a preview list (and of its problems). */
export const PAGE_SIZE = 300;

export type ImportOpened =
  | { kind: 'fatal'; fatal: WorkbookIssue }
  /** Not our format: the sheets, for the column mapping. */
  | { kind: 'foreign'; tables: SheetTables }
  | {
      kind: 'preview';
      /** Each list's first page, with the totals. */
      view: PlanView;
      meta: WorkbookMeta;
      /** The first page of each, and how many there are. */
      errors: WorkbookIssue[];
      warnings: WorkbookIssue[];
      errorCount: number;
      warningCount: number;
      holidaysAdded: string[];
      workingDaysAdded: string[];
    };

export interface OpenOptions {
  lang: Lang;
  /** The 'sync' string table of the UI language (i18next's resource bundle): the worker has no i18next of its own. */
  strings: Record<string, unknown>;
}

/** What an open session keeps: the file's records, the plan and the whole preview. */
export interface SessionState {
  input: PlanInput;
  view: PlanView;
  lang: Lang;
  t: (key: string) => string;
}

export interface ApplyRequest {
  choices: ChoiceState;
  /** The snapshot's name in the list of snapshots. */
  snapshotLabel: string;
  meta: ExportMeta;
  /** The working calendar the snapshot workbook carries (the settings', as every workbook). */
  calendar: { holidays: string[]; extraWorkingDays: string[] };
  /** Whether the snapshot's bytes come back (Electron keeps them as a backup file too). */
  returnSnapshot: boolean;
}

export interface ApplyDone {
  snapshotId: string;
  snapshot?: Uint8Array;
  /** The binder's dossiers before the import (the backup file's count). */
  dossiersBefore: number;
}

/** A key's text in an i18next resource bundle ('a.b.c'), or the key itself, as i18next answers a missing key. */
export function bundleLookup(strings: Record<string, unknown>): (key: string) => string {
  return (key) => {
    let at: unknown = strings;
    for (const part of key.split('.')) at = at && typeof at === 'object' ? (at as Record<string, unknown>)[part] : undefined;
    return typeof at === 'string' ? at : key;
  };
}

export async function openSession(data: Uint8Array, opts: OpenOptions, progress: (p: JobProgress) => void): Promise<{ opened: ImportOpened; state?: SessionState }> {
  progress({ phase: 'load' });
  // The binder is read while the file is parsed (its requests run as soon as the parse lets them).
  const reading = readPortfolio({ kind: 'all' });
  const read = readImport(data, progress);
  const local = await reading;
  if (read.kind !== 'parsed') return { opened: read };
  let input: PlanInput;
  try {
    const planned = planImport(read, local, progress);
    if (planned.kind !== 'plan') return { opened: planned };
    input = { plan: planned.plan, portfolio: planned.portfolio, local, meta: planned.meta, returningFrom: planned.returningFrom };
  } catch (e) {
    console.error('import plan failed', e);
    return { opened: { kind: 'fatal', fatal: makeIssue('unreadable') } };
  }
  const t = bundleLookup(opts.strings);
  const view = buildPlanView(input, opts.lang, t);
  const { errors, warnings } = read.read;
  return {
    opened: {
      kind: 'preview',
      view: firstPages(view, PAGE_SIZE),
      meta: input.meta,
      errors: errors.slice(0, PAGE_SIZE),
      warnings: warnings.slice(0, PAGE_SIZE),
      errorCount: errors.length,
      warningCount: warnings.length,
      holidaysAdded: input.plan.holidaysAdded,
      workingDaysAdded: input.plan.workingDaysAdded ?? [],
    },
    state: { input, view, lang: opts.lang, t },
  };
}

/** One page of a preview list, from `offset`. */
export function pageOf(state: SessionState, list: ListName, offset: number): PreviewItem[] | FilingItem[] {
  if (list === 'unchanged') return unchangedItems(state.input, state.lang, state.t, offset, offset + PAGE_SIZE);
  return state.view[list].slice(offset, offset + PAGE_SIZE);
}

/** The binder's portfolio with the working calendar every workbook carries. */
export function withCalendar(p: Portfolio, calendar: ApplyRequest['calendar']): Portfolio {
  return p.holidays.length ? p : { ...p, holidays: calendar.holidays, extraWorkingDays: calendar.extraWorkingDays };
}

/**
 * The snapshot (the binder as it is now, for one-click undo), then the user's choices
 * stored in one transaction. `checkCancelled` throws to stop: between the two, or from
 * inside the transaction, which then stores nothing.
 */
export async function applySession(
  state: SessionState,
  req: ApplyRequest,
  progress: (p: JobProgress) => void,
  checkCancelled: () => void = () => {},
): Promise<ApplyDone> {
  progress({ phase: 'write' });
  const current = forSnapshot(withCalendar(await readPortfolio({ kind: 'all' }), req.calendar));
  const snapshot = writePortfolioWorkbook(current, req.meta);
  checkCancelled();
  const row = await saveSnapshot(req.snapshotLabel, snapshot);
  checkCancelled();
  const changes = planChanges(state.input, req.choices, state.view);
  progress({ phase: 'apply', fraction: 0 });
  try {
    await applyImport(changes, {
      onProgress: (done, total) => {
        checkCancelled();
        progress({ phase: 'apply', fraction: total ? done / total : 1 });
      },
    });
  } catch (err) {
    // The transaction rolled back; Dexie reports it as an abort, the caller as the cancel it was.
    checkCancelled();
    throw err;
  }
  return { snapshotId: row.id, snapshot: req.returnSnapshot ? snapshot : undefined, dossiersBefore: current.dossiers.length };
}
