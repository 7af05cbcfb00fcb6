/**
 * Dossiers a new client may already be: the same company (its name folded, legal forms
 * dropped: companyKey) or the same tax id. Found through the search index, one bucket read
 * per probe, so checking a pasted list of 20 stays fast in a binder of 100,000.
 */
import { companyKey, taxIdKey } from '../../shared/model/company-key';
import { getDb, type DossierRow } from './db';
import { dossiersWithWord } from './search-index';

export interface DuplicateProbe {
  company: string;
  taxId: string;
}

export interface DuplicateMatch {
  id: string;
  company: string;
  /** Where it is filed; undefined when archived. */
  fileKey?: string;
  /** What the two share. */
  by: 'company' | 'taxId';
}

/** Chained on Dexie's promises, with no native await before the row read: see scanMatches in search-repo.ts. */
function rowsWithWord(token: string): Promise<DossierRow[]> {
  const db = getDb();
  return dossiersWithWord(db.wordBuckets, token)
    .then((ids) => db.dossiers.bulkGet(ids))
    .then((rows) => rows.filter((r): r is DossierRow => r !== undefined));
}

async function matchesOf(probe: DuplicateProbe): Promise<DuplicateMatch[]> {
  const inn = taxIdKey(probe.taxId);
  const key = companyKey(probe.company);
  const first = key.split(' ')[0];
  // Both reads start before any await, in the caller's live query (the paste review's).
  // The index files each company word, so every same-named dossier has the key's first word.
  const [byInn, byName] = await Promise.all([inn.length >= 10 ? rowsWithWord(inn) : [], first ? rowsWithWord(first) : []]);
  const out = new Map<string, DuplicateMatch>();
  for (const r of byInn) {
    if (taxIdKey(r.taxId) === inn) out.set(r.id, { id: r.id, company: r.company, fileKey: r.fileKey, by: 'taxId' });
  }
  for (const r of byName) {
    if (!out.has(r.id) && companyKey(r.company) === key) out.set(r.id, { id: r.id, company: r.company, fileKey: r.fileKey, by: 'company' });
  }
  return [...out.values()];
}

/** For each probe, the stored dossiers (active or archived) it may duplicate, in probe order. */
export function findDuplicates(probes: DuplicateProbe[]): Promise<DuplicateMatch[][]> {
  return Promise.all(probes.map(matchesOf));
}
