/**
 * The search index: every search word of every dossier (its row's `words`) as an entry
 * "word\u0001dossierId", filed in a bucket named by the word's first two characters.
 *
 * Why not a multiEntry index over `words`: IndexedDB pays for every index entry, and a
 * dossier has ~18 words, so an import of 10,000 dossiers spent ~2.5 s on 184,000 entries.
 * A bucket is one stored value holding many entries: the same import writes ~1,500 values.
 *
 * A bucket is kept in fragments: an open head (seq '') that changes rewrite, and sealed
 * fragments once the head reaches HEAD_MAX entries. So a change rewrites a few kilobytes,
 * never a whole bucket, however large the binder grows.
 *
 * Entries are only ever added. A word a dossier loses (or a deleted dossier) leaves its
 * entry behind: search checks every candidate against its row's current words, so a stale
 * entry costs a lookup, never a wrong result. Rebuilding the index (repair) drops them.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { DossierRow, WordBucket, WordBucketTable } from './stored-rows';
import { newId } from '../../shared/model/ids';

/** Entries found under a word prefix: new entries, grouped by bucket, not yet stored. */
export type WordEntries = Map<string, string[]>;

/** Entries an open head holds before it is sealed (about 2.5 KB): what a change rewrites per bucket. */
export const HEAD_MAX = 100;

const SEP = '\u0001';

const bucketOf = (word: string): string => word.slice(0, 2);

/** Adds the entries of the words `row` has and `before` (the stored row, if any) had not. */
export function collectWords(into: WordEntries, row: Pick<DossierRow, 'id' | 'words'>, before?: Pick<DossierRow, 'words'>): void {
  const had = new Set(before?.words);
  for (const word of row.words) {
    if (had.has(word)) continue;
    const bucket = bucketOf(word);
    let list = into.get(bucket);
    if (!list) into.set(bucket, (list = []));
    list.push(word + SEP + row.id);
  }
}

/** Stores collected entries: each bucket's head is read and written once. */
export async function fileWords(table: WordBucketTable, entries: WordEntries): Promise<void> {
  if (entries.size === 0) return;
  const prefixes = [...entries.keys()];
  const heads = await table.bulkGet(prefixes.map((p): [string, string] => [p, '']));
  const puts: WordBucket[] = [];
  const sealed: [string, string][] = [];
  prefixes.forEach((prefix, i) => {
    const all = (heads[i]?.entries ?? []).concat(entries.get(prefix)!);
    if (all.length < HEAD_MAX) puts.push({ prefix, seq: '', entries: all });
    else {
      puts.push({ prefix, seq: newId(), entries: all });
      if (heads[i]) sealed.push([prefix, '']);
    }
  });
  await Promise.all([table.bulkPut(puts), table.bulkDelete(sealed)]);
}

/**
 * Ids of the dossiers with a word starting with `token`, in word order, each once. A token
 * of one character reads every bucket it begins; a longer one reads one bucket.
 */
export async function dossiersWithWord(table: WordBucketTable, token: string): Promise<string[]> {
  if (token === '') return [];
  const bucket = bucketOf(token);
  const upper = token.length === 1 ? token + '\uffff' : bucket;
  const fragments = await table.where('[prefix+seq]').between([bucket, Dexie.minKey], [upper, Dexie.maxKey], true, true).toArray();
  const matched: string[] = [];
  for (const f of fragments) for (const e of f.entries) if (e.startsWith(token)) matched.push(e);
  matched.sort();
  return [...new Set(matched.map((e) => e.slice(e.indexOf(SEP) + 1)))];
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
    await fileWords(table, entries);
  }
}
