import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { MENU_LABELS } from '../../../electron/menu';
import * as common from '../../../renderer/ui/i18n/common';
import { RECORD_SHEETS, HOLIDAY_SHEET, META_SHEET, OVERFLOW_SHEET, headerKey, namesOf } from '../../../shared/workbook/columns';
import { issueMessage, type IssueCode } from '../../../shared/workbook/issues';
import { checkRomanianDe, checkTable, LANGS, SAME_AS_ENGLISH, type Lang } from './table-check';

const features = import.meta.glob<Partial<Record<Lang, object>>>('../../../renderer/features/*/i18n.ts', { eager: true });
const tables: [string, Partial<Record<Lang, object>>][] = [
  ['common (renderer/ui/i18n/common.ts)', common],
  ...Object.entries(features).map(([path, mod]): [string, Partial<Record<Lang, object>>] => [`${path.split('/').at(-2)} (${path.replace(/^(\.\.\/)+/, '')})`, mod]),
  ['menu (electron/menu.ts)', MENU_LABELS],
];

describe('string tables', () => {
  it('finds every feature table', () => {
    expect(Object.keys(features).length).toBeGreaterThanOrEqual(10);
  });

  it.each(tables)('%s: en, ru and ro have the same keys, the plural forms each language needs, and translated values', (name, mod) => {
    const problems = [...checkTable(name, mod), ...(mod.ro ? checkRomanianDe(name, mod.ro) : [])];
    // One line per problem, naming the language and the missing keys, for whoever adds the texts.
    expect(problems.join('\n')).toBe('');
  });

  it('workbook sheets and columns have a Romanian name, different headers never collide on import', () => {
    const problems: string[] = [];
    for (const spec of [...RECORD_SHEETS, META_SHEET, HOLIDAY_SHEET, OVERFLOW_SHEET]) {
      if (!spec.ro.trim()) problems.push(`sheet ${spec.en}: no ro name`);
    }
    for (const spec of RECORD_SHEETS) {
      const fieldOf = new Map<string, string>();
      for (const col of spec.columns) {
        if (!col.ro.trim()) problems.push(`${spec.en}.${col.field}: no ro header`);
        if (col.ro === col.en && !SAME_AS_ENGLISH.has(col.ro) && col.ro !== 'Segment') problems.push(`${spec.en}.${col.field}: ro header is the English "${col.en}"`);
        for (const name of namesOf(col)) {
          const other = fieldOf.get(headerKey(name));
          if (other && other !== col.field) problems.push(`${spec.en}: header "${name}" names both ${other} and ${col.field}`);
          fieldOf.set(headerKey(name), col.field);
        }
      }
    }
    expect(problems.join('\n')).toBe('');
  });

  it('every workbook problem has a Romanian message', () => {
    const codes: IssueCode[] = ['not-a-workbook', 'bad-date', 'required', 'bad-tax-id', 'count-mismatch', 'orphan-record'];
    const params = { value: '31.02.2026', header: 'Firmă', reason: 'checksum', expected: 3, actual: 4, dossierId: 'x' };
    for (const code of codes) {
      const ro = issueMessage({ code, params }, 'ro');
      expect(ro).not.toBe(issueMessage({ code, params }, 'en'));
      expect(ro).not.toBe(issueMessage({ code, params }, 'ru'));
    }
    expect(issueMessage({ code: 'bad-tax-id', params: { value: '1', reason: 'checksum' } }, 'ro')).toContain('cifra de control');
  });
});

describe('Romanian plurals through i18next', () => {
  const binder = features['../../../renderer/features/binder/i18n.ts']!;
  const t = async () => {
    const i = i18next.createInstance();
    await i.init({ lng: 'ro', resources: { ro: { common: common.ro, binder: binder.ro! } }, defaultNS: 'common', interpolation: { escapeValue: false } });
    return i.t;
  };

  it.each([
    [1, '1 dosar'],
    [2, '2 dosare'],
    [19, '19 dosare'],
    [20, '20 de dosare'],
    [21, '21 de dosare'],
    [101, '101 dosare'],
    [120, '120 de dosare'],
  ])('%i -> %s', async (count, text) => {
    const tr = await t();
    expect(tr('folderCount', { ns: 'binder', count })).toBe(text);
  });

  it.each([
    [1, 'întârziat de 1 zi'],
    [2, 'întârziat de 2 zile'],
    [19, 'întârziat de 19 zile'],
    [20, 'întârziat de 20 de zile'],
    [21, 'întârziat de 21 de zile'],
    [101, 'întârziat de 101 zile'],
  ])('overdue by %i day(s) -> %s', async (count, text) => {
    const tr = await t();
    expect(tr('row.overdue', { count })).toBe(text);
  });

  it('every language table is checked against its own plural rules', () => {
    expect(LANGS).toEqual(['en', 'ru', 'ro']);
    expect(new Intl.PluralRules('ro').resolvedOptions().pluralCategories.sort()).toEqual(['few', 'one', 'other']);
  });
});
