/**
 * What a pasted list will do before anything is written: which lines are added, which
 * need a fix, which look like a client already pasted above or already in the binder.
 * One bad line never blocks the other nineteen: it is fixed in place or skipped.
 */
import { companyKey, taxIdKey } from '../../../shared/model/company-key';
import type { DuplicateMatch } from '../../data/duplicates-repo';
import type { PastedClient, PasteResult } from './paste-lines';

export type PasteDuplicate =
  | { where: 'paste'; by: 'company' | 'taxId'; line: number }
  | { where: 'binder'; match: DuplicateMatch };

export interface ReviewedLine {
  client: PastedClient;
  /** Why the line cannot be saved as it is (a bad INN, e-mail): fix it or skip it. */
  errors: string[];
  duplicates: PasteDuplicate[];
  skipped: boolean;
}

export interface PasteReview {
  /** Every line with a company, in paste order. */
  lines: ReviewedLine[];
  /** Lines without a company name: never added unless fixed. */
  noCompany: PasteResult['skipped'];
  toAdd: PastedClient[];
  /** Lines with errors the manager has neither fixed nor skipped: saving waits for them. */
  unresolved: ReviewedLine[];
}

/** Identifies a skip: a line edited after it was skipped is a new line and asks again. */
export const skipKey = (line: number, text: string): string => `${line}\u0001${text}`;

export interface ReviewOptions {
  validate(c: PastedClient): string[];
  /** Stored dossiers each client may duplicate (same index as `clients`); undefined while read. */
  inBinder?: DuplicateMatch[][];
  skips: ReadonlySet<string>;
}

export function reviewPaste(parsed: PasteResult, { validate, inBinder, skips }: ReviewOptions): PasteReview {
  const firstByCompany = new Map<string, number>();
  const firstByTaxId = new Map<string, number>();
  const lines = parsed.clients.map((client, i): ReviewedLine => {
    const duplicates: PasteDuplicate[] = [];
    const inn = taxIdKey(client.taxId);
    const earlierInn = inn === '' ? undefined : firstByTaxId.get(inn);
    if (earlierInn !== undefined) duplicates.push({ where: 'paste', by: 'taxId', line: earlierInn });
    else if (inn !== '') firstByTaxId.set(inn, client.line);
    const key = companyKey(client.company);
    const earlier = key === '' ? undefined : firstByCompany.get(key);
    if (earlier !== undefined && earlier !== earlierInn) duplicates.push({ where: 'paste', by: 'company', line: earlier });
    else if (earlier === undefined && key !== '') firstByCompany.set(key, client.line);
    for (const match of inBinder?.[i] ?? []) duplicates.push({ where: 'binder', match });
    return { client, errors: validate(client), duplicates, skipped: skips.has(skipKey(client.line, client.text)) };
  });
  return {
    lines,
    noCompany: parsed.skipped,
    toAdd: lines.filter((l) => !l.skipped && l.errors.length === 0).map((l) => l.client),
    unresolved: lines.filter((l) => !l.skipped && l.errors.length > 0),
  };
}
