import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { dossiersWithWord, collectWords, fileWords, HEAD_MAX, rebuildSearchIndex, type WordEntries } from '../../../renderer/data/search-index';
import { writePortfolio } from '../../../renderer/data/portfolio-repo';
import { searchDossiers } from '../../../renderer/data/search-repo';
import { generateDemoPortfolio } from '../../../shared/demo/generate-demo-portfolio';
import { dossier as row } from './record-factories';
import { freshDb } from './setup-db';

const file = async (db: ReturnType<typeof freshDb>, rows: { id: string; words: string[] }[]) => {
  const entries: WordEntries = new Map();
  for (const r of rows) collectWords(entries, r);
  await db.transaction('rw', db.wordBuckets, () => fileWords(db.wordBuckets, entries));
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

  it('adds only the words a row did not have, and a rebuild drops the stale ones', async () => {
    const db = freshDb();
    const before = row('Old Name', { words: ['old', 'name'] });
    const after = { ...before, company: 'New Name', words: ['new', 'name'] };
    await file(db, [before]);
    const entries: WordEntries = new Map();
    collectWords(entries, after, before);
    expect([...entries.values()].flat()).toEqual([`new\u0001${before.id}`]);
    await db.transaction('rw', db.wordBuckets, () => fileWords(db.wordBuckets, entries));
    await db.dossiers.put(after);
    // The stale entry still names the dossier; search checks the row and does not show it.
    expect(await dossiersWithWord(db.wordBuckets, 'old')).toEqual([before.id]);
    expect(await searchDossiers('old')).toEqual([]);
    await db.transaction('rw', db.dossiers, db.wordBuckets, () => rebuildSearchIndex(db.dossiers, db.wordBuckets));
    expect(await dossiersWithWord(db.wordBuckets, 'old')).toEqual([]);
    expect(await dossiersWithWord(db.wordBuckets, 'new')).toEqual([before.id]);
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
