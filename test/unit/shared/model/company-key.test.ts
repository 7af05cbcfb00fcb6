import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { companyKey, taxIdKey } from '../../../../shared/model/company-key';

describe('companyKey', () => {
  it('is one key for one company however its name was typed', () => {
    const key = companyKey('ООО «Ромашка Плюс»');
    expect(key).toBe('ромашка плюс');
    for (const typed of ['Ромашка плюс ООО', 'ромашка  ПЛЮС', 'Общество с ограниченной ответственностью "Ромашка Плюс"', 'ООО Ромашка-Плюс']) {
      expect(companyKey(typed)).toBe(key);
    }
    expect(companyKey('Agro-Ţară SRL')).toBe(companyKey('AGRO TARA S.R.L.'.replace('S.R.L.', 'SRL')));
  });

  it('tells different companies apart', () => {
    expect(companyKey('ООО Ромашка')).not.toBe(companyKey('ООО Ромашка-Юг'));
    expect(companyKey('ПАО ВостокАгро')).not.toBe(companyKey('ЗАО ВостокАгроТрейд'));
  });

  it('is empty for a name made of legal forms only', () => {
    expect(companyKey('ООО')).toBe('');
    expect(companyKey(' «» ')).toBe('');
  });

  it('ignores case, quotes and a legal form put before or after the name (property)', () => {
    const word = fc.stringMatching(/^[а-яa-z]{3,8}$/).filter((w) => companyKey(w) === w);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 3 }), fc.constantFrom('ООО', 'ПАО', 'SRL', 'АО', 'LLC'), fc.boolean(), (words, form, before) => {
        const name = words.join(' ');
        const decorated = before ? `${form} «${name.toUpperCase()}»` : `"${name}" ${form}`;
        expect(companyKey(decorated)).toBe(companyKey(name));
      }),
    );
  });
});

describe('taxIdKey', () => {
  it('keeps the digits only', () => {
    expect(taxIdKey(' 7707 083-893 ')).toBe('7707083893');
  });
});
