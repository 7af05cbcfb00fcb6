/**
 * The search index: every search word of every dossier (its row's `words`) as an entry
 * "word\u0001dossierId", filed in a bucket named by the word's first two characters.
 *
 * Why not a multiEntry index over `words`: IndexedDB pays for every index entry, and a
 * dossier has ~18 words, so an import of 10,000 dossiers spent ~2.5 s on 184,000 entries.
 * A bucket is one stored value holding many entries: the same import writes ~1,500 values.
 *
 * A bucket is kept in fragments, and within a bucket by group: the word's third character
 * (none for shorter words), carried in the fragment's seq. A group has an open head (seq
 * GROUP + character) that changes rewrite, and sealed fragments (the head's seq, SEP and an
 * id) once the head reaches HEAD_MAX entries. So a change rewrites a few kilobytes, never a
 * whole bucket, however large the binder grows; and a query of three characters or more
 * reads its group only: 'аль' reads ~2,000 entries of a 100,000-dossier binder, not the
 * ~50,000 of every word starting with 'ал'.
 *
 * A head also lists its group's first entries in word order (`first`, FIRST_IDS dossiers),
 * kept by every add and drop. The search box asks for 50 dossiers in word order, so a
 * three-letter query reads that one small value: 'вол' is 10,586 entries (~0.9 MB as
 * stored, ~10 ms to read) at 100,000 dossiers, and the search needs the first 50.
 *
 * Binders filed before the groups hold legacy fragments in the same table (the head seq ''
 * and sealed seqs that sort after every group): every read takes those too, so an older
 * binder stays correct; schema 11 (migrations/v11-word-groups.ts) files them in groups, and
 * so does a rebuild (repair); a backup copy of an older version is upgraded before it is restored.
 *
 * A word a dossier loses (a rename, a removed contact, a deleted dossier) has its entry
 * taken out in the same transaction: the fragments of that word's group are read and the
 * ones holding it rewritten. Edits that keep the words (a refile, a moved step) cost
 * nothing here. Search still checks every candidate against its row's current words.
 */
import Dexie, { type EntityTable, type IndexableType } from 'dexie';
import type { DossierRow, WordBucket, WordBucketTable } from './stored-rows';
import { newId } from '../../shared/model/ids';

/** Entries not yet stored, by group key (the word's first three characters: its bucket and group). */
export type WordEntries = Map<string, string[]>;

/** Entries an open head holds before it is sealed (about 2.5 KB): what a change rewrites per group. */
export const HEAD_MAX = 100;

/**
 * Distinct dossiers a head's `first` entries cover: the search box's 50 results and room for
 * candidates a second query word rules out.
 */
export const FIRST_IDS = 64;

const SEP = '\u0001';
/** Starts the seq of every grouped fragment; legacy seqs ('' and ids) sort before and after. */
const GROUP = '\u0002';
/** Legacy sealed fragments (uuids, 'v6-…') sort from here, after every grouped one. */
const LEGACY_SEALED = '\u0003';

const groupKeyOf = (word: string): string => word.slice(0, 3);

/** A group key's head: [bucket, seq]. */
const headOf = (key: string): [string, string] => [key.slice(0, 2), GROUP + key.slice(2)];

type KeyRange = [lower: IndexableType, upper: IndexableType];

/** The fragments of one group: its own, and the legacy ones of its bucket (empty once rebuilt). */
function groupRanges(key: string): KeyRange[] {
  const [bucket, head] = headOf(key);
  return [
    [[bucket, ''], [bucket, '']],
    [[bucket, head], [bucket, head + SEP + '\uffff']],
    [[bucket, LEGACY_SEALED], [bucket, Dexie.maxKey]],
  ];
}

/** The fragments that can hold words starting with `token`: its group, or every group of the buckets it begins. */
function rangesFor(token: string): KeyRange[] {
  if (token.length >= 3) return groupRanges(groupKeyOf(token));
  const upper = token.length === 1 ? token + '\uffff' : token;
  return [[[token, Dexie.minKey], [upper, Dexie.maxKey]]];
}

/**
 * The fragments in `ranges`. A Dexie promise, not an async function: chained on Dexie's own
 * promises, a read keeps the zone that carries the caller's transaction and live-query
 * subscription (a native await can drop it; see scanMatches in search-repo.ts).
 */
function fragmentsIn(table: WordBucketTable, ranges: KeyRange[]): Promise<WordBucket[]> {
  return Dexie.Promise.all(ranges.map(([lower, upper]) => table.where('[prefix+seq]').between(lower, upper, true, true).toArray())).then((parts) => parts.flat());
}

/** Adds the entries of the words `row` has and `before` (the stored row, if any) had not. */
export function collectWords(into: WordEntries, row: Pick<DossierRow, 'id' | 'words'>, before?: Pick<DossierRow, 'words'>): void {
  const had = new Set(before?.words);
  for (const word of row.words) {
    if (had.has(word)) continue;
    const key = groupKeyOf(word);
    let list = into.get(key);
    if (!list) into.set(key, (list = []));
    list.push(word + SEP + row.id);
  }
}

/** Adds the entries of the words `before` (the stored row) had and `row` (undefined: deleted) has not. */
export function collectStaleWords(into: WordEntries, row: Pick<DossierRow, 'words'> | undefined, before: Pick<DossierRow, 'id' | 'words'> | undefined): void {
  if (!before) return;
  const has = new Set(row?.words);
  collectWords(into, { id: before.id, words: before.words.filter((w) => !has.has(w)) });
}

const idOf = (entry: string): string => entry.slice(entry.indexOf(SEP) + 1);

/** The entries of group `key` among `fragments` (a bucket's legacy fragments hold every group's). */
function groupEntries(fragments: readonly WordBucket[], key: string): string[] {
  const out: string[] = [];
  for (const f of fragments) for (const e of f.entries) if (groupKeyOf(e.slice(0, e.indexOf(SEP))) === key) out.push(e);
  return out;
}

/** A head's `first`: the shortest sorted prefix of `entries` naming FIRST_IDS distinct dossiers, or all of them. */
export function firstEntries(entries: readonly string[]): string[] {
  for (let k = 2 * FIRST_IDS; ; k *= 2) {
    const smallest = smallestSorted(entries, k);
    const ids = new Set<string>();
    for (let i = 0; i < smallest.length; i++) {
      ids.add(idOf(smallest[i]!));
      if (ids.size === FIRST_IDS) return smallest.slice(0, i + 1);
    }
    if (smallest.length === entries.length) return smallest;
  }
}

/**
 * Takes entries out of their fragments: every fragment of each entry's group is read, those
 * holding one rewritten, and the group's head given its `first` afresh from what is left.
 */
async function dropWords(table: WordBucketTable, stale: WordEntries): Promise<void> {
  const gone = new Set([...stale.values()].flat());
  const keys = [...stale.keys()];
  const read = await Promise.all(keys.map((key) => fragmentsIn(table, groupRanges(key))));
  // Groups of one bucket share its legacy fragments, read once per group: each is written once.
  const written = new Map<string, WordBucket | null>();
  const idOfFragment = (prefix: string, seq: string) => prefix + SEP + seq;
  for (const f of read.flat()) {
    const id = idOfFragment(f.prefix, f.seq);
    if (written.has(id)) continue;
    const kept = f.entries.filter((e) => !gone.has(e));
    if (kept.length < f.entries.length) written.set(id, kept.length === 0 ? null : { ...f, entries: kept });
  }
  keys.forEach((key, i) => {
    const [prefix, seq] = headOf(key);
    const id = idOfFragment(prefix, seq);
    const left = groupEntries(read[i]!, key).filter((e) => !gone.has(e));
    const was = written.get(id);
    const head = (was === undefined ? read[i]!.find((f) => f.seq === seq) : was) ?? { prefix, seq, entries: [] };
    written.set(id, left.length === 0 ? null : { ...head, first: firstEntries(left) });
  });
  const puts: WordBucket[] = [];
  const deletes: [string, string][] = [];
  for (const [id, f] of written) {
    if (f) puts.push(f);
    else deletes.push([id.slice(0, id.indexOf(SEP)), id.slice(id.indexOf(SEP) + 1)]);
  }
  await Promise.all([table.bulkPut(puts), table.bulkDelete(deletes)]);
}

/**
 * Stores collected entries, taking the `stale` ones out first: each group's head is read
 * and written once, with its `first` brought up to date. A full head is sealed into a
 * fragment of its own and the head kept, empty but for `first`. A group whose head has no
 * `first` (a new group, or one filed before they were kept) is read whole once to make it.
 */
export async function storeWordEntries(table: WordBucketTable, entries: WordEntries, stale?: WordEntries): Promise<void> {
  if (stale && stale.size > 0) await dropWords(table, stale);
  if (entries.size === 0) return;
  const keys = [...entries.keys()];
  const heads = await table.bulkGet(keys.map(headOf));
  const unknown = keys.filter((_, i) => !heads[i]?.first);
  const whole = await Promise.all(unknown.map((key) => fragmentsIn(table, groupRanges(key))));
  const firstBefore = new Map(unknown.map((key, j) => [key, groupEntries(whole[j]!, key)]));
  const puts: WordBucket[] = [];
  keys.forEach((key, i) => {
    const [prefix, head] = headOf(key);
    const added = entries.get(key)!;
    const first = firstEntries((heads[i]?.first ?? firstBefore.get(key)!).concat(added));
    const all = (heads[i]?.entries ?? []).concat(added);
    if (all.length < HEAD_MAX) puts.push({ prefix, seq: head, entries: all, first });
    else puts.push({ prefix, seq: head + SEP + newId(), entries: all }, { prefix, seq: head, entries: [], first });
  });
  await table.bulkPut(puts);
}

/** The entries of words starting with `token`, unordered (a Dexie promise: see fragmentsIn). */
export function entriesWithWord(table: WordBucketTable, token: string): Promise<string[]> {
  if (token === '') return Dexie.Promise.resolve([]);
  return fragmentsIn(table, rangesFor(token)).then((fragments) => {
    const matched: string[] = [];
    for (const f of fragments) for (const e of f.entries) if (e.startsWith(token)) matched.push(e);
    return matched;
  });
}

/** Ids of the dossiers with a word starting with `token`, in word order, each once (a Dexie promise: see fragmentsIn). */
export function dossiersWithWord(table: WordBucketTable, token: string): Promise<string[]> {
  return entriesWithWord(table, token).then((entries) => firstIdsInOrder(entries)(Infinity));
}

/**
 * The first `count` dossiers with a word starting with `token`, in word order, each once,
 * handed out by the function returned (Dexie promises: see fragmentsIn). A token of three
 * characters is a group: its head's `first` answers up to FIRST_IDS dossiers from one small
 * value. Beyond those, or for other tokens, the fragments are read, once.
 */
export function idsInWordOrder(table: WordBucketTable, token: string): (count: number) => Promise<string[]> {
  let all: Promise<(count: number) => string[]> | undefined;
  const fromFragments = (count: number) => (all ??= entriesWithWord(table, token).then(firstIdsInOrder)).then((idsUpTo) => idsUpTo(count));
  if (token.length !== 3) return fromFragments;
  let leading: Promise<string[] | undefined> | undefined;
  return (count) =>
    (leading ??= table.get(headOf(token)).then((h) => h?.first && [...new Set(h.first.map(idOf))])).then((ids) =>
      ids && (ids.length >= count || ids.length < FIRST_IDS) ? ids.slice(0, count) : fromFragments(count),
    );
}

/**
 * The first `count` distinct ids of `entries` ("word\u0001id") in sorted entry order. The ids
 * of the k smallest entries, in order, are exactly a prefix of the ids of all of them, so
 * only k entries are selected and sorted, k doubling until `count` distinct ids are found.
 */
export function firstIdsInOrder(entries: readonly string[]): (count: number) => string[] {
  let ids: string[] = [];
  let complete = false;
  return (count) => {
    for (let k = Math.max(2 * count, 64); !complete && ids.length < count; k *= 2) {
      const smallest = smallestSorted(entries, k);
      complete = smallest.length === entries.length;
      ids = [...new Set(smallest.map(idOf))];
    }
    return ids.length > count ? ids.slice(0, count) : ids;
  };
}

/** The `k` smallest of `entries` (all of them if fewer), sorted. */
function smallestSorted(entries: readonly string[], k: number): string[] {
  const smallest = entries.slice();
  if (k < entries.length) {
    selectSmallest(smallest, k);
    smallest.length = k;
  }
  return smallest.sort();
}

/** Rearranges `a` so that its first `k` items are its k smallest (quickselect, Hoare partition). */
function selectSmallest(a: string[], k: number): void {
  let lo = 0;
  let hi = a.length - 1;
  while (hi > lo) {
    const pivot = a[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i++] = a[j]!;
        a[j--] = t;
      }
    }
    // a[lo..j] <= pivot <= a[i..hi]; items between j and i equal the pivot.
    if (k - 1 <= j) hi = j;
    else if (k - 1 >= i) lo = i;
    else return;
  }
}

/** Every entry the rows' words make, sorted (no database): what the stored buckets must hold. */
export function wordEntriesOf(rows: Iterable<Pick<DossierRow, 'id' | 'words'>>): string[] {
  const out: string[] = [];
  for (const r of rows) for (const w of r.words) out.push(w + SEP + r.id);
  return out.sort();
}

/** Every entry the buckets hold, sorted. */
export async function storedWordEntries(table: WordBucketTable): Promise<string[]> {
  return (await table.toArray()).flatMap((b) => b.entries).sort();
}

/** Ids per read when rebuilding: bounds the entries held in memory at once. */
const REBUILD_RANGE = 10_000;

/** Files every stored row's words afresh (repair): stale entries are gone after. */
export async function rebuildSearchIndex(dossiers: EntityTable<DossierRow, 'id'>, table: WordBucketTable): Promise<void> {
  await table.clear();
  const ids = (await dossiers.toCollection().primaryKeys()) as string[];
  for (let i = 0; i < ids.length; i += REBUILD_RANGE) {
    const entries: WordEntries = new Map();
    for (const row of await dossiers.bulkGet(ids.slice(i, i + REBUILD_RANGE))) if (row) collectWords(entries, row);
    await storeWordEntries(table, entries);
  }
}
