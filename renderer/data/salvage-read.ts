/**
 * Reads whatever can still be read from a database the app cannot open (an upgrade that
 * failed, a schema it does not know): opened without a schema, at whatever version it is
 * stored, table by table and value by value, keeping each record that passes its schema.
 * The recovery screen exports the result, so the manager has the data before deciding.
 */
import Dexie from 'dexie';
import { z } from 'zod';
import { contactSchema, dossierSchema, historySchema, invoiceSchema, paymentSchema, stepSchema, type Portfolio } from '../../shared/model/records';
import { getDb } from './db';
import { baseDossier } from './derive-row';

export interface SalvageResult {
  portfolio: Portfolio;
  /** Values that could not be read as records. */
  skipped: number;
}

type Lists = Omit<Portfolio, 'holidays' | 'extraWorkingDays'>;
const SCHEMAS: { [K in keyof Lists]: z.ZodType<Lists[K][number]> } = {
  dossiers: dossierSchema,
  contacts: contactSchema,
  history: historySchema,
  steps: stepSchema,
  invoices: invoiceSchema,
  payments: paymentSchema,
};

export async function salvageRead(name = getDb().name): Promise<SalvageResult> {
  const db = new Dexie(name);
  await db.open();
  const out: Lists = { dossiers: [], contacts: [], history: [], steps: [], invoices: [], payments: [] };
  let skipped = 0;
  const keep = <K extends keyof Lists>(kind: K, value: unknown) => {
    const parsed = SCHEMAS[kind].safeParse(kind === 'dossiers' && value && typeof value === 'object' ? baseDossier(value as Lists['dossiers'][number]) : value);
    if (parsed.success) (out[kind] as unknown[]).push(parsed.data);
    else skipped++;
  };
  const each = async (table: string, visit: (value: unknown) => void) => {
    if (!db.tables.some((t) => t.name === table)) return;
    try {
      await db.table(table).each((v: unknown) => visit(v));
    } catch {
      // A table that cannot be walked to the end gives what it gave before failing.
      skipped++;
    }
  };
  const listsIn = (v: unknown, field: string): unknown[] => {
    const list = v && typeof v === 'object' ? (v as Record<string, unknown>)[field] : undefined;
    return Array.isArray(list) ? list : [];
  };
  try {
    await each('dossiers', (v) => keep('dossiers', v));
    // Version 4 onwards: one papers value per dossier.
    await each('papers', (v) => {
      for (const c of listsIn(v, 'contacts')) keep('contacts', c);
      for (const i of listsIn(v, 'invoices')) keep('invoices', i);
      for (const i of listsIn(v, 'payments')) keep('payments', i);
      for (const s of listsIn(v, 'steps')) keep('steps', s);
      for (const h of listsIn(v, 'history')) keep('history', h);
    });
    // Older versions: a table per kind, the history as entries (v1) or logs (v2-3).
    await each('contacts', (v) => keep('contacts', v));
    await each('invoices', (v) => keep('invoices', v));
    await each('steps', (v) => keep('steps', v));
    await each('history', (v) => keep('history', v));
    await each('historyLogs', (v) => listsIn(v, 'entries').forEach((h) => keep('history', h)));
  } finally {
    db.close();
  }
  return { portfolio: { ...out, holidays: [] }, skipped };
}
