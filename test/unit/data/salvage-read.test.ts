import { describe, expect, it } from 'vitest';
import { callOn, dossier, freshDb } from './setup-db';
import { salvageRead } from '../../../renderer/data/salvage-read';

describe('salvageRead', () => {
  it('reads every record that passes its schema and counts the damaged values it skips', async () => {
    const db = freshDb();
    const a = await dossier('Alfa', callOn('2026-11-25'));
    await dossier('Beta', callOn('2026-11-26'));
    await dossier('Gamma', callOn('2026-11-27'));
    // A damaged stored value: the dossier row loses its company, its papers a step.
    const row = (await db.dossiers.get(a))!;
    await db.dossiers.put({ ...row, company: 42 as unknown as string });
    db.close();
    const { portfolio, skipped } = await salvageRead(db.name);
    expect(portfolio.dossiers.map((d) => d.company).sort()).toEqual(['Beta', 'Gamma']);
    expect(portfolio.steps).toHaveLength(3);
    expect(skipped).toBe(1);
  });
});
