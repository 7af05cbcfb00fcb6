import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dossiersWithWord, collectWords, entriesWithWord, firstEntries, firstIdsInOrder, idsInWordOrder, storeWordEntries, storedWordEntries, FIRST_IDS, HEAD_MAX, type WordEntries } from '../../../renderer/data/search-index';
import { readPortfolio, writePortfolio } from '../../../renderer/data/portfolio-repo';
import { searchDossiers } from '../../../renderer/data/search-repo';
import { generateDemoPortfolio } from '../../../shared/demo/generate-demo-portfolio';
import { emptyPortfolio, type Portfolio } from '../../../shared/model/records';
import { deleteContact, getDossierView, updateDossier } from '../../../renderer/data/dossier-repo';
import { undoLast } from '../../../renderer/data/refile';
import { dossier as row, step } from './record-factories';
import { callOn, dossier, freshDb, ME } from './setup-db';

/** `n` filed dossiers named "Старт N": a busy bucket under 'ст'. */
function fillers(n: number): Pick<Portfolio, 'dossiers' | 'steps'> {
  const dossiers = Array.from({ length: n }, (_, i) => row(`Старт ${i}`));
  return { dossiers, steps: dossiers.map((d) => step(d.id, { date: '2026-11-26' })) };
}

const file = async (db: ReturnType<typeof freshDb>, rows: { id: string; words: string[] }[]) => {
  const entries: WordEntries = new Map();
  for (const r of rows) collectWords(entries, r);
  await db.transaction('rw', db.wordBuckets, () => storeWordEntries(db.wordBuckets, entries));
};

describe('the search index', () => {
  it('finds every dossier under a prefix while a busy bucket grows past its head, change by change', async () => {
    const db = freshDb();
    const ids: string[] = [];
    // One small change at a time, as a user's edits come: the head is sealed when full.
    for (let i = 0; i < HEAD_MAX * 2.5; i++) {
      const id = `d${String(i).padStart(4, '0')}`;
      ids.push(id);
      await file(db, [{ id, words: [`иван${i}`, 'петров'] }]);
    }
    expect(await dossiersWithWord(db.wordBuckets, 'иван')).toHaveLength(ids.length);
    expect(new Set(await dossiersWithWord(db.wordBuckets, 'пет'))).toEqual(new Set(ids));
    expect(await dossiersWithWord(db.wordBuckets, 'иван12')).toEqual(
      ids.filter((_, i) => String(i).startsWith('12')),
    );
    // A change rewrites the open head only: no stored value grows much past HEAD_MAX entries.
    const fragments = await db.wordBuckets.toArray();
    expect(Math.max(...fragments.map((f) => f.entries.length))).toBeLessThanOrEqual(HEAD_MAX);
    expect(fragments.filter((f) => f.prefix === 'ив').length).toBeGreaterThan(2);
  });

  it('reads every bucket a one-letter query begins, and only those', async () => {
    const db = freshDb();
    await file(db, [
      { id: 'a', words: ['alfa', 'a'] },
      { id: 'b', words: ['beta', 'ab'] },
      { id: 'c', words: ['gamma'] },
    ]);
    expect(new Set(await dossiersWithWord(db.wordBuckets, 'a'))).toEqual(new Set(['a', 'b']));
    expect(await dossiersWithWord(db.wordBuckets, 'g')).toEqual(['c']);
    expect(await dossiersWithWord(db.wordBuckets, 'gax')).toEqual([]);
    expect(await dossiersWithWord(db.wordBuckets, '')).toEqual([]);
  });

  it('forgets the words a dossier loses: a rename, a removed contact, an undone creation, an import that renames', async () => {
    const db = freshDb();
    // Enough other dossiers under the same prefixes that the old words sit in sealed fragments.
    await writePortfolio({ ...emptyPortfolio(), ...fillers(HEAD_MAX * 2) });
    const id = await dossier('Старое Имя', callOn('2026-11-24'), { contacts: [{ name: 'Ольга Смирнова' }] });
    const entries = async (word: string) => (await db.wordBuckets.toArray()).flatMap((f) => f.entries).filter((e) => e === `${word}\u0001${id}`);
    expect(await entries('старое')).toHaveLength(1);

    await updateDossier(id, { company: 'Новое Имя' }, ME);
    expect(await entries('старое')).toEqual([]);
    expect(await entries('новое')).toHaveLength(1);
    expect(await entries('имя')).toHaveLength(1);

    const view = (await getDossierView(id))!;
    await deleteContact(id, view.contacts[0]!.id, ME);
    expect(await entries('ольга')).toEqual([]);

    // A bulk import that renames the dossier.
    const stored = (await readPortfolio({ kind: 'all' })).dossiers.find((d) => d.id === id)!;
    await writePortfolio({ ...emptyPortfolio(), dossiers: [{ ...stored, company: 'Третье Имя' }] });
    expect(await entries('новое')).toEqual([]);
    expect(await entries('третье')).toHaveLength(1);

    // Creating a dossier and undoing it leaves none of its words behind.
    const temp = await dossier('Временная Фирма', callOn('2026-11-25'));
    expect(await dossiersWithWord(db.wordBuckets, 'временная')).toEqual([temp]);
    await undoLast();
    expect(await dossiersWithWord(db.wordBuckets, 'временная')).toEqual([]);
    // Other dossiers under the same prefixes are all still found.
    expect(await dossiersWithWord(db.wordBuckets, 'ст')).toHaveLength(HEAD_MAX * 2);
  });

  it('makes every dossier of a bulk write findable, inside a caller\'s transaction or chunk by chunk', async () => {
    const portfolio = generateDemoPortfolio({ dossiers: 1200, historyPerDossier: 0, today: '2026-11-24', seed: 3 });
    const probe = portfolio.dossiers[1100]!;
    const word = probe.company.replace(/^\S+\s+/, '').split(/\s/)[0]!.replace(/[«»"]/g, '');
    for (const nested of [false, true]) {
      const db = freshDb();
      if (nested) await db.transaction('rw', db.tables, () => writePortfolio(portfolio));
      else await writePortfolio(portfolio);
      expect((await searchDossiers(word, 5000)).map((r) => r.id)).toContain(probe.id);
      expect(await db.dossiers.count()).toBe(1200);
    }
  });
});

describe('the search index over a binder filed before groups', () => {
  // Words over a tiny alphabet: many share a bucket, a group, or are shorter than three characters.
  const word = fc.stringMatching(/^[мет1]{1,4}$/);
  const layout = fc.constantFrom('grouped', 'legacy head', 'legacy sealed', 'v6 sealed');
  const filed = fc.tuple(word, fc.integer({ min: 0, max: 12 }), layout, fc.boolean());

  it('finds exactly the entries under any prefix, and drops stale ones, whichever layout holds them', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(filed, { maxLength: 150 }), fc.array(fc.stringMatching(/^[мет1]{1,4}$/), { minLength: 1, maxLength: 6 }), async (items, tokens) => {
        const db = freshDb();
        // What an older binder holds: a head with seq '' and sealed fragments named by an id, per bucket.
        const legacy = new Map<string, { prefix: string; seq: string; entries: string[] }>();
        const grouped: WordEntries = new Map();
        const stale: WordEntries = new Map();
        for (const [w, id, where, drop] of items) {
          const e = `${w}\u0001d${id}`;
          if (where === 'grouped') collectWords(grouped, { id: `d${id}`, words: [w] });
          else {
            const seq = where === 'legacy head' ? '' : where === 'v6 sealed' ? 'v6-00000001' : '9f1c2b7e-0000-4000-8000-000000000000';
            const key = `${w.slice(0, 2)}|${seq}`;
            if (!legacy.has(key)) legacy.set(key, { prefix: w.slice(0, 2), seq, entries: [] });
            legacy.get(key)!.entries.push(e);
          }
          if (drop) collectWords(stale, { id: `d${id}`, words: [w] });
        }
        await db.wordBuckets.bulkPut([...legacy.values()]);
        await db.transaction('rw', db.wordBuckets, () => storeWordEntries(db.wordBuckets, grouped));
        await db.transaction('rw', db.wordBuckets, () => storeWordEntries(db.wordBuckets, new Map(), stale));

        const gone = new Set([...stale.values()].flat());
        const kept = items.map(([w, id]) => `${w}\u0001d${id}`).filter((e) => !gone.has(e)).sort();
        expect(await storedWordEntries(db.wordBuckets)).toEqual(kept);
        for (const t of tokens) expect((await entriesWithWord(db.wordBuckets, t)).sort()).toEqual(kept.filter((e) => e.startsWith(t)));
      }),
      { numRuns: 60 },
    );
  });
});

describe("a group's first entries", () => {
  const GROUPS = ['мее', 'мет', 'ме1'];
  const word = fc.stringMatching(/^ме[ет1][ет1]?$/);
  const entry = fc.tuple(word, fc.integer({ min: 0, max: 120 })).map(([w, id]) => `${w}\u0001d${id}`);
  // How older binders hold a group: legacy fragments of the bucket, grouped heads without `first`, grouped sealed fragments.
  const layout = fc.constantFrom('', '9f1c2b7e-0000-4000-8000-000000000000', 'head', 'sealed');
  const step = fc.oneof(fc.record({ add: fc.array(entry, { maxLength: 90 }) }), fc.record({ drop: fc.array(fc.nat(), { maxLength: 30 }) }));
  const reference = (entries: string[], count: number) => [...new Set([...entries].sort().map((e) => e.slice(e.indexOf('\u0001') + 1)))].slice(0, count);

  it('answer a three-letter query exactly as the whole group would, through adds, seals and drops, from any older layout', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(entry, layout), { maxLength: 150 }), fc.array(step, { minLength: 1, maxLength: 12 }), async (older, steps) => {
        const db = freshDb();
        let kept = [...new Set(older.map(([e]) => e))];
        const stored = new Map<string, { prefix: string; seq: string; entries: string[] }>();
        const seen = new Set<string>();
        for (const [e, where] of older) {
          if (seen.has(e)) continue;
          seen.add(e);
          const third = e[2]!;
          const seq = where === 'head' ? `\u0002${third}` : where === 'sealed' ? `\u0002${third}\u0001old` : where;
          if (!stored.has(seq)) stored.set(seq, { prefix: 'ме', seq, entries: [] });
          stored.get(seq)!.entries.push(e);
        }
        await db.wordBuckets.bulkPut([...stored.values()]);
        for (const s of steps) {
          if ('add' in s) {
            const fresh = [...new Set(s.add)].filter((e) => !kept.includes(e));
            const entries: WordEntries = new Map();
            for (const e of fresh) entries.set(e.slice(0, 3), [...(entries.get(e.slice(0, 3)) ?? []), e]);
            await db.transaction('rw', db.wordBuckets, () => storeWordEntries(db.wordBuckets, entries));
            kept = kept.concat(fresh);
          } else {
            const gone = [...new Set(s.drop.map((i) => kept[i % Math.max(1, kept.length)]).filter((e) => e !== undefined))];
            const stale: WordEntries = new Map();
            for (const e of gone) stale.set(e.slice(0, 3), [...(stale.get(e.slice(0, 3)) ?? []), e]);
            await db.transaction('rw', db.wordBuckets, () => storeWordEntries(db.wordBuckets, new Map(), stale));
            kept = kept.filter((e) => !gone.includes(e));
          }
          expect(await storedWordEntries(db.wordBuckets)).toEqual([...kept].sort());
          for (const key of GROUPS) {
            const group = kept.filter((e) => e.startsWith(key));
            const idsUpTo = idsInWordOrder(db.wordBuckets, key);
            for (const count of [1, 50, FIRST_IDS, FIRST_IDS + 1, Infinity]) {
              expect(await db.transaction('r', db.wordBuckets, () => idsUpTo(count))).toEqual(reference(group, count));
            }
            // The head's first, once kept, is what a rebuild from the group's entries makes.
            const head = await db.wordBuckets.get(['ме', `\u0002${key[2]}`]);
            if (head?.first) expect(head.first).toEqual(firstEntries(group));
          }
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe('firstIdsInOrder', () => {
  /** What search handed on before: every entry sorted, each id at its first place. */
  const reference = (entries: string[]) => [...new Set([...entries].sort().map((e) => e.slice(e.indexOf('\u0001') + 1)))];
  // Short words over a tiny alphabet and few ids: many ties, a dossier with several words under one prefix, repeated entries.
  const entry = fc.tuple(fc.stringMatching(/^[мея]{1,4}$/), fc.integer({ min: 0, max: 40 })).map(([w, id]) => `ме${w}\u0001d${id}`);

  it('hands out exactly the prefix of the fully sorted ids, for any count and any sequence of counts', () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 400 }), fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 4 }), (entries, counts) => {
        const all = reference(entries);
        const idsUpTo = firstIdsInOrder(entries);
        for (const count of counts) expect(idsUpTo(count)).toEqual(all.slice(0, count));
        expect(idsUpTo(Infinity)).toEqual(all);
      }),
      { numRuns: 500 },
    );
  });

  it('finds the first ids of a bucket far larger than the count asked for', () => {
    const entries = Array.from({ length: 5000 }, (_, i) => `мет${(i * 7919) % 5000}\u0001d${(i * 31) % 1200}`);
    expect(firstIdsInOrder(entries)(50)).toEqual(reference(entries).slice(0, 50));
  });
});
