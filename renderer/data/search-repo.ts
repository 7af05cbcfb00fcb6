/**
 * Finding dossiers: the search box (prefix search in the search index with the first
 * query word, every candidate checked in memory against its row's words) and the paged
 * dossier list.
 */
import type { Collection, InsertType } from 'dexie';
import { parseSearchQuery, wordMatcher } from '../../shared/model/search-words';
import { getDb, type DossierRow } from './db';
import { compareFolderRows } from './binder-repo';
import { idsInWordOrder } from './search-index';
import { dossierFilterMatcher, filtersBeyondStatus } from './dossier-filter';
import type { DossierFilter, DossierSort, DossierSummary } from './types';

const collator = new Intl.Collator('ru', { sensitivity: 'base', numeric: true });

/**
 * Runs `visit` over candidate rows page by page until it returns false or they run out.
 * Pages start at `firstPage` rows and double: a one-word query keeps nearly every
 * candidate, so the first page is usually the last one read (rows are the search's
 * largest read), while a query of several words that keeps few reaches the end in a few
 * reads. Only the entries a page needs are put in order (idsInWordOrder: a three-letter
 * query's first page comes from its group's head alone).
 *
 * The bucket and the rows are read in one read transaction (a second one cost a sizeable
 * share of a search's few milliseconds), each read chained on the one before with Dexie's
 * own promises, never a native await. Dexie carries the transaction and a live query's
 * subscription in a zone; a live query whose querier is a plain function returning this
 * promise (the dossiers screen's) loses that zone after a native await of a nested async
 * function. The row read then ran outside both: in one transaction, a new transaction for
 * the rows while the explicit one committed with nothing left to do (PrematureCommitError,
 * the screen gone); in two, rows the live query never observed, so an edit to a found
 * dossier did not refresh the results.
 */
function scanMatches(query: string, firstPage: number | undefined, visit: (row: DossierRow) => boolean): Promise<void> {
  const parsed = parseSearchQuery(query);
  if (parsed.kind === 'empty') return Promise.resolve();
  const db = getDb();
  const matches = wordMatcher(query);
  return db.transaction('r', db.wordBuckets, db.dossiers, () => {
    const idsUpTo = idsInWordOrder(db.wordBuckets, parsed.token);
    const page = (offset: number, step: number): Promise<void> =>
      idsUpTo(offset + step).then((upTo) => {
        const ids = upTo.slice(offset);
        // The index may name a dossier for a word it no longer has, or one since deleted: the row decides.
        return db.dossiers.bulkGet(ids).then((rows) => {
          for (const row of rows) if (row && matches(row.words) && !visit(row)) return undefined;
          return ids.length < step ? undefined : page(offset + step, step * 2);
        });
      });
    return page(0, firstPage ?? Infinity);
  });
}

/** The search box: up to `limit` dossiers (active and archived) matching every word, by company. */
export async function searchDossiers(query: string, limit = 50): Promise<DossierSummary[]> {
  const out: DossierRow[] = [];
  await scanMatches(query, limit, (row) => {
    out.push(row);
    return out.length < limit;
  });
  return out.sort((a, b) => collator.compare(a.company, b.company));
}

/** `status` defaults to 'active': the binder's working set. */
const filterPredicate = (f: DossierFilter): ((r: DossierRow) => boolean) => dossierFilterMatcher(f);

function compareBy(sort: DossierSort): (a: DossierRow, b: DossierRow) => number {
  const sign = sort.dir === 'asc' ? 1 : -1;
  if (sort.field === 'company') return (a, b) => sign * collator.compare(a.company, b.company);
  // Dossiers out of the binder (archived) go last whatever the direction.
  if (sort.field === 'fileKey') return (a, b) => (a.fileKey === undefined ? 1 : 0) - (b.fileKey === undefined ? 1 : 0) || sign * compareFolderRows(a, b);
  const field = sort.field;
  return (a, b) => sign * (a[field] ?? '').localeCompare(b[field] ?? '');
}

async function textMatches(f: DossierFilter): Promise<DossierRow[]> {
  const keep = filterPredicate(f);
  const out: DossierRow[] = [];
  await scanMatches(f.text!, undefined, (row) => {
    if (keep(row)) out.push(row);
    return true;
  });
  return out;
}

/** The rows in index order of `sort`, or undefined when the index cannot list every wanted row. */
function sortedCollection(f: DossierFilter, sort: DossierSort): Collection<DossierRow, string, InsertType<DossierRow, 'id'>> | undefined {
  // Archived dossiers have no fileKey, so that index lists active dossiers only.
  if (sort.field === 'fileKey' && (f.status ?? 'active') !== 'active') return undefined;
  const coll = getDb().dossiers.orderBy(sort.field);
  return sort.dir === 'desc' ? coll.reverse() : coll;
}

/** The dossier list: filter, sort, one page. */
export async function listDossiers(filter: DossierFilter, sort: DossierSort, offset: number, limit: number): Promise<DossierSummary[]> {
  if (filter.text?.trim()) {
    return (await textMatches(filter)).sort(compareBy(sort)).slice(offset, offset + limit);
  }
  const keep = filterPredicate(filter);
  const coll = sortedCollection(filter, sort);
  if (coll) return coll.filter(keep).offset(offset).limit(limit).toArray();
  const rows = await getDb().dossiers.filter(keep).toArray();
  return rows.sort(compareBy(sort)).slice(offset, offset + limit);
}

/** Ids of every dossier the list shows for `filter` (any order): what "export this list" hands to the export. */
export async function dossierIdsMatching(filter: DossierFilter): Promise<string[]> {
  if (filter.text?.trim()) return (await textMatches(filter)).map((r) => r.id);
  return (await getDb().dossiers.filter(filterPredicate(filter)).primaryKeys()) as string[];
}

export async function countDossiers(filter: DossierFilter): Promise<number> {
  if (filter.text?.trim()) return (await textMatches(filter)).length;
  const table = getDb().dossiers;
  const status = filter.status ?? 'active';
  if (!filtersBeyondStatus(filter)) {
    // Active dossiers are exactly the filed ones (the fileKey index lists them); the rest are archived.
    const [all, active] = await Promise.all([table.count(), table.orderBy('fileKey').count()]);
    return status === 'all' ? all : status === 'active' ? active : all - active;
  }
  return table.filter(filterPredicate(filter)).count();
}

/** Owners present in the binder (for the owner filter and handover). */
export async function listOwners(): Promise<string[]> {
  const owners = (await getDb().dossiers.orderBy('owner').uniqueKeys()) as string[];
  return owners.filter((o) => o !== '');
}
