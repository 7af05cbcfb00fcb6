/**
 * Schema version 11: the search index's fragments are filed again in groups by the words'
 * third character, so that a query of three letters reads its group only (search-index.ts).
 * Binders filed before the groups (versions 6 to 10) hold a bucket's words in an open head
 * (seq '') and sealed fragments (seq an id); search reads those too and stays correct, but
 * reads the whole bucket (~50,000 entries for a common two letters at 100,000 dossiers).
 * Every entry is kept as it is, only the fragments holding it change.
 */
import type { Table } from 'dexie';
import type { Migration } from './migration';
import type { UpgradeTx } from './raw-tables';

interface WordBucketV11 {
  prefix: string;
  seq: string;
  entries: string[];
}

/** The entry "word\u0001dossierId" (version 6). */
const ENTRY_SEP = '\u0001';
/** A grouped fragment's seq: GROUP and the words' third character, then for a sealed one ENTRY_SEP and an id. */
const GROUP = '\u0002';
/** An open head is sealed from this many entries on (as the writer of version 11 does). */
const HEAD_MAX = 100;
/** Fragments per read: a few tens of thousands of entries in memory at once. */
const FRAGMENTS_PER_READ = 500;

/** A group's entries as one fragment, as version 11's writer leaves them after one bulk store: the open head, or sealed once full. */
function groupFragment(prefix: string, third: string, entries: string[], n: number): WordBucketV11 {
  const head = GROUP + third;
  return { prefix, seq: entries.length < HEAD_MAX ? head : `${head}${ENTRY_SEP}v11-${n}`, entries };
}

async function fileInGroups(tx: UpgradeTx): Promise<void> {
  const table = tx.table('wordBuckets') as Table<WordBucketV11, [string, string]>;
  const keys = (await table.toCollection().primaryKeys()) as [string, string][];
  // Whole buckets at a time (keys are in [prefix, seq] order), so each group is written once.
  let n = 0;
  for (let i = 0; i < keys.length; ) {
    let j = Math.min(i + FRAGMENTS_PER_READ, keys.length);
    while (j < keys.length && keys[j]![0] === keys[j - 1]![0]) j++;
    const slice = keys.slice(i, j);
    const fragments = (await table.bulkGet(slice)) as WordBucketV11[];
    const groups = new Map<string, { prefix: string; third: string; entries: string[] }>();
    for (const f of fragments) {
      for (const e of f.entries) {
        const word = e.slice(0, e.indexOf(ENTRY_SEP));
        const third = word.slice(2, 3);
        const id = f.prefix + ENTRY_SEP + third;
        const group = groups.get(id);
        if (group) group.entries.push(e);
        else groups.set(id, { prefix: f.prefix, third, entries: [e] });
      }
    }
    const puts = [...groups.values()].map((g) => groupFragment(g.prefix, g.third, g.entries, n++));
    await table.bulkDelete(slice);
    await table.bulkPut(puts);
    i = j;
  }
}

export const v11: Migration = {
  version: 11,
  stores: {},
  upgrade: (tx) => fileInGroups(tx),
};
