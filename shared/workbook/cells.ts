/**
 * Cell values <-> record values. Dates are Excel serial numbers computed in UTC with
 * integer arithmetic (never through local-time Date objects), so a day is the same day on
 * every machine and an instant survives to the millisecond.
 */

const MS_PER_DAY = 86_400_000;
/** Serial of 1970-01-01 in the 1900 date system. */
const EPOCH_SERIAL = 25_569;
/** Serials below this fall in Excel's fictional 1900-02-29 zone; such days are written as text. */
export const FIRST_SAFE_SERIAL = 61; // 1900-03-01

export function dayToSerial(day: string): number | undefined {
  // Not Date.UTC: it reads years 0-99 as 1900-1999, so 0026-07-01 would become 1926.
  const t = new Date(0);
  t.setUTCFullYear(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
  const ms = t.getTime();
  const serial = ms / MS_PER_DAY + EPOCH_SERIAL;
  return serial >= FIRST_SAFE_SERIAL ? serial : undefined;
}

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

function dayOfUtc(d: Date): string {
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

export function serialToDay(serial: number): string | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return undefined;
  const whole = Math.floor(serial);
  // Excel counts a 29 February 1900 that never was: serials 1-59 are one day later than arithmetic.
  if (whole === 60) return undefined;
  const days = whole < 60 ? whole + 1 : whole;
  return dayOfUtc(new Date((days - EPOCH_SERIAL) * MS_PER_DAY));
}

/** Instants are written as UTC date-time serials only when that is exact (canonical ISO). */
export function instantToSerial(iso: string): number | undefined {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms) || new Date(ms).toISOString() !== iso) return undefined;
  const serial = ms / MS_PER_DAY + EPOCH_SERIAL;
  return serial >= FIRST_SAFE_SERIAL && serial < 2_958_466 ? serial : undefined;
}

export function serialToInstant(serial: number): string | undefined {
  if (!Number.isFinite(serial) || serial < FIRST_SAFE_SERIAL || serial >= 2_958_466) return undefined;
  // Rounding to the millisecond absorbs the last digits a spreadsheet may drop on re-save.
  return new Date(Math.round((serial - EPOCH_SERIAL) * MS_PER_DAY)).toISOString();
}

function validDay(y: number, m: number, d: number): string | undefined {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1 || y > 9999) return undefined;
  const t = new Date(Date.UTC(2000, m - 1, d));
  t.setUTCFullYear(y);
  if (t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return undefined;
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

const ISO_DAY = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/;
const DMY = /^(\d{1,2})[./-](\d{1,2})[./-](\d{2}|\d{4})(?:\s.*)?$/;

/**
 * A day typed as text: 'dd.mm.yyyy' (also / or -, 2-digit years as 20yy) or ISO
 * 'yyyy-mm-dd'. Day-month order, as in Russia and Romania.
 */
export function parseDayText(s: string): string | undefined {
  const t = s.trim();
  let m = ISO_DAY.exec(t);
  if (m) return validDay(Number(m[1]), Number(m[2]), Number(m[3]));
  m = DMY.exec(t);
  if (m) {
    const y = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    return validDay(y, Number(m[2]), Number(m[1]));
  }
  return undefined;
}

const DMY_TIME = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?$/;

/** An instant typed as text: ISO (kept exactly when valid) or 'dd.mm.yyyy hh:mm[:ss]' in UTC. */
export function parseInstantText(s: string): string | undefined {
  const t = s.trim();
  const m = DMY_TIME.exec(t);
  if (m) {
    const day = validDay(Number(m[3]), Number(m[2]), Number(m[1]));
    if (!day) return undefined;
    const h = Number(m[4] ?? 0), mi = Number(m[5] ?? 0), sec = Number(m[6] ?? 0);
    if (h > 23 || mi > 59 || sec > 59) return undefined;
    return `${day}T${pad(h)}:${pad(mi)}:${pad(sec)}.${(m[7] ?? '0').padEnd(3, '0')}Z`;
  }
  if (/^\d{4}-\d{2}-\d{2}/.test(t) && !Number.isNaN(Date.parse(t))) return t;
  return undefined;
}

/** 'YYYY-MM' from 'yyyy-mm', 'mm.yyyy' or 'mm/yyyy'. */
export function parseMonthText(s: string): string | undefined {
  const t = s.trim();
  let m = /^(\d{4})-(\d{1,2})$/.exec(t);
  if (m) return Number(m[2]) >= 1 && Number(m[2]) <= 12 ? `${m[1]}-${pad(Number(m[2]))}` : undefined;
  m = /^(\d{1,2})[./](\d{4})$/.exec(t);
  if (m) return Number(m[1]) >= 1 && Number(m[1]) <= 12 ? `${m[2]}-${pad(Number(m[1]))}` : undefined;
  return undefined;
}

/** 'HH:mm' from '9:05', '09:05:00', or a time-of-day fraction (a cell Excel turned into a time). */
export function parseTime(v: string | number): string | undefined {
  if (typeof v === 'number') {
    if (!(v >= 0 && v < 1)) return undefined;
    const mins = Math.round(v * 24 * 60);
    return mins >= 24 * 60 ? undefined : `${pad(Math.floor(mins / 60))}:${pad(mins % 60)}`;
  }
  const m = /^(\d{1,2})[:.](\d{2})(?::\d{2})?$/.exec(v.trim());
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) return undefined;
  return `${pad(Number(m[1]))}:${m[2]}`;
}

const TRUE_WORDS = new Set(['true', 'yes', 'y', '1', 'да', 'д', 'истина', '+', 'x', 'х', 'da', 'adevărat', 'adevarat']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0', 'нет', 'н', 'ложь', '-', '', 'nu', 'fals']);

export function parseBool(v: string | number | boolean): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v === 1 ? true : v === 0 ? false : undefined;
  const t = v.trim().toLowerCase();
  if (TRUE_WORDS.has(t)) return true;
  if (FALSE_WORDS.has(t)) return false;
  return undefined;
}

/** Numbers typed as text: spaces as thousands separators, comma or dot decimals. */
export function parseNumberText(s: string): number | undefined {
  const t = s.trim().replace(/[\s\u00a0\u202f']/g, '');
  if (t === '') return undefined;
  const norm = /^-?\d+,\d+$/.test(t) ? t.replace(',', '.') : t.replace(/,(?=\d{3}(\D|$))/g, '');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(norm)) return undefined;
  const n = Number(norm);
  return Number.isFinite(n) ? n : undefined;
}

/** List cells: '; ' between items; a person may also use newlines or commas-free semicolons. */
export function splitList(s: string): string[] {
  if (s === '') return [];
  return s.split(/;|\r?\n/).map((x) => x.trim()).filter((x) => x !== '');
}

export const LIST_SEPARATOR = '; ';

/** Column index -> letters (0 -> A). */
export function columnLetter(c: number): string {
  let s = '';
  let n = c + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

const LEGAL_FORMS = new Set(['ооо', 'оао', 'зао', 'пао', 'ао', 'нао', 'ип', 'llc', 'ltd', 'inc', 'srl', 'sa', 'gmbh']);

/**
 * A company name as people write it differently: case, quotes, punctuation and the legal
 * form (ООО «Ромашка» = Ромашка ООО = ромашка) do not matter.
 */
export function companyKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/ё/g, 'е')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '' && !LEGAL_FORMS.has(w))
    .join(' ');
}

/** A payment schedule in one cell: 'YYYY-MM-DD amount' items joined with '; ' (readable, and typed by hand the same way). */
export function formatInstalments(list: readonly { dueOn: string; amount: number }[]): string {
  return list.map((i) => `${i.dueOn} ${i.amount}`).join(LIST_SEPARATOR);
}

/** The schedule a cell holds (any day format the Date columns take), or undefined when an item is no "day amount". */
export function parseInstalments(s: string): { dueOn: string; amount: number }[] | undefined {
  const out: { dueOn: string; amount: number }[] = [];
  for (const item of splitList(s)) {
    const m = /^(\S+)\s+(.+)$/.exec(item);
    const dueOn = m ? parseDayText(m[1]!) : undefined;
    const amount = m ? parseNumberText(m[2]!) : undefined;
    if (dueOn === undefined || amount === undefined) return undefined;
    out.push({ dueOn, amount });
  }
  return out;
}
