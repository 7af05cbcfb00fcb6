import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanRequisite, requisiteProblem } from '../../../../shared/model/requisites';
import { settingsPatchSchema, settingsSchema } from '../../../../shared/model/settings';

// Published requisites of a real bank (Sberbank, Moscow): what the checks must accept.
const SBER = { inn: '7707083893', kpp: '773601001', ogrn: '1027700132195', bic: '044525225', corrAccount: '30101810400000000225' };

/** A settlement account keyed to `bic` (the last digit chosen so the 7-1-3 key holds). */
function accountFor(bic: string, body19: string): string {
  for (let d = 0; d <= 9; d++) {
    const acc = body19.slice(0, 8) + d + body19.slice(8, 19);
    if (requisiteProblem('account', acc, { bic }) === undefined) return acc;
  }
  throw new Error('no key digit');
}

describe('requisites', () => {
  it('accepts a real bank’s INN, KPP, OGRN, BIC and correspondent account, and a Romanian CUI and IBAN', () => {
    for (const [field, value] of Object.entries(SBER)) expect(requisiteProblem(field as keyof typeof SBER, value, SBER), field).toBeUndefined();
    expect(requisiteProblem('cui', 'RO14399840')).toBeUndefined();
    expect(requisiteProblem('cui', '14399840')).toBeUndefined();
    expect(requisiteProblem('iban', 'RO49 AAAA 1B31 0075 9384 0000')).toBeUndefined();
    expect(requisiteProblem('managerEmail', '')).toBeUndefined();
  });

  it('names what is wrong: length, letters, a check digit, a format, an account without a BIC', () => {
    expect(requisiteProblem('inn', '770708389')).toBe('length');
    expect(requisiteProblem('inn', '77070838a3')).toBe('digits');
    expect(requisiteProblem('inn', '7707083894')).toBe('checksum');
    expect(requisiteProblem('ogrn', '1027700132196')).toBe('checksum');
    expect(requisiteProblem('bic', '144525225')).toBe('format');
    expect(requisiteProblem('corrAccount', '30101810400000000226', SBER)).toBe('checksum');
    expect(requisiteProblem('account', '40702810938000000001', {})).toBe('needs-bic');
    expect(requisiteProblem('iban', 'RO49AAAA1B31007593840001')).toBe('checksum');
    expect(requisiteProblem('kpp', '77360100')).toBe('format');
    expect(requisiteProblem('managerEmail', 'ivanov@')).toBe('format');
  });

  it('a settlement account with any one digit mistyped fails its key against the BIC', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{19}$/), fc.nat(19), fc.integer({ min: 1, max: 9 }), (body, pos, delta) => {
        const acc = accountFor(SBER.bic, body);
        const typo = acc.slice(0, pos) + ((Number(acc[pos]) + delta) % 10) + acc.slice(pos + 1);
        expect(requisiteProblem('account', acc, SBER)).toBeUndefined();
        expect(requisiteProblem('account', typo, SBER)).toBe('checksum');
      }),
    );
  });

  it('stores numbers pasted with spaces as digits only', () => {
    expect(cleanRequisite('account', '4070 2810 9380 0000 0001')).toBe('40702810938000000001');
    expect(cleanRequisite('iban', 'ro49 aaaa')).toBe('RO49AAAA');
  });

  it('the settings schema keeps requisites, refuses a malformed one and fills missing ones for older settings files', () => {
    const ok = settingsPatchSchema.parse({ requisites: { ...SBER, company: 'ООО «Ромашка»' } });
    expect(settingsSchema.parse({ ...ok }).requisites).toMatchObject({ company: 'ООО «Ромашка»', inn: SBER.inn, iban: '' });
    expect(() => settingsPatchSchema.parse({ requisites: { inn: '12345' } })).toThrow();
    expect(settingsSchema.parse({}).requisites.company).toBe('');
  });
});
