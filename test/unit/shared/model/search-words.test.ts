import { describe, expect, it } from 'vitest';
import { matchesAllWords, parseSearchQuery, searchWords } from '../../../../shared/model/search-words';

const dossier = { company: 'ООО «Ромашка Плюс»', taxId: '7707083893', tags: ['Ключевой'], territory: 'Нижний Новгород' };
const contacts = [
  { name: 'Пётр Иванов', phones: ['8 (916) 123-45-67'], emails: ['P.Ivanov@Romashka.ru'] },
  { name: 'Ștefan Popescu', phones: ['0721 234 567'], emails: [] },
];
const words = searchWords(dossier, contacts);

describe('searchWords', () => {
  it('has the company words without the legal form, and the whole name with it', () => {
    expect(words).toEqual(expect.arrayContaining(['ромашка', 'плюс', 'ооо ромашка плюс']));
    expect(words).not.toContain('ооо');
    // Each token is an index entry written with every change: none that another already covers.
    expect(words).not.toContain('ромашка плюс');
    expect(searchWords({ company: 'Ромашка Плюс', taxId: '', tags: [], territory: '' }, [])).toEqual(['ромашка', 'плюс']);
  });

  it('has contact names folded (ё -> е, Romanian diacritics dropped)', () => {
    expect(words).toEqual(expect.arrayContaining(['петр', 'иванов', 'stefan', 'popescu']));
  });

  it('has tax id, phone keys, e-mails', () => {
    expect(words).toEqual(
      expect.arrayContaining(['7707083893', '79161234567', '9161234567', '0721234567', 'p.ivanov@romashka.ru']),
    );
    expect(words).not.toContain('p.ivanov');
  });

  it('has tags and territory, and no duplicates or empty tokens', () => {
    expect(words).toEqual(expect.arrayContaining(['ключевой', 'нижний', 'новгород']));
    expect(new Set(words).size).toBe(words.length);
    expect(words).not.toContain('');
  });

  it('keeps a hyphenated name whole and in parts', () => {
    const w = searchWords({ company: 'АО Альфа-Банк', taxId: '', tags: [], territory: '' }, []);
    expect(w).toEqual(expect.arrayContaining(['альфа-банк', 'альфа', 'банк']));
  });
});

describe('parseSearchQuery', () => {
  it.each([
    ['', { kind: 'empty' }],
    ['   ', { kind: 'empty' }],
    ['8 (916) 123-45-67', { kind: 'digits', token: '9161234567' }],
    ['+7 916', { kind: 'digits', token: '916' }],
    ['8 916 12', { kind: 'digits', token: '91612' }],
    ['79161234567', { kind: 'digits', token: '9161234567' }],
    ['7707083893', { kind: 'digits', token: '7707083893' }],
    ['8601', { kind: 'digits', token: '8601' }],
    ['0721 234', { kind: 'digits', token: '0721234' }],
    ['Ёлка плюс', { kind: 'text', token: 'елка' }],
    ['ООО Ромашка', { kind: 'text', token: 'ромашка' }],
    ['ооо', { kind: 'text', token: 'ооо' }],
  ])('%j', (q, expected) => {
    expect(parseSearchQuery(q)).toEqual(expected);
  });
});

describe('matchesAllWords', () => {
  it('needs every query word to start some token', () => {
    expect(matchesAllWords(words, 'ром плю')).toBe(true);
    expect(matchesAllWords(words, 'ромашка петр')).toBe(true);
    expect(matchesAllWords(words, 'ромашка сидоров')).toBe(false);
  });

  it('matches phones however they are typed', () => {
    expect(matchesAllWords(words, '8 916 123')).toBe(true);
    expect(matchesAllWords(words, '+7 (916) 123-45-67')).toBe(true);
    expect(matchesAllWords(words, '0721')).toBe(true);
    expect(matchesAllWords(words, '8 999')).toBe(false);
  });

  it('matches e-mails and ignores legal forms in the query', () => {
    expect(matchesAllWords(words, 'p.ivanov@rom')).toBe(true);
    expect(matchesAllWords(words, 'p.ivanov')).toBe(true);
    expect(matchesAllWords(words, 'ооо')).toBe(true);
    expect(matchesAllWords(words, 'ООО "Ромашка"')).toBe(true);
    expect(matchesAllWords(words, 'Petr')).toBe(false);
  });
});
