/**
 * An import of our workbook as one session, run in the import worker (import.worker.ts)
 * with the worker's own database connection, so the window's thread only ever sees small
 * messages: the binder and the file are read and planned here, the preview is built here
 * and crosses as each list's first page, the totals and the file's records per kind
 * (further pages on request), and the apply (the snapshot for undo, then the changes in
 * one transaction) is stored from here; Dexie tells the window's live queries what
 * changed. The days off the workbook brings are the window's to add (its settings), after
 * the apply: import-service.ts. Without Worker support (unit tests) the client runs these
 * same functions inline.
 */
import type { SheetTables, WorkbookIssue, WorkbookMeta } from '../../shared/workbook';
import { makeIssue } from '../../shared/workbook/issues';
import { exportBinder, type BinderCopy } from '../data/backup-stream';
import { keepSnapshot, type SnapshotCalendar } from '../data/import-service';
import { readPortfolio } from '../data/portfolio-repo';
import { saveSnapshot } from '../data/snapshot-repo';
import { workerGzip } from './gzip-client';
import { applyImport } from '../data/sync-repo';
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
  /** The settings' working calendar now, recorded with the snapshot so that undo puts it back. */
  calendar: SnapshotCalendar;
  /** Whether the snapshot's copy comes back (Electron keeps it as a backup file too). */
  returnCopy: boolean;
}

export interface ApplyDone {
  snapshotId: string;
  copy?: BinderCopy;
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
    input = { plan: planned.plan, portfolio: planned.portfolio, local, meta: planned.meta, returningFrom: planned.returningFrom, returning: planned.returning };
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

/**
 * The snapshot (a stream copy of the binder as it is now, with the working calendar, for
 * one-click undo), then the user's choices stored in one transaction. `checkCancelled`
 * throws to stop: while copying, between the two, or from inside the transaction, which
 * then stores nothing.
 */
export async function applySession(
  state: SessionState,
  req: ApplyRequest,
  progress: (p: JobProgress) => void,
  checkCancelled: () => void = () => {},
): Promise<ApplyDone> {
  let copy: BinderCopy | undefined;
  progress({ phase: 'copy', fraction: 0 });
  const snapshotId = await keepSnapshot(
    req.snapshotLabel,
    async (label) => {
      copy = await exportBinder({
        gzip: workerGzip,
        onProgress: (d, n) => {
          checkCancelled();
          progress({ phase: 'copy', fraction: n ? d / n : 1 });
        },
      });
      checkCancelled();
      return (await saveSnapshot(label, copy)).id;
    },
    req.calendar,
  );
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
  return { snapshotId, copy: req.returnCopy ? copy : undefined };
}
