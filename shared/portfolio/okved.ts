/**
 * ОКВЭД-2 codes: the form (NN, NN.N, NN.NN, NN.NN.N, NN.NN.NN) and the class's name. Only
 * the two-digit classes are kept as data (okved-classes.ts): a code is named by its class,
 * which is what the portfolio split needs; a code whose class does not exist is refused.
 */
import { OKVED_CLASSES, type OkvedClass } from './okved-classes';

const FORM = /^\d{2}(\.\d(\d(\.\d\d?)?)?)?$/;
const BY_CODE = new Map(OKVED_CLASSES.map((c) => [c.code, c]));

export type OkvedCheck = { ok: true; code: string; cls: OkvedClass } | { ok: false; reason: 'form' | 'class' };

/** A typed code, trimmed and with a comma typed for the dot accepted ('46,9' -> '46.9'). */
export function checkOkved(text: string): OkvedCheck {
  const code = text.trim().replace(/,/g, '.');
  if (!FORM.test(code)) return { ok: false, reason: 'form' };
  const cls = BY_CODE.get(code.slice(0, 2));
  return cls ? { ok: true, code, cls } : { ok: false, reason: 'class' };
}

/** The class of a stored code, or undefined for an empty or invalid one. */
export function okvedClassOf(code: string | undefined): OkvedClass | undefined {
  if (!code) return undefined;
  const r = checkOkved(code);
  return r.ok ? r.cls : undefined;
}

/** The class's name in the interface language (in Romanian, the CAEN division of the same code). */
export function okvedClassName(cls: OkvedClass, lang: string): string {
  return lang === 'ru' ? cls.ru : lang === 'ro' ? cls.ro : cls.en;
}

/** Classes whose code or name contains the query, for the searchable picker. */
export function searchOkved(query: string, limit = 20): OkvedClass[] {
  const q = query.trim().toLowerCase();
  if (!q) return OKVED_CLASSES.slice(0, limit);
  return OKVED_CLASSES.filter((c) => c.code.startsWith(q.slice(0, 2)) || [c.ru, c.en, c.ro].some((n) => n.toLowerCase().includes(q))).slice(0, limit);
}
