/**
 * A time of day as a manager types it, read as 24-hour 'HH:MM' (what steps and settings
 * store): '9', '09', '930', '0930', '9:30', '9.30', '9-30', '9 30', '9ч', '9h30', and
 * the 12-hour forms '9pm', '9:30 PM', '12 am'. Empty text is no time at all.
 */
export type TypedTime = { time: string } | { error: 'format' | 'invalid' };

const pad = (n: number): string => String(n).padStart(2, '0');

export function parseTypedTime(text: string): TypedTime {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (t === '') return { time: '' };
  // '930' backtracks to hour 9, minutes 30: the hour takes two digits only when four are typed.
  const m = /^(\d{1,2})(?:(?:[:.\-hч ]|ч ?)?(\d{2}))?(?: ?(?:ч|h|час|часов|мин))? ?(am|pm|a\.m\.|p\.m\.)?$/.exec(t);
  if (!m) return { error: 'format' };
  const meridiem = m[3]?.[0];
  let hour = Number(m[1]);
  const minute = m[2] === undefined ? 0 : Number(m[2]);
  if (meridiem) {
    if (hour < 1 || hour > 12) return { error: 'invalid' };
    hour = (hour % 12) + (meridiem === 'p' ? 12 : 0);
  }
  if (hour > 23 || minute > 59) return { error: 'invalid' };
  return { time: `${pad(hour)}:${pad(minute)}` };
}
