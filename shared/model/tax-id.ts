/**
 * Tax ids of the two countries the managers work in.
 *
 * Russian taxpayer number (ИНН). A company's has 10 digits and one check digit, an
 * individual's (including sole proprietors, ИП) 12 digits and two. Each check digit is
 * the weighted sum of the preceding digits mod 11 mod 10 (weights from the Federal Tax
 * Service's rule).
 *
 * Romanian fiscal code (CUI / CIF): 2 to 10 digits, the last a check digit: the preceding
 * digits, right-aligned under the key 753217532, weighted and summed, times 10 mod 11
 * (10 counts as 0). Written bare or with the VAT prefix "RO". A bare 10-digit number is
 * read as an INN only: 10-digit CUIs are not issued yet, and a wrong INN must not pass as
 * a CUI. Spaces are ignored, because numbers are often pasted grouped.
 */

export type TaxIdResult =
  | { ok: true; kind: 'company' | 'individual' | 'cui' }
  | { ok: false; reason: 'empty' | 'length' | 'digits' | 'checksum' };

const W10 = [2, 4, 10, 3, 5, 9, 4, 6, 8];
const W11 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const W12 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const CUI_KEY = [7, 5, 3, 2, 1, 7, 5, 3, 2];

function checkDigit(digits: number[], weights: number[]): number {
  const sum = weights.reduce((acc, w, i) => acc + w * digits[i]!, 0);
  return (sum % 11) % 10;
}

function isCui(d: number[]): boolean {
  const body = d.slice(0, -1);
  const offset = CUI_KEY.length - body.length;
  const sum = body.reduce((acc, x, i) => acc + x * CUI_KEY[offset + i]!, 0);
  return ((sum * 10) % 11) % 10 === d[d.length - 1];
}

export function validateTaxId(s: string): TaxIdResult {
  const v = s.replace(/\s+/g, '');
  if (v === '') return { ok: false, reason: 'empty' };
  const prefixed = /^ro/i.test(v);
  const digits = prefixed ? v.slice(2) : v;
  if (!/^\d+$/.test(digits)) return { ok: false, reason: 'digits' };
  const d = [...digits].map(Number);
  if (prefixed) {
    if (d.length < 2 || d.length > 10) return { ok: false, reason: 'length' };
    return isCui(d) ? { ok: true, kind: 'cui' } : { ok: false, reason: 'checksum' };
  }
  if (d.length === 10) {
    return checkDigit(d, W10) === d[9] ? { ok: true, kind: 'company' } : { ok: false, reason: 'checksum' };
  }
  if (d.length === 12) {
    const ok = checkDigit(d, W11) === d[10] && checkDigit(d, W12) === d[11];
    return ok ? { ok: true, kind: 'individual' } : { ok: false, reason: 'checksum' };
  }
  // Neither INN length: a Romanian CUI, or an INN with digits missing or extra.
  if (d.length >= 2 && d.length <= 9 && isCui(d)) return { ok: true, kind: 'cui' };
  return { ok: false, reason: 'length' };
}
