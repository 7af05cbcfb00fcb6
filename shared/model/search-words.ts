/**
 * Search tokens of a dossier and the parsing of what the user types in the search box.
 * The data layer stores the tokens in a multiEntry index, prefix-searches it with the
 * query's first word and checks the other words in memory (matchesAllWords).
 * Folding: lower case, ё -> е, Latin diacritics dropped (Romanian ș/ş, ț/ţ, ă, â, î are
 * typed without them), Cyrillic й kept. Legal forms (ООО, ИП, SRL, …) are not tokens:
 * every company has one, so they would match everything.
 */
import { phoneSearchKeys } from './phone';
import type { Contact, Dossier } from './records';

const LEGAL_FORMS = new Set([
  'ооо', 'оао', 'зао', 'пао', 'ао', 'нао', 'ип', 'чп', 'нко', 'ано', 'гуп', 'муп', 'фгуп', 'кфх',
  'llc', 'ltd', 'inc', 'corp', 'gmbh', 'srl', 'sa', 'sca', 'snc', 'pfa', 'ii', 'if', 'ra',
]);

/** ASCII and Cyrillic only: nothing to drop, so folding is lower case alone (and much cheaper). */
// eslint-disable-next-line no-control-regex -- the ASCII range starts at NUL on purpose
const PLAIN_RE = /^[\u0000-\u007f\u0400-\u04ff]*$/;

export function foldText(s: string): string {
  const lower = s.toLowerCase().replace(/ё/g, 'е');
  if (PLAIN_RE.test(lower)) return lower;
  return lower.normalize('NFD').replace(/([a-z])\p{M}+/gu, '$1').normalize('NFC');
}

/** Words of a folded text; a hyphenated word yields itself and its parts (альфа-банк). */
function wordsOf(text: string): string[] {
  const out: string[] = [];
  for (const raw of foldText(text).split(/[^\p{L}\p{N}-]+/u)) {
    const w = raw.replace(/^-+|-+$/g, '');
    if (w === '') continue;
    out.push(w);
    if (w.includes('-')) out.push(...w.split('-').filter(Boolean));
  }
  return out;
}

export const isLegalForm = (w: string): boolean => LEGAL_FORMS.has(w);

export function searchWords(
  d: Pick<Dossier, 'company' | 'taxId' | 'tags' | 'territory' | 'okved'>,
  contacts: Pick<Contact, 'name' | 'phones' | 'emails'>[],
): string[] {
  const words = new Set<string>();
  const add = (w: string): void => {
    if (w !== '') words.add(w);
  };

  const companyWords = wordsOf(d.company);
  companyWords.filter((w) => !isLegalForm(w)).forEach(add);
  // The whole name with its legal form: a query of legal forms only ('ооо') still finds
  // those companies. Without it, the name's words already match any query word.
  const wholeName = foldText(d.company).replace(/["'«»„“”]/g, ' ').split(/\s+/).filter(Boolean);
  if (wholeName.some(isLegalForm)) add(wholeName.join(' '));
  add(d.taxId.replace(/\D/g, ''));
  d.tags.flatMap(wordsOf).forEach(add);
  wordsOf(d.territory).forEach(add);
  // The ОКВЭД code as its digits: a query '46.90' is read as digits ('4690'), and '46' finds the class.
  if (d.okved) add(d.okved.replace(/\D/g, ''));

  for (const c of contacts) {
    wordsOf(c.name).forEach(add);
    c.phones.flatMap(phoneSearchKeys).forEach(add);
    for (const e of c.emails) {
      const email = foldText(e.trim());
      if (email === '') continue;
      // The whole address: a prefix query ('p.ivanov') finds it by its local part too.
      add(email);
    }
  }
  return [...words];
}

export type SearchQuery = { kind: 'empty' } | { kind: 'digits'; token: string } | { kind: 'text'; token: string };

/** Digits with phone punctuation only: a phone or tax id query. */
const DIGIT_QUERY_RE = /^[\d\s()+\-.]+$/;

function digitToken(q: string): string {
  const d = q.replace(/\D/g, '');
  // '+7…' always carries the country code, and so does an 8 written apart ('8 916…',
  // '8(916)…'); a bare '8…'/'7…' only in a full 11-digit RU number (a shorter '86…' may be
  // the start of a tax id).
  if (/^(\+7|8[\s(-])/.test(q)) return d.slice(1);
  if (d.length === 11 && (d.startsWith('8') || d.startsWith('7'))) return d.slice(1);
  return d;
}

/** Query words used for matching: folded, legal forms dropped unless that is all there is. */
function queryWords(q: string): string[] {
  // '@' and '.' stay inside a word so that an e-mail can be typed whole.
  const all = foldText(q)
    .split(/[^\p{L}\p{N}@._-]+/u)
    .map((w) => w.replace(/^[._-]+|[._-]+$/g, ''))
    .filter(Boolean);
  const meaningful = all.filter((w) => !isLegalForm(w));
  return meaningful.length > 0 ? meaningful : all;
}

export function parseSearchQuery(q: string): SearchQuery {
  const trimmed = q.trim();
  if (trimmed === '') return { kind: 'empty' };
  if (DIGIT_QUERY_RE.test(trimmed) && /\d/.test(trimmed)) return { kind: 'digits', token: digitToken(trimmed) };
  const first = queryWords(trimmed)[0];
  return first === undefined ? { kind: 'empty' } : { kind: 'text', token: first };
}

/**
 * The in-memory filter after the index, for one query: whether every word of it is a
 * prefix of some stored word. The query is parsed once, not once per candidate row.
 */
export function wordMatcher(q: string): (words: string[]) => boolean {
  const parsed = parseSearchQuery(q);
  if (parsed.kind === 'empty') return () => true;
  const tokens = parsed.kind === 'digits' ? [parsed.token] : queryWords(q.trim());
  return (words) => tokens.every((t) => words.some((w) => w.startsWith(t)));
}

/** Every word of the query is a prefix of some stored word. */
export function matchesAllWords(words: string[], q: string): boolean {
  return wordMatcher(q)(words);
}
