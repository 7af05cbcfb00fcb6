/** A fresh fake-indexeddb database per test, wired in as the app's database. */
import 'fake-indexeddb/auto';
import { createDb, setDb, type TicklerDb } from '../../../renderer/data/db';
import { createDossier } from '../../../renderer/data/dossier-repo';
import type { NewDossierInput, NextPlan } from '../../../renderer/data/types';

let n = 0;

export function freshDb(): TicklerDb {
  const db = createDb(`test-data-${process.pid}-${n++}`);
  setDb(db);
  return db;
}

export const ME = 'Анна';

export const callOn = (date: string, extra: Partial<NextPlan> = {}): NextPlan => ({ date, kind: 'call', ...extra }) as NextPlan;

export function dossier(company: string, next: NextPlan, extra: Partial<NewDossierInput> = {}): Promise<string> {
  return createDossier({ company, next, ...extra }, ME);
}
