import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatPhone, normalizePhone, phoneDigits, phoneSearchKeys } from '../../../../shared/model/phone';

describe('normalizePhone', () => {
  it.each([
    ['8 (916) 123-45-67', '79161234567'],
    ['+7 916 1234567', '79161234567'],
    ['9161234567', '79161234567'],
    ['7-916-123-45-67', '79161234567'],
    ['8-495-123-45-67', '74951234567'],
    ['+7 (495) 123-45-67 доб. 123', '74951234567'],
    ['0721 234 567', '40721234567'],
    ['+40 721 234 567', '40721234567'],
    ['0040 721 234 567', '40721234567'],
    ['021 312 3456', '40213123456'],
    ['+44 20 7946 0958', '442079460958'],
  ])('%s -> %s', (raw, expected) => {
    expect(normalizePhone(raw)).toBe(expected);
  });

  it('gives an empty string for text without digits', () => {
    expect(normalizePhone('нет телефона')).toBe('');
    expect(normalizePhone('')).toBe('');
  });

  it('is idempotent once the number carries its country code', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^9\d{9}$/), (national) => {
        const n = normalizePhone(`8 ${national}`);
        expect(normalizePhone(`+${n}`)).toBe(n);
        expect(normalizePhone(n)).toBe(n);
      }),
    );
  });

  it('any RU spelling of the same number gives the same digits', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^9\d{9}$/), (x) => {
        const spellings = [
          `8 (${x.slice(0, 3)}) ${x.slice(3, 6)}-${x.slice(6, 8)}-${x.slice(8)}`,
          `+7 ${x}`,
          x,
          `7${x}`,
        ];
        expect(new Set(spellings.map(normalizePhone))).toEqual(new Set([`7${x}`]));
      }),
    );
  });
});

describe('phoneSearchKeys', () => {
  it('finds a Russian number by full and national digits, and by its last 7 and 4 digits', () => {
    expect(phoneSearchKeys('8 (916) 123-45-67')).toEqual(['79161234567', '9161234567', '1234567', '4567']);
  });

  it('finds a Romanian number also as people write it, with the trunk 0', () => {
    expect(phoneSearchKeys('+40 721 234 567')).toEqual(['40721234567', '721234567', '0721234567', '1234567', '4567']);
  });

  it('gives a short number no tails shorter than itself', () => {
    expect(phoneSearchKeys('112')).toEqual(['112']);
    expect(phoneSearchKeys('12345')).toEqual(['12345', '2345']);
  });

  it('has no keys for an empty phone', () => {
    expect(phoneSearchKeys(' - ')).toEqual([]);
  });
});

describe('formatPhone', () => {
  it('formats Russian and Romanian numbers for display', () => {
    expect(formatPhone('89161234567')).toBe('+7 916 123-45-67');
    expect(formatPhone('0721234567')).toBe('+40 721 234 567');
  });

  it('shows other numbers with a plus and leaves digitless text as typed', () => {
    expect(formatPhone('+44 20 7946 0958')).toBe('+442079460958');
    expect(formatPhone(' спросить у секретаря ')).toBe('спросить у секретаря');
  });

  it('keeps the digits of the number it formats', () => {
    expect(phoneDigits(formatPhone('8 916 123 45 67'))).toBe('79161234567');
  });
});
