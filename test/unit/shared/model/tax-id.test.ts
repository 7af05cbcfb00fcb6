import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { validateTaxId } from '../../../../shared/model/tax-id';

describe('validateTaxId', () => {
  it.each(['7707083893', '7736207543', '7702070139'])('accepts the company INN %s', (inn) => {
    expect(validateTaxId(inn)).toEqual({ ok: true, kind: 'company' });
  });

  it('accepts an individual INN with both check digits right', () => {
    expect(validateTaxId('500100732259')).toEqual({ ok: true, kind: 'individual' });
  });

  it('ignores spaces in a pasted number', () => {
    expect(validateTaxId(' 7707 083 893 ')).toEqual({ ok: true, kind: 'company' });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['77070838', 'length'],
    ['77070838931', 'length'],
    ['7707O83893', 'digits'],
    ['7707-083-893', 'digits'],
    ['7707083894', 'checksum'],
    ['500100732258', 'checksum'],
    ['500100732269', 'checksum'],
  ])('rejects %j as %s', (input, reason) => {
    expect(validateTaxId(input)).toEqual({ ok: false, reason });
  });

  it('catches every single changed digit of a valid company INN', () => {
    const valid = '7707083893';
    for (let pos = 0; pos < valid.length; pos++) {
      for (let delta = 1; delta <= 9; delta++) {
        const digits = [...valid].map(Number);
        digits[pos] = (digits[pos]! + delta) % 10;
        expect(validateTaxId(digits.join('')), digits.join('')).toEqual({ ok: false, reason: 'checksum' });
      }
    }
  });

  it('accepts exactly one check digit for any 9-digit company prefix', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{9}$/), (prefix) => {
        const accepted = [...'0123456789'].filter((c) => validateTaxId(prefix + c).ok);
        expect(accepted).toHaveLength(1);
      }),
    );
  });
});
