/**
 * Phone numbers as managers type them in Russia and Romania, reduced to E.164-like digits
 * (no '+') so that '8 (916) 123-45-67', '+7 916 1234567' and '9161234567' are one number:
 * - RU: 11 digits starting with 8 or 7 -> 7 + national; 10 digits not starting with 0 -> 7 + them.
 * - RO: 10 digits starting with 0 (0721 234 567) -> 40 + national without the 0.
 * - '00' international prefix -> dropped; anything else with a '+' is kept as typed.
 * An extension ('доб. 12', 'ext 12', 'int. 12') is not part of the number.
 */

const EXTENSION_RE = /\s*(доб|вн|ext|int|interior|#).*$/iu;

export function phoneDigits(raw: string): string {
  return raw.replace(/\D+/g, '');
}

export function normalizePhone(raw: string): string {
  const main = raw.replace(EXTENSION_RE, '');
  const d = phoneDigits(main);
  if (d === '') return '';
  const international = main.trim().startsWith('+');
  if (!international && d.startsWith('00')) return d.slice(2);
  if (international) return d;
  if (d.length === 11 && (d.startsWith('8') || d.startsWith('7'))) return `7${d.slice(1)}`;
  if (d.length === 10 && d.startsWith('0')) return `40${d.slice(1)}`;
  if (d.length === 10) return `7${d}`;
  return d;
}

/** The country code of a normalized number, for the two markets the app knows. */
function splitCountry(n: string): { country: '7' | '40'; national: string } | undefined {
  if (n.length === 11 && n.startsWith('7')) return { country: '7', national: n.slice(1) };
  if (n.length === 11 && n.startsWith('40')) return { country: '40', national: n.slice(2) };
  return undefined;
}

/** Tail lengths a number is also found by: the subscriber part ('126-15-74') and its last four. */
const TAILS = [7, 4];

/**
 * Tokens a prefix search should find the number by: the full normalized digits and the
 * national number (plus, in Romania, the national number with its trunk 0, as people say it),
 * and its last 7 and last 4 digits: a manager remembers "…126-15-74" without the code.
 * Indexed rather than matched as substrings, so a phone search still reads one bucket.
 */
export function phoneSearchKeys(raw: string): string[] {
  const n = normalizePhone(raw);
  if (n === '') return [];
  const split = splitCountry(n);
  const keys = split ? [n, split.national] : [n];
  if (split?.country === '40') keys.push(`0${split.national}`);
  for (const len of TAILS) if (n.length > len) keys.push(n.slice(-len));
  return keys;
}

/** Display form: +7 916 123-45-67, +40 721 234 567; other numbers '+digits'; raw if no digits. */
export function formatPhone(raw: string): string {
  const n = normalizePhone(raw);
  if (n === '') return raw.trim();
  const split = splitCountry(n);
  if (split?.country === '7') {
    const x = split.national;
    return `+7 ${x.slice(0, 3)} ${x.slice(3, 6)}-${x.slice(6, 8)}-${x.slice(8)}`;
  }
  if (split?.country === '40') {
    const x = split.national;
    return `+40 ${x.slice(0, 3)} ${x.slice(3, 6)} ${x.slice(6)}`;
  }
  return `+${n}`;
}
