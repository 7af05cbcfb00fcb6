/**
 * The words a manager types for a date, in Russian, Romanian and English, folded the way
 * foldText folds them (lower case, ё as е, no Latin diacritics: 'mâine' is 'maine').
 * Only vocabulary lives here; parseTypedDate (quick-picks.ts) decides what they mean.
 */

// Month names: Russian (nominative, genitive as in "5 декабря", prepositional as in "в декабре"),
// Romanian, English. Abbreviations are any prefix of 3 letters or more ('дек', 'dec', 'iul').
export const MONTH_NAMES: readonly (readonly string[])[] = [
  ['январь', 'января', 'январе', 'ianuarie', 'january'],
  ['февраль', 'февраля', 'феврале', 'februarie', 'february'],
  ['март', 'марта', 'марте', 'martie', 'march'],
  ['апрель', 'апреля', 'апреле', 'aprilie', 'april'],
  ['май', 'мая', 'мае', 'mai', 'may'],
  ['июнь', 'июня', 'июне', 'iunie', 'june'],
  ['июль', 'июля', 'июле', 'iulie', 'july'],
  ['август', 'августа', 'августе', 'august'],
  ['сентябрь', 'сентября', 'сентябре', 'septembrie', 'september'],
  ['октябрь', 'октября', 'октябре', 'octombrie', 'october'],
  ['ноябрь', 'ноября', 'ноябре', 'noiembrie', 'november'],
  ['декабрь', 'декабря', 'декабре', 'decembrie', 'december'],
];

/** A month typed by name or by an abbreviation of at least 3 letters ('сен', 'iul', 'dec'). */
export function monthFromName(word: string): number | undefined {
  const w = word.replace(/\.$/, '');
  if (w.length < 3) return undefined;
  const index = MONTH_NAMES.findIndex((names) => names.some((n) => n.startsWith(w)));
  return index < 0 ? undefined : index + 1;
}

// Weekday names, ISO numbering; Russian with the accusative of "в пятницу", Romanian with
// the definite form of "vinerea viitoare".
export const WEEKDAY_NAMES: readonly (readonly string[])[] = [
  ['понедельник', 'пн', 'luni', 'lunea', 'monday', 'mon'],
  ['вторник', 'вт', 'marti', 'martea', 'tuesday', 'tue'],
  ['среда', 'среду', 'ср', 'miercuri', 'miercurea', 'wednesday', 'wed'],
  ['четверг', 'чт', 'joi', 'joia', 'thursday', 'thu'],
  ['пятница', 'пятницу', 'пт', 'vineri', 'vinerea', 'friday', 'fri'],
  ['суббота', 'субботу', 'сб', 'sambata', 'saturday', 'sat'],
  ['воскресенье', 'вс', 'duminica', 'sunday', 'sun'],
];

export function weekdayFromName(word: string): number | undefined {
  const index = WEEKDAY_NAMES.findIndex((names) => names.includes(word));
  return index < 0 ? undefined : index + 1;
}

/** Relative words: how many working days ahead (0 = today itself). */
export const RELATIVE_WORDS: Readonly<Record<string, number>> = {
  сегодня: 0, today: 0, azi: 0, astazi: 0,
  завтра: 1, tomorrow: 1, maine: 1,
  послезавтра: 2, poimaine: 2,
};

/**
 * Counts written as words, for "через две недели", "in two weeks", "peste o lună". An absent
 * count ("через неделю") is one; numbers past five are typed as digits in practice.
 */
export const COUNT_WORDS: Readonly<Record<string, number>> = {
  один: 1, одну: 1, одна: 1, одни: 1, два: 2, две: 2, три: 3, четыре: 4, пять: 5,
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5,
  o: 1, un: 1, una: 1, unu: 1, doua: 2, doi: 2, trei: 3, patru: 4, cinci: 5,
};

export type PeriodUnit = 'day' | 'working-day' | 'week' | 'month' | 'year';

/** Period words after a count: "3 дня", "2 недели", "3 zile", "o saptamana", "a month". */
const UNIT_WORDS: Readonly<Record<string, PeriodUnit>> = {
  день: 'day', дня: 'day', дней: 'day', дн: 'day', д: 'day', d: 'day', day: 'day', days: 'day', zi: 'day', zile: 'day', z: 'day',
  неделю: 'week', недели: 'week', недель: 'week', неделя: 'week', нед: 'week', week: 'week', weeks: 'week', w: 'week',
  saptamana: 'week', saptamani: 'week', sapt: 'week',
  месяц: 'month', месяца: 'month', месяцев: 'month', мес: 'month', month: 'month', months: 'month', luna: 'month', luni: 'month',
  год: 'year', года: 'year', лет: 'year', year: 'year', years: 'year', an: 'year', ani: 'year',
};

/** "рабочих дня", "working days", "business days", "zile lucratoare": counted on the work calendar. */
const WORKING_DAY_PHRASES = new Set([
  'рабочий день', 'рабочих дня', 'рабочих дней', 'раб дня', 'раб дней', 'раб. дня', 'раб. дней',
  'working day', 'working days', 'business day', 'business days', 'workday', 'workdays',
  'zi lucratoare', 'zile lucratoare',
]);

export function periodUnit(words: string): PeriodUnit | undefined {
  const w = words.replace(/\.$/, '');
  return WORKING_DAY_PHRASES.has(w) ? 'working-day' : UNIT_WORDS[w];
}

/** The words that start a period ahead: "через 3 дня", "in 3 days", "peste 3 zile". */
export const AHEAD_WORDS = ['через', 'in', 'peste', 'dupa'];

/** "on/this/next friday", "в пятницу", "в следующую пятницу", "vinerea viitoare": the coming such day. */
export const WEEKDAY_PREFIXES = ['в', 'во', 'on', 'this', 'next', 'в следующую', 'в следующий', 'в эту', 'в этот', 'следующая', 'следующий', 'следующую'];
export const WEEKDAY_SUFFIXES = ['viitoare', 'viitor', 'asta', 'aceasta'];

/** The week or month after this one, as the quick picks of the same name. */
export const NEXT_WEEK_PHRASES = new Set([
  'next week', 'на следующей неделе', 'следующая неделя', 'на следующую неделю', 'на след неделе', 'на след. неделе',
  'saptamana viitoare', 'saptamana urmatoare', 'in saptamana viitoare',
]);
export const NEXT_MONTH_PHRASES = new Set([
  'next month', 'в следующем месяце', 'следующий месяц', 'на следующий месяц', 'в след месяце', 'в след. месяце',
  'luna viitoare', 'luna urmatoare', 'in luna viitoare',
]);
