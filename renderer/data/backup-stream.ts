/**
 * The binder copied out of and back into IndexedDB in chunks (dexie-export-import), for the
 * snapshot before an import, the daily backup and their restore. A workbook holding the
 * whole binder is built in memory and does not fit at 100,000 dossiers; this never holds
 * more than a chunk of rows: the export turns each chunk into a Blob (which Chromium may
 * keep on disk) and gzips the stream, the import parses the file as it reads it.
 *
 * What is copied: the records (dossiers with their derived rows, papers) and the values
 * derived from them (folder counters, calendar days, search buckets). The derived ones are
 * copied rather than rebuilt because the export reads everything in ONE transaction, so
 * they agree with the records, and rebuilding them at 100,000 dossiers costs more than
 * reading them. Not copied: the snapshots themselves, and kv, which holds no business
 * data (the undo stack, the database's identity, backup and reminder bookkeeping, a
 * selection): a restore keeps the open database's identity and bookkeeping.
 *
 * A restore is one transaction: the tables are cleared, the file imported, and the rows
 * counted against the counts the file announces; anything wrong (a cut or garbled file, a
 * count that does not match, a full disk, a cancel) aborts it and the binder stays as it was.
 */
import Dexie from 'dexie';
import { exportDB, importDB, importInto, peakImportFile } from 'dexie-export-import';
import { newId } from '../../shared/model/ids';
import { createDb, getDb, type TicklerDb } from './db';
import { UNDO_KEY } from './write-context';

/** The tables a binder copy holds, in the order they are written. */
export const COPIED_TABLES = ['dossiers', 'papers', 'folderCounts', 'calendarDays', 'wordBuckets'] as const;

/** Rows per read while exporting: ~2 MB of JSON per chunk for dossier rows. */
const ROWS_PER_CHUNK = 2000;
/** Bytes of JSON parsed per step while importing. */
const IMPORT_CHUNK_BYTES = 4 * 1024 * 1024;

export type CopyProgress = (done: number, total: number) => void;

export interface CopyOptions {
  onProgress?: CopyProgress;
  /** Aborting stops the copy at the next chunk; a restore then changes nothing. */
  signal?: AbortSignal;
}

export interface BinderCopy {
  /** The gzipped export (the file format of stream backups: '.json.gz'). */
  blob: Blob;
  dossiers: number;
}

/** A copy that cannot be restored: the reason is for the manager, in their language, from `reason`. */
export class BinderCopyUnreadable extends Error {
  constructor(
    readonly reason: 'not-a-copy' | 'damaged' | 'counts',
    detail: string,
  ) {
    super(detail);
    this.name = 'BinderCopyUnreadable';
  }
}

export class CopyCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CopyCancelled';
  }
}

const skippedTables = (db: TicklerDb) => db.tables.map((t) => t.name).filter((n) => !(COPIED_TABLES as readonly string[]).includes(n));

function checkAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw new CopyCancelled();
}

async function gzip(blob: Blob): Promise<Blob> {
  return new Response(blob.stream().pipeThrough(new CompressionStream('gzip'))).blob();
}

async function gunzip(blob: Blob): Promise<Blob> {
  return new Response(blob.stream().pipeThrough(new DecompressionStream('gzip'))).blob();
}

/** Copies the binder out, in one read transaction. */
export async function exportBinder(opts: CopyOptions = {}, db: TicklerDb = getDb()): Promise<BinderCopy> {
  const json = await exportDB(db, {
    skipTables: skippedTables(db),
    numRowsPerChunk: ROWS_PER_CHUNK,
    progressCallback: (p) => {
      // Throwing here aborts the export's transaction: the cancel takes effect at once.
      checkAborted(opts.signal);
      opts.onProgress?.(p.completedRows, p.totalRows ?? 0);
      return true;
    },
  });
  const meta = await peakImportFile(json);
  const dossiers = meta.data.tables.find((t) => t.name === 'dossiers')?.rowCount ?? 0;
  checkAborted(opts.signal);
  return { blob: await gzip(json), dossiers };
}

export interface CopyHeader {
  databaseVersion: number;
  /** Rows per copied table, as the file announces them. */
  rows: Record<string, number>;
  dossiers: number;
}

/** The gzip magic number: a stream backup. A workbook (zip) starts with 'PK'. */
export function isBinderCopy(head: Uint8Array): boolean {
  return head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
}

async function jsonOf(blob: Blob): Promise<Blob> {
  if (!isBinderCopy(new Uint8Array(await blob.slice(0, 2).arrayBuffer()))) throw new BinderCopyUnreadable('not-a-copy', 'not a gzip stream');
  try {
    return await gunzip(blob);
  } catch (err) {
    // A cut or garbled gzip stream fails here, before anything is touched.
    throw new BinderCopyUnreadable('damaged', err instanceof Error ? err.message : String(err));
  }
}

async function headerOf(json: Blob): Promise<CopyHeader> {
  let meta;
  try {
    meta = await peakImportFile(json);
  } catch (err) {
    throw new BinderCopyUnreadable('damaged', err instanceof Error ? err.message : String(err));
  }
  if (meta?.formatName !== 'dexie' || !Array.isArray(meta.data?.tables)) throw new BinderCopyUnreadable('not-a-copy', 'not a Dexie export');
  const rows = Object.fromEntries(meta.data.tables.map((t) => [t.name, t.rowCount]));
  if (rows.dossiers === undefined || rows.papers === undefined) throw new BinderCopyUnreadable('not-a-copy', 'no dossiers or papers in it');
  return { databaseVersion: meta.data.databaseVersion, rows, dossiers: rows.dossiers };
}

/**
 * What the copy says it holds, read from its first kilobytes (the confirmation before a
 * restore shows it). Throws BinderCopyUnreadable for a file that is not one of our copies.
 */
export async function readCopyHeader(blob: Blob): Promise<CopyHeader> {
  return headerOf(await jsonOf(blob));
}

/**
 * Replaces the binder with a copy, all or nothing (see the header). A copy written at an
 * older schema version is first imported on its own at that version and upgraded the way
 * the app's database would be, then copied in.
 */
export async function restoreBinderCopy(blob: Blob, opts: CopyOptions = {}, db: TicklerDb = getDb()): Promise<CopyHeader> {
  let json = await jsonOf(blob);
  let header = await headerOf(json);
  if (header.databaseVersion !== db.verno) {
    json = await upgradedCopy(json, header);
    header = await headerOf(json);
  }
  const tables = COPIED_TABLES.map((n) => db.table(n));
  try {
    await db.transaction('rw', [...tables, db.kv], async () => {
      await Promise.all(tables.map((t) => t.clear()));
      // The undo stack names records of the binder being replaced.
      await db.kv.delete(UNDO_KEY);
      await importInto(db, json, {
        noTransaction: true,
        acceptNameDiff: true,
        skipTables: skippedTables(db),
        chunkSizeBytes: IMPORT_CHUNK_BYTES,
        progressCallback: (p) => {
          checkAborted(opts.signal);
          opts.onProgress?.(p.completedRows, p.totalRows ?? 0);
          return true;
        },
      });
      const counts = await Promise.all(tables.map((t) => t.count()));
      const wrong = COPIED_TABLES.filter((n, i) => counts[i] !== (header.rows[n] ?? 0));
      if (wrong.length) {
        throw new BinderCopyUnreadable('counts', wrong.map((n) => `${n}: ${counts[COPIED_TABLES.indexOf(n)]} of ${header.rows[n] ?? 0}`).join(', '));
      }
    });
  } catch (err) {
    if (err instanceof BinderCopyUnreadable || err instanceof CopyCancelled) throw err;
    const inner = (err as { inner?: unknown }).inner;
    if (inner instanceof BinderCopyUnreadable || inner instanceof CopyCancelled) throw inner;
    // The parser's failures: the file is garbled.
    if (err instanceof SyntaxError || /JSON|Unexpected|parse/i.test(String((err as Error)?.message))) {
      throw new BinderCopyUnreadable('damaged', (err as Error).message);
    }
    throw err;
  }
  return header;
}

/**
 * A copy from an older schema, brought to the current one: imported into a scratch database
 * at its own version, opened with the app's schema (which runs the upgrades), exported again.
 */
async function upgradedCopy(json: Blob, header: CopyHeader): Promise<Blob> {
  if (header.databaseVersion > getDb().verno) throw new BinderCopyUnreadable('not-a-copy', `written by a newer version (schema ${header.databaseVersion})`);
  const name = `tickler-restore-${newId()}`;
  try {
    (await importDB(json, { name, chunkSizeBytes: IMPORT_CHUNK_BYTES })).close();
    const upgraded = createDb(name);
    try {
      await upgraded.open();
      return await exportDB(upgraded, { skipTables: skippedTables(upgraded), numRowsPerChunk: ROWS_PER_CHUNK });
    } finally {
      upgraded.close();
    }
  } finally {
    await Dexie.delete(name);
  }
}
