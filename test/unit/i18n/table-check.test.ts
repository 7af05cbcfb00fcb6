import { describe, expect, it } from 'vitest';
import { checkRomanianDe, checkTable } from './table-check';

/** The checker itself: each kind of drift between the tables is reported, by key. */
describe('string table check', () => {
  const en = { a: 'File', n: { count_one: '{{count}} file', count_other: '{{count}} files' } };
  const ru = { a: 'Файл', n: { count_one: '{{count}} файл', count_few: '{{count}} файла', count_many: '{{count}} файлов', count_other: '{{count}} файла' } };
  const ro = { a: 'Fișier', n: { count_one: '{{count}} fișier', count_few: '{{count}} fișiere', count_other: '{{count}} de fișiere' } };

  it('passes matching tables', () => {
    expect(checkTable('t', { en, ru, ro })).toEqual([]);
    expect(checkRomanianDe('t', ro)).toEqual([]);
  });

  it('lists the keys a language is missing, plural forms included', () => {
    const problems = checkTable('t', { en: { ...en, b: 'New' }, ru, ro: { a: 'Fișier', n: { count_one: '{{count}} fișier', count_other: '{{count}} de fișiere' } } });
    expect(problems).toContain('t: ro is missing 2 key(s): b, n.count_few');
    expect(problems).toContain('t: ru is missing 1 key(s): b');
  });

  it('rejects a plural form the language never selects, an English value, an unknown placeholder and an empty text', () => {
    const problems = checkTable('t', { en, ru, ro: { a: 'File', n: { ...ro.n, count_many: '{{count}} de fișiere', count_one: '{{cnt}} fișier', count_few: ' ' } } });
    expect(problems).toContain('t: ro has plural forms its plural rules never use: n.count_many');
    expect(problems).toContain('t: ro a is the English text "File"');
    expect(problems).toContain('t: ro n.count_one uses {{cnt}} that en does not pass');
    expect(problems).toContain('t: ro n.count_few is empty');
  });

  it('asks for "de" in the Romanian form for 20 and more', () => {
    expect(checkRomanianDe('t', { n: { count_few: '{{count}} fișiere', count_other: '{{count}} fișiere' } })).toHaveLength(1);
  });
});
