/**
 * The heavy workbook work (parse, validate, plan a merge, write): pure functions over
 * bytes and portfolios, run inside workbook.worker.ts so a 50,000-row file never freezes
 * the window. The same functions run inline where there is no Worker (unit tests, CLI).
 */
import { coverOf, isReturn } from '../../shared/portfolio/handover';
import type { Portfolio } from '../../shared/model/records';
import {
  mapForeignRows,
  readPortfolioWorkbook,
  readSheetTable,
  type ForeignOptions,
  type SheetTable,
  type ColumnMapping,
  type RepeatedTaxId,
  writePortfolioWorkbook,
  type ExportMeta,
  type SheetTables,
  type WorkbookIssue,
  type WorkbookMeta,
} from '../../shared/workbook';
import { makeIssue } from '../../shared/workbook/issues';
import { planMerge, withSyncBase, type DuplicateEntry, type MergePlan } from '../../shared/merge';


export type { SheetTables };

export type WorkbookJob =
  /** Import: our format is parsed and planned against `local`; anything else is read as a table. */
  | { kind: 'import'; data: Uint8Array; local: Portfolio }
  /** Restore / undo: parse only. */
  | { kind: 'read'; data: Uint8Array }
  | { kind: 'write'; portfolio: Portfolio; meta: ExportMeta }
  /** A foreign list mapped to dossiers, with the rows that look like dossiers already here. */
  | { kind: 'map'; table: SheetTable; mapping: ColumnMapping; opts: ForeignOptions; local: Portfolio };

/**
 * What the client posts to the worker. An import's local portfolio may come in a second
 * message: the worker reads the file meanwhile, and needs the binder only to plan.
 */
export type JobMessage =
  | Exclude<WorkbookJob, { kind: 'import' }>
  | { kind: 'import'; data: Uint8Array; local?: Portfolio }
  | { kind: 'local'; local: Portfolio };

/** 'copy': a stream copy of the binder (the snapshot before an import), which runs outside the worker. */
export type JobPhase = 'load' | 'read' | 'validate' | 'plan' | 'write' | 'apply' | 'copy';

export interface JobProgress {
  phase: JobPhase;
  /**
   * 0..1 where the work can be counted (the database write); SheetJS parses and writes in
   * one synchronous call, so its phases are reported by name only (an indeterminate bar).
   */
  fraction?: number;
}

export type ImportResult =
  | {
      kind: 'plan';
      portfolio: Portfolio;
      meta: WorkbookMeta;
      warnings: WorkbookIssue[];
      errors: WorkbookIssue[];
      plan: MergePlan;
      /** The manager who covered these dossiers, when the workbook brings them back. */
      returningFrom?: string;
      /** The dossiers coming home from a cover (their cover ends with the import). */
      returning?: string[];
    }
  | { kind: 'foreign'; tables: SheetTables }
  | { kind: 'fatal'; fatal: WorkbookIssue };

export type ReadResult =
  | { kind: 'portfolio'; portfolio: Portfolio; meta: WorkbookMeta; warnings: WorkbookIssue[]; errors: WorkbookIssue[] }
  | { kind: 'fatal'; fatal: WorkbookIssue };

export type WriteResult = { kind: 'bytes'; data: Uint8Array };

export type MapResult =
  | {
      kind: 'mapped';
      portfolio: Portfolio;
      errors: WorkbookIssue[];
      /** Rows that are no client (totals): left out. */
      skipped: WorkbookIssue[];
      /** Dossiers that look like ones already in the binder. */
      duplicates: DuplicateEntry[];
      /** Tax ids on several rows of the list. */
      repeats: RepeatedTaxId[];
    }
  | { kind: 'fatal'; fatal: WorkbookIssue };

export type JobResult<J extends { kind: WorkbookJob['kind'] }> = J extends { kind: 'import' }
  ? ImportResult
  : J extends { kind: 'read' }
    ? ReadResult
    : J extends { kind: 'map' }
      ? MapResult
      : WriteResult;

/** Not our portfolio, but maybe a readable spreadsheet (or CSV): offer the column mapping instead. */
const FOREIGN_CODES = new Set(['no-dossiers-sheet', 'missing-columns', 'not-a-workbook']);

/**
 * A file's surprise (a SheetJS bug, contents no program wrote) is the file's problem, told
 * as such: the user reads "the file could not be read", never the exception's text.
 */
function unreadable<R>(run: () => R): R | { kind: 'fatal'; fatal: WorkbookIssue } {
  try {
    return run();
  } catch (e) {
    console.error('workbook job failed', e);
    return { kind: 'fatal', fatal: makeIssue('unreadable') };
  }
}

export function runWorkbookJob(job: WorkbookJob, progress: (p: JobProgress) => void): ImportResult | ReadResult | WriteResult | MapResult {
  switch (job.kind) {
    case 'map':
      return unreadable(() => mapJob(job, progress));
    case 'write': {
      progress({ phase: 'write' });
      return { kind: 'bytes', data: writePortfolioWorkbook(job.portfolio, job.meta) };
    }
    case 'read': {
      progress({ phase: 'read' });
      return unreadable((): ReadResult => {
        const r = readPortfolioWorkbook(job.data);
        if (!r.ok) return { kind: 'fatal', fatal: r.fatal };
        return { kind: 'portfolio', portfolio: r.portfolio, meta: r.meta, warnings: r.warnings, errors: r.errors };
      });
    }
    case 'import': {
      const read = readImport(job.data, progress);
      return read.kind === 'parsed' ? unreadable(() => planImport(read, job.local, progress)) : read;
    }
  }
}

function mapJob(job: Extract<WorkbookJob, { kind: 'map' }>, progress: (p: JobProgress) => void): MapResult {
  progress({ phase: 'validate' });
  const mapped = mapForeignRows(job.table, job.mapping, job.opts);
  const duplicates = planMerge(job.local, mapped.portfolio).duplicates;
  // The content hashes (the records' syncBase after import) are computed here, off the main thread.
  const p = mapped.portfolio;
  const hashed: Portfolio = {
    ...p,
    dossiers: p.dossiers.map(withSyncBase),
    contacts: p.contacts.map(withSyncBase),
    steps: p.steps.map(withSyncBase),
  };
  return { kind: 'mapped', portfolio: hashed, errors: mapped.errors, skipped: mapped.skipped, duplicates, repeats: mapped.repeats };
}

/** An import's file, read: ours, to be planned against the binder. */
export interface ParsedImport {
  kind: 'parsed';
  read: Extract<ReturnType<typeof readPortfolioWorkbook>, { ok: true }>;
}

/** The first half of an import, which needs nothing of the binder: the file read, or the answer already (fatal, foreign). */
export function readImport(data: Uint8Array, progress: (p: JobProgress) => void): ParsedImport | Exclude<ImportResult, { kind: 'plan' }> {
  return unreadable(() => readImportOrThrow(data, progress));
}

function readImportOrThrow(data: Uint8Array, progress: (p: JobProgress) => void): ParsedImport | Exclude<ImportResult, { kind: 'plan' }> {
  progress({ phase: 'read' });
  // Ours is read streaming; only what is not ours (a client list) is parsed again, by SheetJS.
  const r = readPortfolioWorkbook(data);
  if (!r.ok) {
    if (!FOREIGN_CODES.has(r.fatal.code)) return { kind: 'fatal', fatal: r.fatal };
    progress({ phase: 'validate' });
    const tables = readSheetTable(data);
    // The first diagnosis is the better one when the file is no table either.
    if (tables.fatal || tables.sheets.length === 0) return { kind: 'fatal', fatal: tables.fatal ?? r.fatal };
    return { kind: 'foreign', tables };
  }
  return { kind: 'parsed', read: r };
}

/** The second half: the file's portfolio planned against the binder's. */
export function planImport({ read: r }: ParsedImport, local: Portfolio, progress: (p: JobProgress) => void): ImportResult {
  progress({ phase: 'plan' });
  const back = endCover(local, r.portfolio);
  const plan = planMerge(local, back.portfolio);
  const returningFrom = back.returning.length ? r.meta.exportedBy || undefined : undefined;
  return { kind: 'plan', portfolio: back.portfolio, meta: r.meta, warnings: r.warnings, errors: r.errors, plan, returningFrom, returning: back.returning };
}

/**
 * The handover's return: dossiers that come back marked "covered for …" into a binder where
 * they are not covered (the owner's) are home again. Their cover fields are planned as the
 * binder has them, so the marks never show as a change or a conflict (the owner never
 * changed; only the colleague's work comes back); `returning` names them, and the import
 * then ends their cover (plan-view.ts, `planChanges`).
 */
export function endCover(local: Portfolio, incoming: Portfolio): { portfolio: Portfolio; returning: string[] } {
  const mine = new Map(local.dossiers.map((d) => [d.id, d]));
  const returning: string[] = [];
  const dossiers = incoming.dossiers.map((d) => {
    const here = mine.get(d.id);
    if (!here || !isReturn(here, d)) return d;
    returning.push(d.id);
    return { ...d, ...coverOf(here) };
  });
  return { portfolio: returning.length ? { ...incoming, dossiers } : incoming, returning };
}
