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

async function rowsWithWord(token: string): Promise<DossierRow[]> {
  const db = getDb();
  const ids = await dossiersWithWord(db.wordBuckets, token);
  return (await db.dossiers.bulkGet(ids)).filter((r): r is DossierRow => r !== undefined);
}

async function matchesOf(probe: DuplicateProbe): Promise<DuplicateMatch[]> {
  const out = new Map<string, DuplicateMatch>();
  const inn = taxIdKey(probe.taxId);
  if (inn.length >= 10) {
    for (const r of await rowsWithWord(inn)) {
      if (taxIdKey(r.taxId) === inn) out.set(r.id, { id: r.id, company: r.company, fileKey: r.fileKey, by: 'taxId' });
    }
  }
  const key = companyKey(probe.company);
  const first = key.split(' ')[0];
  if (first) {
    // The index files each company word, so every same-named dossier has the key's first word.
    for (const r of await rowsWithWord(first)) {
      if (!out.has(r.id) && companyKey(r.company) === key) out.set(r.id, { id: r.id, company: r.company, fileKey: r.fileKey, by: 'company' });
    }
  }
  return [...out.values()];
}

/** For each probe, the stored dossiers (active or archived) it may duplicate, in probe order. */
export function findDuplicates(probes: DuplicateProbe[]): Promise<DuplicateMatch[][]> {
  return Promise.all(probes.map(matchesOf));
}
