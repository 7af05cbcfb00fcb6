/**
 * Search as the screens run it: inside a live query whose querier is a plain function
 * returning the search's promise (`useLiveQuery(() => searchDossiers(q, n))`). Dexie keeps
 * a live query's subscription, and a read transaction, in a zone such a querier does not
 * extend across native awaits; the direct calls of search.test.ts never see the difference.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { liveQuery } from 'dexie';
import { archiveDossier, updateDossier } from '../../../renderer/data/dossier-repo';
import { findDuplicates } from '../../../renderer/data/duplicates-repo';
import { searchDossiers } from '../../../renderer/data/search-repo';
import { callOn, dossier, freshDb, ME } from './setup-db';

/** Subscribes to `querier` and hands out its results (or its error) one at a time. */
function watch<T>(querier: () => Promise<T>) {
  const values: (T | Error)[] = [];
  let wake: (() => void) | undefined;
  const sub = liveQuery(querier).subscribe({
    next: (v) => (values.push(v), wake?.()),
    error: (e: unknown) => (values.push(e instanceof Error ? e : new Error(String(e))), wake?.()),
  });
  return {
    async next(): Promise<T> {
      while (values.length === 0) await new Promise<void>((r) => (wake = r));
      const v = values.shift()!;
      if (v instanceof Error) throw v;
      return v;
    },
    stop: () => sub.unsubscribe(),
  };
}

/** A binder of two dossiers with phones; returns the id of Romashka LLC (INN 7707083893), filed on 25 November. */
async function twoDossiers(): Promise<string> {
  freshDb();
  const id = await dossier('Romashka LLC', callOn('2026-11-25'), { taxId: '7707083893', contacts: [{ name: 'Ivan', phones: ['+7 916 123-45-67'] }] });
  await dossier('Beta LLC', callOn('2026-11-26'), { contacts: [{ name: 'Olga', phones: ['+7 495 333-22-11'] }] });
  return id;
}

describe('search in a live query', () => {
  it.each(['8 (916) 123 45 67', '45-67', '7707083893', 'romash'])('finds %s, and shows an edit to the found dossier that keeps its words', async (q) => {
    const id = await twoDossiers();
    const live = watch(() => searchDossiers(q, 200));
    expect((await live.next()).map((r) => [r.company, r.fileKey])).toEqual([['Romashka LLC', '2026-11-25']]);
    // Archiving changes the row, not its words: the results follow the row.
    await archiveDossier(id, ME);
    expect((await live.next()).map((r) => [r.company, r.fileKey])).toEqual([['Romashka LLC', undefined]]);
    live.stop();
  });

  it('names the duplicates of a pasted line, and follows the stored dossier', async () => {
    const id = await twoDossiers();
    const live = watch(() => findDuplicates([{ company: 'ООО Romashka', taxId: '' }, { company: 'Gamma SRL', taxId: '7707 083 893' }]));
    const where = (found: Awaited<ReturnType<typeof findDuplicates>>) => found.map((ms) => ms.map((m) => [m.company, m.fileKey, m.by]));
    expect(where(await live.next())).toEqual([[['Romashka LLC', '2026-11-25', 'company']], [['Romashka LLC', '2026-11-25', 'taxId']]]);
    await archiveDossier(id, ME);
    expect(where(await live.next())).toEqual([[['Romashka LLC', undefined, 'company']], [['Romashka LLC', undefined, 'taxId']]]);
    // A rename files new words: the line no longer names it by company.
    await updateDossier(id, { company: 'Omega LLC' }, ME);
    expect(where(await live.next())).toEqual([[], [['Omega LLC', undefined, 'taxId']]]);
    live.stop();
  });
});
