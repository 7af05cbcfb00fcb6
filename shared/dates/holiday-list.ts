/**
 * Parsing a pasted list of holidays (e.g. copied from the production calendar). Accepted
 * dates: dd.mm.yyyy, d.m.yyyy (also with '/'), yyyy-mm-dd. Entries are separated by new
 * lines, commas or semicolons; text after a date on the same entry is a comment
 * ("01.01.2026 Новый год"); lines starting with '#' are ignored. The result is sorted and
 * deduplicated; every bad entry is reported with its 1-based line number.
 */
import { isValidDay, makeDay } from './calendar-day';

export interface HolidayListError {
  line: number;
  text: string;
  code: 'format' | 'invalid';
  message: string;
}

export interface HolidayList {
  dates: string[];
  errors: HolidayListError[];
}

const DMY_RE = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/;
const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A single date written day-first or ISO; 'format' when it is neither, 'invalid' when no such day. */
export function parseListedDate(text: string): { date: string } | { error: 'format' | 'invalid' } {
  const dmy = DMY_RE.exec(text);
  const iso = ISO_RE.exec(text);
  let parts: [number, number, number];
  if (dmy) parts = [Number(dmy[3]), Number(dmy[2]), Number(dmy[1])];
  else if (iso) parts = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else return { error: 'format' };
  const [y, m, d] = parts;
  const key = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return isValidDay(key) ? { date: makeDay(y, m, d) } : { error: 'invalid' };
}

export function parseHolidayList(text: string): HolidayList {
  const dates = new Set<string>();
  const errors: HolidayListError[] = [];
  text.split(/\r\n|\r|\n/).forEach((lineText, index) => {
    if (lineText.trim().startsWith('#')) return;
    for (const entry of lineText.split(/[,;]/)) {
      const first = entry.trim().split(/\s+/)[0] ?? '';
      if (first === '') continue;
      const parsed = parseListedDate(first);
      if ('date' in parsed) {
        dates.add(parsed.date);
      } else {
        const message =
          parsed.error === 'format'
            ? `"${first}" is not a date (use dd.mm.yyyy or yyyy-mm-dd)`
            : `"${first}" is not a real calendar date`;
        errors.push({ line: index + 1, text: first, code: parsed.error, message });
      }
    }
  });
  return { dates: [...dates].sort(), errors };
}
