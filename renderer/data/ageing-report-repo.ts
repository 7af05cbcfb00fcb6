/** The ageing report's data: every open invoice of the index, per client and currency, with the dossier's company. */
import type { WorkCalendar } from '../../shared/dates/working-days';
import { ageingByClient, type ClientAgeing } from '../../shared/receivables/ageing-by-client';
import { getDb } from './db';

export interface AgeingReportRow extends ClientAgeing {
  company: string;
  taxId: string;
  owner: string;
}

/** Largest total first within each currency, roubles first. Reads the whole index: a report, not a screen. */
export async function getAgeingReport(today: string, cal: WorkCalendar): Promise<AgeingReportRow[]> {
  const db = getDb();
  const groups = ageingByClient(await db.receivables.toArray(), today, cal);
  const dossiers = await db.dossiers.bulkGet([...new Set(groups.map((g) => g.dossierId))]);
  const byId = new Map(dossiers.filter((d) => d !== undefined).map((d) => [d.id, d]));
  const order = (c: string) => (c === 'RUB' ? '' : c);
  return groups
    .map((g) => {
      const d = byId.get(g.dossierId);
      return { ...g, company: d?.company ?? '', taxId: d?.taxId ?? '', owner: d?.owner ?? '' };
    })
    .sort((a, b) => order(a.currency).localeCompare(order(b.currency)) || b.total - a.total || a.company.localeCompare(b.company));
}
