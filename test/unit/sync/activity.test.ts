import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { logAndRefile } from '../../../renderer/data/refile';
import { activityBetween } from '../../../renderer/data/sync-repo';
import { callOn, dossier, freshDb, ME } from '../data/setup-db';

async function logCall(id: string, at: string, summary: string): Promise<void> {
  await logAndRefile({ dossierId: id, entry: { kind: 'call', outcome: 'reached', summary, at }, next: callOn('2026-12-10') }, ME);
}

describe('activity for a period', () => {
  it('lists the calls logged in the period with their companies, and no others', async () => {
    freshDb();
    const alfa = await dossier('Альфа', callOn('2026-11-24'));
    const beta = await dossier('Бета', callOn('2026-11-24'));
    await dossier('Гамма (never called)', callOn('2026-11-24'));
    await logCall(alfa, '2026-11-02T09:00:00.000Z', 'before');
    await logCall(alfa, '2026-11-10T09:00:00.000Z', 'alfa in');
    await logCall(beta, '2026-11-12T15:00:00.000Z', 'beta in');
    await logCall(beta, '2026-11-20T09:00:00.000Z', 'after');
    // The report widens the bounds by a day each side (time zones); the caller keeps the local days.
    const found = await activityBetween('2026-11-09', '2026-11-13');
    expect(found.map((f) => [f.company, f.entry.summary]).sort()).toEqual([['Альфа', 'alfa in'], ['Бета', 'beta in']]);
  });
});
