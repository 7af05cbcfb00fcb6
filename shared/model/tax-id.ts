/**
 * Russian taxpayer number (ИНН). A company's has 10 digits and one check digit, an
 * individual's (including sole proprietors, ИП) 12 digits and two. Each check digit is
 * the weighted sum of the preceding digits mod 11 mod 10 (weights from the Federal Tax
 * Service's rule). Spaces are ignored, because numbers are often pasted grouped.
 */

export type TaxIdResult =
  | { ok: true; kind: 'company' | 'individual' }
  | { ok: false; reason: 'empty' | 'length' | 'digits' | 'checksum' };

const W10 = [2, 4, 10, 3, 5, 9, 4, 6, 8];
const W11 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const W12 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

function checkDigit(digits: number[], weights: number[]): number {
  const sum = weights.reduce((acc, w, i) => acc + w * digits[i]!, 0);
  return (sum % 11) % 10;
}

export function validateTaxId(s: string): TaxIdResult {
  const v = s.replace(/\s+/g, '');
  if (v === '') return { ok: false, reason: 'empty' };
  if (!/^\d+$/.test(v)) return { ok: false, reason: 'digits' };
  const d = [...v].map(Number);
  if (d.length === 10) {
    return checkDigit(d, W10) === d[9] ? { ok: true, kind: 'company' } : { ok: false, reason: 'checksum' };
  }
  if (d.length === 12) {
    const ok = checkDigit(d, W11) === d[10] && checkDigit(d, W12) === d[11];
    return ok ? { ok: true, kind: 'individual' } : { ok: false, reason: 'checksum' };
  }
  return { ok: false, reason: 'length' };
}
