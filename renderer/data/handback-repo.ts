/**
 * The colleague's side of a handover's end: which covered dossiers are due to go back (for
 * Today's card and the daily notification) and which were handed back already. The binder
 * keeps the ids of the covered dossiers it received in kv ('handover.covered', written by
 * the bulk writer every import goes through), so Today reads a few rows, never the table.
 */
import { handBacksDue } from '../../shared/portfolio/handover';
import type { Dossier } from '../../shared/model/records';
import { getDb } from './db';
import { getKv, putKv } from './kv-keys';
import type { TicklerDb } from './stored-rows';

export interface HandBackDue {
  /** The manager on leave the dossiers go back to. */
  owner: string;
  /** The cover's last day. */
  ended: string;
  ids: string[];
}

/** The dossiers of a portfolio received to cover for someone (the bulk writer remembers them). */
export function coveredIds(dossiers: readonly Pick<Dossier, 'id' | 'coveredFor'>[]): string[] {
  return dossiers.filter((d) => d.coveredFor).map((d) => d.id);
}

/**
 * Remembers dossiers received to cover. Called only with some: inside a caller's
 * transaction, awaiting an async function that issues no database request resumes
 * outside Dexie's zone and the transaction commits early (PrematureCommitError).
 */
export async function noteCovered(db: TicklerDb, covered: readonly string[]): Promise<void> {
  const known = (await getKv(db, 'handover.covered')) ?? [];
  await putKv(db, 'handover.covered', [...new Set([...known, ...covered])]);
}

/** Hand-backs due today, one per manager on leave, leaving out the dossiers already handed back. */
export async function getHandBacksDue(today: string): Promise<HandBackDue[]> {
  const db = getDb();
  const [ids, sent] = await Promise.all([getKv(db, 'handover.covered'), getKv(db, 'handover.handedBack')]);
  if (!ids?.length) return [];
  const rows = (await db.dossiers.bulkGet(ids)).filter((r) => r !== undefined);
  // A dossier handed back once and covered again (a later leave) is due again.
  return handBacksDue(rows.filter((r) => sent?.[r.id] !== r.coveredUntil), today);
}

/** After the hand-back workbook is saved: these dossiers no longer call for a hand-back. */
export async function markHandedBack(dossiers: readonly Pick<Dossier, 'id' | 'coveredUntil'>[]): Promise<void> {
  const db = getDb();
  await db.transaction('rw', db.kv, async () => {
    const sent = (await getKv(db, 'handover.handedBack')) ?? {};
    for (const d of dossiers) sent[d.id] = d.coveredUntil;
    await putKv(db, 'handover.handedBack', sent);
  });
}
