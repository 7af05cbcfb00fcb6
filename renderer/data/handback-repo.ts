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

/** Called by the bulk writer: remembers the covered dossiers a portfolio brings in. */
export async function noteCovered(db: TicklerDb, dossiers: readonly Pick<Dossier, 'id' | 'coveredFor'>[]): Promise<void> {
  const covered = dossiers.filter((d) => d.coveredFor).map((d) => d.id);
  if (covered.length === 0) return;
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
