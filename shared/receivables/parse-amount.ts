/**
 * An amount as managers type or paste it: "150 000,00" (ru, with a no-break space),
 * "15.000,00" (ro), "15,000.00" (en), "1500". The last separator followed by one or two
 * digits is the decimal one; every other dot, comma, space or apostrophe groups digits.
 * NaN when it is not a number.
 */
export function parseAmount(s: string): number {
  const clean = s.replace(/[\s\u00a0\u202f'’]/g, '').replace(/[^\d.,-]/g, '');
  if (!/\d/.test(clean)) return Number.NaN;
  const m = /^(-?)([\d.,]*?)(?:[.,](\d{1,2}))?$/.exec(clean);
  if (!m) return Number.NaN;
  const whole = m[2]!.replace(/[.,]/g, '');
  return Number(`${m[1]}${whole || '0'}.${m[3] ?? '0'}`);
}
