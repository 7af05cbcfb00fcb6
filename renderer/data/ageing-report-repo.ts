/** The ageing report's data: every open invoice of the index, per client and currency, with the dossier's company. */
import type { WorkCalendar } from '../../shared/dates/working-days';
import { ageingByClient, type ClientAgeing } from '../../shared/receivables/ageing-by-client';
import { getDb } from './db';
import { dossiersOfRows } from './receivables-index';

export interface AgeingReportRow extends ClientAgeing {
  company: string;
  taxId: string;
  owner: string;
}

/** Largest total first within each currency, roubles first. Reads the whole index: a report, not a screen. */
export async function getAgeingReport(today: string, cal: WorkCalendar): Promise<AgeingReportRow[]> {
  const db = getDb();
  const rows = await db.receivables.toArray();
  const groups = ageingByClient(rows, today, cal);
  const byId = await dossiersOfRows(db.dossiers, rows);
  const order = (c: string) => (c === 'RUB' ? '' : c);
  return groups
    .map((g) => {
      const d = byId.get(g.dossierId);
      return { ...g, company: d?.company ?? '', taxId: d?.taxId ?? '', owner: d?.owner ?? '' };
    })
    .sort((a, b) => order(a.currency).localeCompare(order(b.currency)) || b.total - a.total || a.company.localeCompare(b.company));
}
