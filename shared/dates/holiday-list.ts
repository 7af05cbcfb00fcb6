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

export interface CalendarList extends HolidayList {
  /** Lines naming two dates: a decree's move of a day off (from, to). */
  moves: { from: string; to: string }[];
}

/** Words and signs that may stand between the two dates of a move. */
const MOVE_LINKS = new Set(['-', '–', '—', '>', '→', '->', '=>', 'на', 'to', 'pe', 'în', 'in']);

/**
 * A pasted production calendar: like parseHolidayList, and a line with two dates
 * ("04.01.2025 → 02.05.2025", "04.01.2025 на 02.05.2025") is a decree's move of the day
 * off from the first to the second date (statutory-holidays.ts, decreeMoveEffect).
 */
export function parseCalendarList(text: string): CalendarList {
  const moves: CalendarList['moves'] = [];
  // Move lines are blanked rather than dropped, so the errors keep their line numbers.
  const rest = text.split(/\r\n|\r|\n/).map((line) => {
    const tokens = line.trim().split(/\s+|(?=→)|(?<=→)/).filter(Boolean);
    const second = tokens[1] !== undefined && MOVE_LINKS.has(tokens[1].toLowerCase()) ? tokens[2] : tokens[1];
    const from = tokens[0] === undefined ? undefined : parseListedDate(tokens[0]);
    const to = second === undefined ? undefined : parseListedDate(second);
    if (from && to && 'date' in from && 'date' in to) {
      moves.push({ from: from.date, to: to.date });
      return '';
    }
    return line;
  });
  return { ...parseHolidayList(rest.join('\n')), moves };
}
