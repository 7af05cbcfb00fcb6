/**
 * The projections: stores derived from the records, kept in the same transaction as every
 * change to them, single action or bulk write, through this one module. Each derived store
 * has its own module with an incremental update from (before, after) and a rebuild from
 * scratch:
 *
 * | store                          | module               | derived from                    |
 * |--------------------------------|----------------------|---------------------------------|
 * | dossier row's derived fields   | derive-row.ts        | the dossier's papers            |
 * | papers' openKeys               | papers.ts            | the papers' steps               |
 * | folderCounts                   | folder-counts.ts     | the rows' fileKey               |
 * | calendarShards                 | calendar-days.ts     | active rows' open steps         |
 * | wordBuckets                    | search-index.ts      | the rows' words                 |
 * | receivables, receivableDays    | receivables-index.ts | the papers' invoices, the rows' |
 * |                                |                      | company, owner, segment and VIP |
 *
 * A write collects what it changed with `noteRow` / `noteReceivables` and stores every
 * projection's update with `writeProjections`; `projectionsFromScratch` computes them all
 * from the records without writing anything (the property test compares the two after
 * every step), and `rebuildProjections` replaces them (repair).
 */
import { addCountDelta, applyCountDeltas, folderCountsOf, rebuildFolderCounts } from './folder-counts';
import { calendarShardsOf, rebuildCalendarShards, replaceCalendarItems } from './calendar-days';
import { collectStaleWords, collectWords, storeWordEntries, rebuildSearchIndex, wordEntriesOf, type WordEntries } from './search-index';
import { rebuildReceivables, receivablesOf, reindexReceivables, sameReceivableDossier } from './receivables-index';
import { allPaperRecords } from './papers';
import type { CalendarShard, CalendarItem, DossierPapers, DossierRow, FolderCount, ReceivableDay, ReceivableRow, TicklerDb } from './stored-rows';

/** What one write changed, gathered for every projection (a bulk write gathers its chunks' into one). */
export interface ProjectionChanges {
  /** Folder counter deltas. */
  counts: Map<string, number>;
  /** Search entries of words the changed rows gained, and of words they lost. */
  words: WordEntries;
  staleWords: WordEntries;
  /** Dossiers whose calendar items are replaced, their items now, and their rows as stored before. */
  calendarChanged: string[];
  calendarItems: CalendarItem[];
  calendarBefore: DossierRow[];
  /** The items before the change of the dossiers whose old items are known exactly. */
  calendarItemsBefore: Map<string, readonly CalendarItem[]>;
  /** Dossiers whose invoices, payments or payment steps changed, with their papers now (undefined: gone). */
  receivables: Map<string, DossierPapers | undefined>;
  /** Every row the write stores (the receivables rows carry some of its fields), and the rows that changed those fields. */
  rowsAfter: Map<string, DossierRow>;
  relabelled: Set<string>;
}

export function noProjectionChanges(): ProjectionChanges {
  return { counts: new Map(), words: new Map(), staleWords: new Map(), calendarChanged: [], calendarItems: [], calendarBefore: [], calendarItemsBefore: new Map(), receivables: new Map(), rowsAfter: new Map(), relabelled: new Set() };
}

/**
 * A dossier's row changed from `before` (undefined: new) to `after` (undefined: deleted);
 * `items` are its calendar items now, `itemsBefore` its items before when the writer knows
 * them (only the days where they differ are then rewritten).
 */
export function noteRow(
  c: ProjectionChanges,
  id: string,
  before: DossierRow | undefined,
  after: DossierRow | undefined,
  items: readonly CalendarItem[],
  itemsBefore?: readonly CalendarItem[],
): void {
  addCountDelta(c.counts, before?.fileKey, after?.fileKey);
  if (after) collectWords(c.words, after, before);
  collectStaleWords(c.staleWords, after, before);
  c.calendarChanged.push(id);
  c.calendarItems.push(...items);
  if (before) c.calendarBefore.push(before);
  if (itemsBefore) c.calendarItemsBefore.set(id, itemsBefore);
  if (after) c.rowsAfter.set(id, after);
  if (before && after && !sameReceivableDossier(before, after)) c.relabelled.add(id);
}

export function noteReceivables(c: ProjectionChanges, dossierId: string, papers: DossierPapers | undefined): void {
  c.receivables.set(dossierId, papers);
}

/**
 * Stores every projection's update, issued together: different tables (or keys), so the
 * transaction pays one round trip, not four.
 */
export function writeProjections(db: TicklerDb, c: ProjectionChanges): Promise<unknown>[] {
  return [
    applyCountDeltas(db, c.counts),
    replaceCalendarItems(db, c.calendarChanged, c.calendarItems, c.calendarBefore, c.calendarItemsBefore),
    storeWordEntries(db.wordBuckets, c.words, c.staleWords),
    reindexReceivables(db, { papers: c.receivables, dossiers: c.rowsAfter, relabelled: c.relabelled }),
  ];
}

/** Every shared projection computed from the stored rows and papers, nothing written. */
export interface ProjectionState {
  folderCounts: FolderCount[];
  calendarShards: CalendarShard[];
  wordEntries: string[];
  receivables: ReceivableRow[];
  receivableDays: ReceivableDay[];
}

export async function projectionsFromScratch(db: TicklerDb): Promise<ProjectionState> {
  const [rows, papers] = await Promise.all([db.dossiers.toArray(), db.papers.toArray()]);
  const steps = papers.flatMap((p) => p.steps);
  const { rows: receivables, days: receivableDays } = receivablesOf(papers, rows);
  return { folderCounts: folderCountsOf(rows), calendarShards: calendarShardsOf(rows, steps), wordEntries: wordEntriesOf(rows), receivables, receivableDays };
}

/** Repair: every shared projection replaced by its rebuild from the records (inside the caller's transaction). */
export async function rebuildProjections(db: TicklerDb): Promise<void> {
  await rebuildFolderCounts(db);
  await rebuildCalendarShards(db, (await allPaperRecords(db)).steps);
  await rebuildSearchIndex(db.dossiers, db.wordBuckets);
  await rebuildReceivables(db);
}
