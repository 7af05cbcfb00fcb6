/**
 * Compares one string table's languages: the same keys everywhere, each plural key with
 * exactly the forms its language's plural rules select (Intl.PluralRules, as i18next
 * uses them: en one/other, ru one/few/many/other, ro one/few/other), the same
 * placeholders, and no Romanian or Russian text left empty or in English.
 */
export type Lang = 'en' | 'ru' | 'ro';
export const LANGS: readonly Lang[] = ['en', 'ru', 'ro'];

const PLURAL_RE = /_(zero|one|two|few|many|other)$/;

/**
 * Texts that are the same in Romanian (or Russian) and English: proper names, codes and
 * words the languages share. Anything else identical to English is an untranslated string.
 */
export const SAME_AS_ENGLISH = new Set([
  'Tickler CRM', 'Excel', 'VIP', 'E-mail', 'ID', 'PDF',
  // Romanian words spelled as in English
  'Calendar', 'Segment', 'Client', 'Contact', 'Total', 'Import', 'Export', 'Import…', 'Export…', 'Manager', 'Text',
  'Active', '{{count}} min',
  // accounting columns, the same words in Romanian
  'Debit', 'Credit',
  // sample data in a placeholder, not a text to translate
  'ООО Ромашка; Иван Петров; +7 916 123-45-67',
]);

export function flatten(obj: unknown, prefix = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (obj && typeof obj === 'object') {
    for (const [k, v] of Object.entries(obj)) {
      const key = prefix ? `${prefix}.${k}` : k;
      if (v && typeof v === 'object') flatten(v, key, out);
      else out.set(key, v);
    }
  }
  return out;
}

function pluralForms(lang: Lang): Set<string> {
  return new Set(new Intl.PluralRules(lang).resolvedOptions().pluralCategories);
}

const placeholders = (s: string) => new Set([...s.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]!));
const hasLetters = (s: string) => /\p{L}/u.test(s.replace(/\{\{[^}]*\}\}/g, ''));

interface Entry {
  /** The key without its plural suffix. */
  base: string;
  form?: string;
  value: unknown;
}

function entries(table: object): Map<string, Entry[]> {
  const byBase = new Map<string, Entry[]>();
  for (const [key, value] of flatten(table)) {
    const m = PLURAL_RE.exec(key);
    const base = m ? key.slice(0, m.index) : key;
    const list = byBase.get(base) ?? [];
    list.push({ base, form: m?.[1], value });
    byBase.set(base, list);
  }
  return byBase;
}

/** Problems in one table (one namespace), each a line naming the language and the key. */
export function checkTable(name: string, tables: Partial<Record<Lang, object>>): string[] {
  const problems: string[] = [];
  const parsed = new Map<Lang, Map<string, Entry[]>>();
  for (const lang of LANGS) {
    const table = tables[lang];
    if (!table) problems.push(`${name}: no ${lang} table`);
    else parsed.set(lang, entries(table));
  }
  const en = parsed.get('en');
  if (!en) return problems;
  const allForms = new Set(LANGS.flatMap((l) => [...pluralForms(l)]));
  const allBases = new Set([...parsed.values()].flatMap((m) => [...m.keys()]));

  for (const lang of LANGS) {
    const mine = parsed.get(lang);
    if (!mine) continue;
    const missing: string[] = [];
    const extra: string[] = [];
    const wanted = pluralForms(lang);
    for (const base of [...allBases].sort()) {
      const ref = en.get(base) ?? [...parsed.values()].map((m) => m.get(base)).find(Boolean)!;
      const isPlural = ref.some((e) => e.form);
      const have = mine.get(base);
      if (!have) {
        missing.push(isPlural ? [...wanted].map((f) => `${base}_${f}`).join(', ') : base);
        continue;
      }
      if (!isPlural) {
        if (have.some((e) => e.form)) problems.push(`${name}: ${lang} has plural forms of ${base}, which is not plural in en`);
        continue;
      }
      const forms = new Set(have.map((e) => e.form));
      if (forms.has(undefined)) problems.push(`${name}: ${lang} has both ${base} and plural forms of it`);
      for (const f of wanted) if (!forms.has(f)) missing.push(`${base}_${f}`);
      // English is the type template, so it may carry every form another language needs;
      // any other language's extra form would simply never be shown (e.g. a Romanian
      // `_many` written where `_other`, "20 de dosare", was meant).
      const allowed = lang === 'en' ? allForms : wanted;
      for (const f of forms) if (f && !allowed.has(f)) extra.push(`${base}_${f}`);
    }
    if (missing.length) problems.push(`${name}: ${lang} is missing ${missing.length} key(s): ${missing.join(', ')}`);
    if (extra.length) problems.push(`${name}: ${lang} has plural forms its plural rules never use: ${extra.join(', ')}`);
  }

  // Values: strings, not empty, the same placeholders, and translated.
  for (const lang of LANGS) {
    const mine = parsed.get(lang);
    if (!mine) continue;
    for (const [base, list] of mine) {
      const ref = en.get(base);
      const enValues = (ref ?? []).map((e) => e.value).filter((v): v is string => typeof v === 'string');
      const enVars = new Set(enValues.flatMap((v) => [...placeholders(v)]));
      for (const e of list) {
        const key = e.form ? `${base}_${e.form}` : base;
        if (typeof e.value !== 'string') {
          problems.push(`${name}: ${lang} ${key} is not a string`);
          continue;
        }
        if (e.value.trim() === '') problems.push(`${name}: ${lang} ${key} is empty`);
        if (!ref || lang === 'en') continue;
        const unknown = [...placeholders(e.value)].filter((v) => !enVars.has(v));
        if (unknown.length) problems.push(`${name}: ${lang} ${key} uses {{${unknown.join('}}, {{')}}} that en does not pass`);
        const enSame = ref.find((r) => r.form === e.form) ?? ref.find((r) => r.form === 'other');
        if (enSame && enSame.value === e.value && hasLetters(e.value) && !SAME_AS_ENGLISH.has(e.value)) {
          problems.push(`${name}: ${lang} ${key} is the English text "${e.value}"`);
        }
      }
    }
  }
  return problems;
}

/**
 * Romanian numerals from 20 take "de" before the noun ("20 de dosare", "101 dosare" but
 * "120 de dosare"): where the `_few` text has "{{count}} <word>", `_other` must have
 * "{{count}} de <word>".
 */
export function checkRomanianDe(name: string, ro: object): string[] {
  const problems: string[] = [];
  const flat = flatten(ro);
  for (const [key, few] of flat) {
    if (!key.endsWith('_few') || typeof few !== 'string') continue;
    const other = flat.get(key.replace(/_few$/, '_other'));
    const m = /\{\{(\w+)\}\}\s+(\p{L}+)/u.exec(few);
    if (!m || typeof other !== 'string') continue;
    if (!new RegExp(`\\{\\{${m[1]}\\}\\}\\s+de\\s+\\p{L}`, 'u').test(other)) {
      problems.push(`${name}: ro ${key.replace(/_few$/, '_other')} should read "{{${m[1]}}} de ${m[2]}…" (20 de …), not "${other}"`);
    }
  }
  return problems;
}
