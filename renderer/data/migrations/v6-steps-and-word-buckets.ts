/**
 * Schema version 6: the search words move from a multiEntry index (an entry per word per
 * dossier) to word buckets; the steps join the papers, which get an index of their open
 * folders; the status index goes (an active dossier is one with a fileKey). Version 7
 * drops the steps table.
 */
import type { Table } from 'dexie';
import { fileIntoPapers, recordsOfKind } from './file-into-papers';
import type { Migration } from './migration';
import type { UpgradeTx } from './raw-tables';

interface DossierRowV6 {
  id: string;
  words: string[];
}
interface WordBucketV6 {
  prefix: string;
  seq: string;
  entries: string[];
}

/** Entries an open head holds before it is sealed. */
const HEAD_MAX = 100;
const SEP = '\u0001';
const RANGE = 10_000;

/**
 * Every row's words filed as entries "word\u0001dossierId" in buckets named by the word's
 * first two characters: a bucket's head (seq '') holds fewer than HEAD_MAX entries, a
 * fuller one is stored as a sealed fragment under a unique seq.
 */
async function buildWordBuckets(tx: UpgradeTx): Promise<void> {
  const dossiers = tx.table('dossiers') as Table<DossierRowV6, string>;
  const buckets = tx.table('wordBuckets') as Table<WordBucketV6, [string, string]>;
  let sealedSeq = 0;
  await buckets.clear();
  const ids = (await dossiers.toCollection().primaryKeys()) as string[];
  for (let i = 0; i < ids.length; i += RANGE) {
    const entries = new Map<string, string[]>();
    for (const row of await dossiers.bulkGet(ids.slice(i, i + RANGE))) {
      for (const word of row?.words ?? []) {
        const prefix = word.slice(0, 2);
        let list = entries.get(prefix);
        if (!list) entries.set(prefix, (list = []));
        list.push(word + SEP + row!.id);
      }
    }
    const prefixes = [...entries.keys()];
    const heads = await buckets.bulkGet(prefixes.map((p): [string, string] => [p, '']));
    const puts: WordBucketV6[] = [];
    const sealed: [string, string][] = [];
    prefixes.forEach((prefix, j) => {
      const all = (heads[j]?.entries ?? []).concat(entries.get(prefix)!);
      if (all.length < HEAD_MAX) puts.push({ prefix, seq: '', entries: all });
      else {
        // Any seq but '' names a sealed fragment; 'v6-' never collides with the app's UUIDs.
        puts.push({ prefix, seq: `v6-${String(++sealedSeq).padStart(8, '0')}`, entries: all });
        if (heads[j]) sealed.push([prefix, '']);
      }
    });
    await Promise.all([buckets.bulkPut(puts), buckets.bulkDelete(sealed)]);
  }
}

export const v6: Migration = {
  version: 6,
  stores: { dossiers: 'id, fileKey, owner, company, updatedAt, lastContactAt', papers: 'dossierId, *openKeys', wordBuckets: '[prefix+seq]' },
  async upgrade(tx) {
    await fileIntoPapers(tx, [recordsOfKind('steps', 'steps')]);
    await buildWordBuckets(tx);
  },
};
