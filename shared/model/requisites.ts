import { z } from 'zod';
import { validateTaxId } from './tax-id';

/**
 * The manager's and the company's requisites: what a payment reminder, a reconciliation
 * statement and a claim letter are signed and addressed with. The schema checks only the
 * shapes a JSON schema can say (electron-store validates with the schema derived from
 * it); the check digits are `requisiteProblem`'s, which the settings form shows.
 * Every field may be empty: a manager fills in what their documents need.
 */
export const requisitesSchema = z.object({
  managerPosition: z.string().max(200).default(''),
  managerPhone: z.string().max(60).default(''),
  managerEmail: z.email().or(z.literal('')).default(''),
  company: z.string().max(300).default(''),
  /** ИНН: 10 digits for a company, 12 for a sole proprietor. */
  inn: z.string().regex(/^(\d{10}|\d{12})?$/).default(''),
  /** КПП: 4 digits (tax office), 2 digits or capitals (reason), 3 digits. */
  kpp: z.string().regex(/^(\d{4}[\dA-Z]{2}\d{3})?$/).default(''),
  /** ОГРН (13 digits) or ОГРНИП (15). */
  ogrn: z.string().regex(/^(\d{13}|\d{15})?$/).default(''),
  address: z.string().max(500).default(''),
  bank: z.string().max(300).default(''),
  /** БИК: 9 digits. */
  bic: z.string().regex(/^(\d{9})?$/).default(''),
  /** Расчётный счёт: 20 digits. */
  account: z.string().regex(/^(\d{20})?$/).default(''),
  /** Корреспондентский счёт: 20 digits. */
  corrAccount: z.string().regex(/^(\d{20})?$/).default(''),
  /** Romania: CUI/CIF, bare or with the VAT prefix RO. */
  cui: z.string().regex(/^((RO)?\d{2,10})?$/).default(''),
  /** Romania: the trade register number, e.g. J40/12345/2020. */
  regCom: z.string().max(40).default(''),
  iban: z.string().regex(/^([A-Z]{2}\d{2}[A-Z0-9]{11,30})?$/).default(''),
});
export type Requisites = z.infer<typeof requisitesSchema>;
export type RequisiteField = keyof Requisites;

export const emptyRequisites = (): Requisites => requisitesSchema.parse({});

export type RequisiteProblem = 'length' | 'digits' | 'checksum' | 'format' | 'needs-bic';

/** What the form stores: spaces people paste between digit groups dropped, letters in capitals where the format has them. */
export function cleanRequisite(field: RequisiteField, value: string): string {
  const v = value.trim();
  switch (field) {
    case 'inn': case 'ogrn': case 'bic': case 'account': case 'corrAccount':
      return v.replace(/[\s-]+/g, '');
    case 'kpp': case 'cui': case 'iban':
      return v.replace(/\s+/g, '').toUpperCase();
    default:
      return v;
  }
}

const digitsOnly = (v: string) => /^\d+$/.test(v);

/** The Bank of Russia's key for account numbers: weights 7 1 3 over BIC-part + account, sum ending in 0. */
function accountKeyOk(prefix3: string, account: string): boolean {
  const s = prefix3 + account;
  let sum = 0;
  for (let i = 0; i < s.length; i++) sum += Number(s[i]) * [7, 1, 3][i % 3]!;
  return sum % 10 === 0;
}

/** OGRN's last digit: the number before it mod 11 (13 digits) or mod 13 (15 digits), mod 10. */
function ogrnOk(v: string): boolean {
  const body = BigInt(v.slice(0, -1));
  const mod = v.length === 13 ? 11n : 13n;
  return Number((body % mod) % 10n) === Number(v[v.length - 1]);
}

/** ISO 13616: the country and check digits moved to the end, letters as 10-35, the whole mod 97 is 1. */
function ibanOk(v: string): boolean {
  const moved = v.slice(4) + v.slice(0, 4);
  let rest = 0;
  for (const ch of moved) {
    const code = /\d/.test(ch) ? ch : String(ch.charCodeAt(0) - 55);
    for (const d of code) rest = (rest * 10 + Number(d)) % 97;
  }
  return rest === 1;
}

/**
 * Why a cleaned value cannot be stored, or undefined when it can (empty always can). The
 * accounts are checked against the BIC, as banks do, so a typo in either is caught.
 */
export function requisiteProblem(field: RequisiteField, value: string, all: Partial<Requisites> = {}): RequisiteProblem | undefined {
  const v = cleanRequisite(field, value);
  if (v === '') return undefined;
  const fixed = (len: number[]) => (!digitsOnly(v) ? 'digits' : !len.includes(v.length) ? 'length' : undefined);
  switch (field) {
    case 'inn': {
      const shape = fixed([10, 12]);
      if (shape) return shape;
      return validateTaxId(v).ok ? undefined : 'checksum';
    }
    case 'kpp':
      return /^\d{4}[\dA-Z]{2}\d{3}$/.test(v) ? undefined : 'format';
    case 'ogrn':
      return fixed([13, 15]) ?? (ogrnOk(v) ? undefined : 'checksum');
    case 'bic':
      // Every Russian BIC starts with the country code 04.
      return fixed([9]) ?? (v.startsWith('04') ? undefined : 'format');
    case 'account':
    case 'corrAccount': {
      const shape = fixed([20]);
      if (shape) return shape;
      const bic = cleanRequisite('bic', all.bic ?? '');
      if (!/^\d{9}$/.test(bic)) return 'needs-bic';
      // A settlement account is keyed with the BIC's last three digits, the correspondent one with "0" and the BIC's 5th-6th.
      const prefix = field === 'account' ? bic.slice(6) : `0${bic.slice(4, 6)}`;
      return accountKeyOk(prefix, v) ? undefined : 'checksum';
    }
    case 'cui': {
      const r = validateTaxId(/^RO/.test(v) ? v : `RO${v}`);
      return r.ok ? undefined : r.reason === 'checksum' ? 'checksum' : r.reason === 'digits' ? 'digits' : 'length';
    }
    case 'iban':
      return /^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(v) ? (ibanOk(v) ? undefined : 'checksum') : 'format';
    case 'managerEmail':
      return z.email().safeParse(v).success ? undefined : 'format';
    default:
      return undefined;
  }
}
