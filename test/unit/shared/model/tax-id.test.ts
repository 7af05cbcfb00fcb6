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

  // Real Romanian companies' codes: Orange România, Dacia, OMV Petrom, BRD, Banca Transilvania.
  it.each(['9010105', '160796', '1590082', '361579', '5022670', 'RO5022670', 'ro 1590082', 'RO 14399840'])('accepts the Romanian CUI %j', (cui) => {
    expect(validateTaxId(cui)).toEqual({ ok: true, kind: 'cui' });
  });

  it.each([
    ['RO5022671', 'checksum'],
    ['RO7', 'length'],
    ['RO12345678901', 'length'],
    ['RO-5022670', 'digits'],
    ['5022671', 'length'],
  ])('rejects the CUI-like %j as %s', (input, reason) => {
    expect(validateTaxId(input)).toEqual({ ok: false, reason });
  });

  // The CUI's check is mod 11 with 10 counted as 0, so unlike a typo in the check digit,
  // not every typo in the body is caught; the check digit itself always is.
  it('catches every changed check digit of a valid CUI', () => {
    for (let delta = 1; delta <= 9; delta++) {
      expect(validateTaxId(`RO1439984${delta}`).ok, String(delta)).toBe(false);
    }
  });

  it('accepts exactly one check digit for any CUI body', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{1,8}$/), (body) => {
        const accepted = [...'0123456789'].filter((c) => validateTaxId(`RO${body}${c}`).ok);
        expect(accepted).toHaveLength(1);
      }),
    );
  });
});
