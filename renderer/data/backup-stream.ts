/**
 * The binder copied out of and back into IndexedDB in chunks, for the snapshot before an
 * import, the daily backup and their restore. A workbook holding the whole binder is built
 * in memory and does not fit at 100,000 dossiers; this never holds more than a few chunks
 * of rows: the export turns each chunk into text (one JSON.stringify per row, one join per
 * chunk) and hands its bytes to a gzip compressor (gzip-stream.ts: the browser's native
 * CompressionStream, which writes Blob parts that Chromium may keep on disk); the restore
 * parses the file as it decompresses it.
 *
 * Where it runs: the window calls these through workers/backup-client.ts, which runs them
 * on the backup worker with its own database connection, and the import worker calls the
 * export for its snapshot; both give the export a compressor on a second worker
 * (workers/gzip-client.ts), so reading and JSON take one core and UTF-8 encoding and zlib
 * the other (the encoding, timed at 20,000 dossiers, cost 5.8 s against JSON's 5.1 s). The
 * compressor is never awaited inside the read transaction (its promises are not
 * IndexedDB's, and Chromium would commit it): the export only waits, through
 * Dexie.waitFor, when more than MAX_BACKLOG_CHARS of text are still to be compressed.
 * Measured at 20,000 dossiers on the benchmark machine while other work kept both cores
 * busy (load 8-14): fflate's JavaScript gzip at level 1 on the window's thread took 61 s
 * for a 41 MB copy; native gzip off the window 34-54 s for 34 MB, the window's longest
 * task meanwhile 63-186 ms, and none during a restore (docs/architecture.md).
 *
 * The file is dexie-export-import's format (gzipped), written one row per line so that it
 * can be read a line at a time with the browser's JSON.parse. dexie-export-import itself
 * reads and writes it too, but measured on the benchmark binder at 10,000 dossiers it took
 * 25 s to export and 52 s to import (a per-value type encoding and a JavaScript character
 * parser), which is 250 s and 520 s at 100,000; this codec does the same in a fraction of
 * that (docs/architecture.md). The library still brings a copy written at an older schema
 * up to date (upgradedCopy), and can open any of these files.
 *
 * What is copied: the records (dossiers with their derived rows, papers) and the values
 * derived from them (folder counters, calendar days, search buckets, the receivables index). The derived ones are
 * copied rather than rebuilt because the export reads everything in ONE transaction, so
 * they agree with the records, and rebuilding them at 100,000 dossiers costs more than
 * reading them. Not copied: the snapshots themselves, and kv, which holds no business
 * data (the undo stack, the database's identity, backup and reminder bookkeeping, a
 * selection): a restore keeps the open database's identity and bookkeeping.
 *
 * A restore is one transaction: each table is made the file's, chunk by chunk over its key
 * order (rows stored as the file has them are left alone, others put, the ones it lacks
 * deleted), then counted against the counts the file announces; anything wrong (a cut or garbled file, a count
 * that does not match, a full disk, a cancel) aborts it and the binder stays as it was.
 */
import Dexie, { cmp, type Table } from 'dexie';
import { importDB } from 'dexie-export-import';
import { newId } from '../../shared/model/ids';
import { createDb, getDb, type TicklerDb } from './db';
import { nativeGzip, type Gzip } from './gzip-stream';
import { clearUndo } from './kv-keys';
import { rebuildReceivables } from './receivables-index';

/**
 * The tables a binder copy holds, in the order they are written. The receivables index came
 * with schema 8 after copies of that version were already written: one without it gets it
 * rebuilt from its papers.
 */
export const COPIED_TABLES = ['dossiers', 'papers', 'folderCounts', 'calendarShards', 'wordBuckets', 'receivables', 'receivableDays'] as const;

/** Rows per read while exporting and per write while restoring. */
const ROWS_PER_CHUNK = 2000;
/** Characters of text the export lets wait for the compressor before it reads on. */
const MAX_BACKLOG_CHARS = 32 * 1024 * 1024;

export type CopyProgress = (done: number, total: number) => void;

export interface CopyOptions {
  onProgress?: CopyProgress;
  /** Aborting stops the copy at the next chunk; a restore then changes nothing. */
  signal?: AbortSignal;
  /** Rows per chunk of a restore (tests use small ones to cross many chunk ends). */
  rowsPerChunk?: number;
  /** The export's compressor: on the calling thread unless the caller has another (the backup worker does). */
  gzip?: () => Gzip;
}

export interface BinderCopy {
  /** The gzipped copy (the file format of stream backups: '.json.gz'). */
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

function checkAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw new CopyCancelled();
}

interface TableMeta {
  name: string;
  schema: string;
  rowCount: number;
}

/** The header line: dexie-export-import's, with the data array left open. */
const headerLine = (db: TicklerDb, tables: TableMeta[]) =>
  JSON.stringify({ formatName: 'dexie', formatVersion: 1, data: { databaseName: db.name, databaseVersion: db.verno, tables, data: [] } }).slice(0, -3);
const tableOpenLine = (name: string) => JSON.stringify({ tableName: name, inbound: true, rows: [] }).slice(0, -2);
const schemaOf = (t: Table) => [t.schema.primKey.src, ...t.schema.indexes.map((i) => i.src)].join(',');

/**
 * Text into a gzip compressor as it comes. The compressor works on its own schedule
 * (native promises, maybe another thread), so the read transaction never awaits it:
 * `write` only queues, and `backlog` tells how many characters wait, for the caller to hold
 * back inside Dexie.waitFor rather than hold the binder's text. `finish` is awaited once
 * the transaction is over.
 */
function textSink(gzip: Gzip) {
  let queued = 0;
  let failed: unknown;
  let waiter: { bytes: number; resolve(): void; reject(err: unknown): void } | undefined;
  const wake = (): void => {
    if (!waiter) return;
    if (failed !== undefined) waiter.reject(failed);
    else if (queued <= waiter.bytes) waiter.resolve();
    else return;
    waiter = undefined;
  };
  const write = (text: string): void => {
    const n = text.length;
    queued += n;
    gzip.write(text).then(
      () => (queued -= n),
      (err: unknown) => (failed ??= err),
    ).then(wake);
  };
  return {
    write,
    backlog: () => queued,
    /** Resolves once at most `bytes` wait to be compressed. */
    below: (bytes: number): Promise<void> =>
      new Promise<void>((resolve, reject) => {
        waiter = { bytes, resolve, reject };
        wake();
      }),
    finish: (text: string): Promise<Blob> => {
      write(text);
      return gzip.close();
    },
    abandon: () => gzip.abort(),
  };
}

/** Copies the binder out, in one read transaction. */
export async function exportBinder(opts: CopyOptions = {}, db: TicklerDb = getDb()): Promise<BinderCopy> {
  const tables = COPIED_TABLES.map((n) => db.table(n));
  const out = textSink((opts.gzip ?? nativeGzip)());
  try {
    const dossiers = await db.transaction('r', tables, async () => {
      const counts = await Promise.all(tables.map((t) => t.count()));
      const total = counts.reduce((a, b) => a + b, 0);
      out.write(headerLine(db, tables.map((t, i) => ({ name: t.name, schema: schemaOf(t), rowCount: counts[i]! }))));
      let done = 0;
      for (const [i, table] of tables.entries()) {
        out.write(`${i ? ',' : ''}\n${tableOpenLine(table.name)}`);
        const read = (after: unknown): PromiseLike<unknown[]> =>
          (after === undefined ? table.limit(ROWS_PER_CHUNK) : table.where(':id').above(after).limit(ROWS_PER_CHUNK)).toArray();
        let first = true;
        // By primary key, each chunk after the last key read (one index range per read); the
        // next chunk is read while this one is turned into text and compressed.
        let rows = await read(undefined);
        while (rows.length > 0) {
          checkAborted(opts.signal);
          const more = rows.length === ROWS_PER_CHUNK;
          const next = more ? read(Dexie.getByKeyPath(rows.at(-1) as object, table.schema.primKey.keyPath as string | string[])) : undefined;
          // One join per chunk: adding row after row to one string costs more than the rows' own JSON.
          out.write((first ? '\n' : ',\n') + rows.map((row) => JSON.stringify(row)).join(',\n'));
          first = false;
          done += rows.length;
          opts.onProgress?.(done, total);
          // The compressor is behind: wait for it (the transaction kept open meanwhile) rather than hold the binder's text.
          if (out.backlog() > MAX_BACKLOG_CHARS) await Dexie.waitFor(out.below(MAX_BACKLOG_CHARS / 2), 10 * 60_000);
          rows = next ? await next : [];
        }
        out.write('\n]}');
      }
      return counts[0]!;
    });
    return { blob: await out.finish('\n]}}'), dossiers };
  } catch (err) {
    out.abandon();
    throw err;
  }
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

const damaged = (detail: unknown) => new BinderCopyUnreadable('damaged', detail instanceof Error ? detail.message : String(detail));

/** The copy's lines, decompressed as they are read. */
async function* linesOf(blob: Blob): AsyncGenerator<string> {
  if (!isBinderCopy(new Uint8Array(await blob.slice(0, 2).arrayBuffer()))) throw new BinderCopyUnreadable('not-a-copy', 'not a gzip stream');
  const reader = blob.stream().pipeThrough(new DecompressionStream('gzip')).pipeThrough(new TextDecoderStream()).getReader();
  let rest = '';
  try {
    for (;;) {
      let chunk: ReadableStreamReadResult<string>;
      try {
        chunk = await reader.read();
      } catch (err) {
        // A cut or garbled gzip stream fails here.
        throw damaged(err);
      }
      if (chunk.done) break;
      const lines = (rest + chunk.value).split('\n');
      rest = lines.pop()!;
      yield* lines;
    }
    yield rest;
  } finally {
    void reader.cancel().catch(() => undefined);
  }
}

function parseLine<T>(line: string, suffix = ''): T {
  try {
    return JSON.parse(line + suffix) as T;
  } catch (err) {
    throw damaged(err);
  }
}

function headerFrom(line: string | undefined): CopyHeader {
  if (line === undefined) throw damaged('empty');
  const meta = parseLine<{ formatName?: string; data?: { databaseVersion?: number; tables?: TableMeta[] } }>(line, ']}}');
  if (meta?.formatName !== 'dexie' || !Array.isArray(meta.data?.tables)) throw new BinderCopyUnreadable('not-a-copy', 'not a Dexie export');
  const rows = Object.fromEntries(meta.data.tables.map((t) => [t.name, t.rowCount]));
  if (rows.dossiers === undefined || rows.papers === undefined) throw new BinderCopyUnreadable('not-a-copy', 'no dossiers or papers in it');
  return { databaseVersion: Number(meta.data.databaseVersion), rows, dossiers: rows.dossiers };
}

/**
 * What the copy says it holds, read from its first line (the confirmation before a
 * restore shows it). Throws BinderCopyUnreadable for a file that is not one of our copies.
 */
export async function readCopyHeader(blob: Blob): Promise<CopyHeader> {
  for await (const line of linesOf(blob)) return headerFrom(line);
  throw damaged('empty');
}

/** A run of one table's rows in the copy: their lines as written (one JSON value each). */
interface CopyChunk {
  table: string;
  lines: string[];
  /** The table's last run: the stored rows after it are not in the copy. */
  last: boolean;
}

/** The rows of the copy, table by table, checked line by line against the format the export writes. */
async function* chunksOf(lines: AsyncGenerator<string>, header: CopyHeader, rowsPerChunk: number): AsyncGenerator<CopyChunk> {
  let table: string | undefined;
  let rows: string[] = [];
  let ended = false;
  let n = 0;
  for await (const line of lines) {
    if (n++ === 0) continue; // the header, read by the caller
    if (ended) {
      if (line !== '') throw damaged('text after the end');
      continue;
    }
    if (table === undefined) {
      if (line === ']}}') ended = true;
      else {
        const open = parseLine<{ tableName?: unknown }>(line.replace(/^,/, ''), ']}');
        if (typeof open.tableName !== 'string' || !(open.tableName in header.rows)) throw damaged(`unexpected table ${String(open.tableName)}`);
        table = open.tableName;
      }
    } else if (line === ']}' || line === ']},') {
      yield { table, lines: rows, last: true };
      rows = [];
      table = undefined;
    } else {
      rows.push(line.endsWith(',') ? line.slice(0, -1) : line);
      if (rows.length >= rowsPerChunk) {
        yield { table, lines: rows, last: false };
        rows = [];
      }
    }
  }
  if (!ended) throw damaged('cut short');
}

type Key = IDBValidKey;
const keyId = (key: Key): string => JSON.stringify(key);

/**
 * Makes one table's stored rows in (after, up to the chunk's last key] those of the chunk:
 * a row stored exactly as the copy has it is left alone (its line is not even parsed), a
 * different or missing one is put, a stored one the copy lacks is deleted. Restoring the
 * snapshot taken before an import changes only what the import changed: clearing the
 * tables and adding every row again cost most of a restore (Chromium keeps every deleted
 * row until the transaction commits, and each add then searches past the deleted ones).
 * Returns the chunk's last key and the writes, which the caller awaits later.
 */
async function restoreChunk(table: Table, chunk: CopyChunk, after: Key | undefined, pageRows: number): Promise<{ upTo: Key | undefined; writes: PromiseLike<unknown> }> {
  const keyPath = table.schema.primKey.keyPath as string | string[];
  const keyOf = (row: unknown): Key => Dexie.getByKeyPath(row as object, keyPath) as Key;
  const upTo = chunk.last ? undefined : keyOf(parseLine(chunk.lines.at(-1)!));
  if (upTo !== undefined && after !== undefined && cmp(upTo, after) <= 0) throw damaged('rows out of order');
  const inRange = (key: Key) => (after === undefined || cmp(key, after) > 0) && (upTo === undefined || cmp(key, upTo) <= 0);
  const storedAfter = (lower: Key | undefined) => {
    const where = table.where(':id');
    if (lower === undefined) return upTo === undefined ? table.toCollection() : where.belowOrEqual(upTo);
    return upTo === undefined ? where.above(lower) : where.between(lower, upTo, false, true);
  };
  const unchanged = new Set(chunk.lines);
  const gone = new Map<string, Key>();
  // The stored rows of the range, a page at a time: a small copy over a large binder may
  // find many of them in one chunk's range.
  for (let lower = after; ; ) {
    const page: unknown[] = await storedAfter(lower).limit(pageRows).toArray();
    for (const row of page) {
      const text = JSON.stringify(row);
      if (unchanged.has(text)) unchanged.delete(text);
      else {
        const key = keyOf(row);
        gone.set(keyId(key), key);
      }
    }
    if (page.length < pageRows) break;
    lower = keyOf(page.at(-1));
  }
  // What is left of the chunk's lines is new or changed.
  const puts: unknown[] = [];
  for (const line of chunk.lines) {
    if (!unchanged.has(line)) continue;
    const row = parseLine(line);
    const key = keyOf(row);
    if (key === undefined || !inRange(key)) throw damaged('rows out of order');
    gone.delete(keyId(key));
    puts.push(row);
  }
  const writes = Dexie.Promise.all([puts.length ? table.bulkPut(puts) : undefined, gone.size ? table.bulkDelete([...gone.values()]) : undefined]);
  return { upTo, writes };
}

/**
 * Replaces the binder with a copy, all or nothing (see the header). A copy written at an
 * older schema version is first imported on its own at that version and upgraded the way
 * the app's database would be, then copied in.
 */
export async function restoreBinderCopy(blob: Blob, opts: CopyOptions = {}, db: TicklerDb = getDb()): Promise<CopyHeader> {
  let header = await readCopyHeader(blob);
  // A copy of schema 8 or later written before the receivables index travelled in copies
  // (an older one gets the index from version 8's upgrade). Decided on the copy as
  // written: the upgrade of a schema-8 copy adds the index's tables, empty.
  const rebuildIndex = header.databaseVersion >= 8 && !('receivables' in header.rows);
  if (header.databaseVersion !== db.verno) {
    blob = await upgradedCopy(blob, header, db.verno);
    header = await readCopyHeader(blob);
  }
  const tables = COPIED_TABLES.map((n) => db.table(n));
  const total = Object.values(header.rows).reduce((a, b) => a + b, 0);
  try {
    await db.transaction('rw', [...tables, db.kv], async (tx) => {
      // The undo stack names records of the binder being replaced.
      await clearUndo(db);
      const rowsPerChunk = opts.rowsPerChunk ?? ROWS_PER_CHUNK;
      const chunks = chunksOf(linesOf(blob), header, rowsPerChunk);
      const finished = new Set<string>();
      let done = 0;
      let after: Key | undefined;
      // The chunk's writes are stored while the next chunk is read and parsed.
      let writing: PromiseLike<unknown> = Dexie.Promise.resolve();
      for (;;) {
        // Reading and parsing the file is not IndexedDB work: waitFor keeps the transaction
        // open meanwhile, and only the chunk's lines come back into it.
        const next = await Dexie.waitFor(chunks.next(), 10 * 60_000);
        await writing;
        if (next.done) break;
        const chunk = next.value;
        checkAborted(opts.signal);
        // Named through the transaction: the file's reads pass through native promises.
        const step = await restoreChunk(tx.table(chunk.table), chunk, after, rowsPerChunk);
        step.writes.then(undefined, () => undefined); // awaited with the next chunk; kept from surfacing as unhandled meanwhile
        writing = step.writes;
        after = chunk.last ? undefined : step.upTo;
        if (chunk.last) finished.add(chunk.table);
        done += chunk.lines.length;
        opts.onProgress?.(done, total);
      }
      // A table the copy lacks is emptied (and the index rebuilt from the papers).
      await Promise.all(COPIED_TABLES.filter((n) => !finished.has(n)).map((n) => tx.table(n).clear()));
      if (rebuildIndex) await rebuildReceivables(tx);
      const carried = COPIED_TABLES.filter((n) => n in header.rows && !(rebuildIndex && n.startsWith('receivable')));
      const counts = await Promise.all(carried.map((n) => tx.table(n).count()));
      const wrong = carried.filter((n, i) => counts[i] !== header.rows[n]);
      if (wrong.length) {
        throw new BinderCopyUnreadable('counts', wrong.map((n) => `${n}: ${counts[carried.indexOf(n)]} of ${header.rows[n]}`).join(', '));
      }
    });
  } catch (err) {
    const inner = (err as { inner?: unknown }).inner;
    if (inner instanceof BinderCopyUnreadable || inner instanceof CopyCancelled) throw inner;
    // Two rows under one key: the file was changed (the export writes each key once).
    if ((err as { name?: string }).name === 'BulkError' || (err as { name?: string }).name === 'ConstraintError') throw damaged(err);
    throw err;
  }
  return header;
}

/**
 * A copy from an older schema, brought to the current one: imported into a scratch database
 * at its own version (dexie-export-import reads the file and recreates that schema), opened
 * with the app's schema (which runs the upgrades), copied out again.
 */
async function upgradedCopy(blob: Blob, header: CopyHeader, current: number): Promise<Blob> {
  if (header.databaseVersion > current) throw new BinderCopyUnreadable('not-a-copy', `written by a newer version (schema ${header.databaseVersion})`);
  const name = `tickler-restore-${newId()}`;
  try {
    const json = await new Response(blob.stream().pipeThrough(new DecompressionStream('gzip'))).blob();
    (await importDB(json, { name })).close();
    const upgraded = createDb(name);
    try {
      await upgraded.open();
      return (await exportBinder({}, upgraded)).blob;
    } finally {
      upgraded.close();
    }
  } catch (err) {
    throw err instanceof BinderCopyUnreadable ? err : damaged(err);
  } finally {
    await Dexie.delete(name);
  }
}
