/**
 * The receivables documents as data: what a payment reminder, a reconciliation statement
 * and a claim letter say, already in the reader's language, with amounts and days kept as
 * values. The print view and the workbook render the same model, so the paper and the
 * spreadsheet can never say different things.
 */
import type { Requisites } from '../../model/requisites';

export type DocumentKind = 'reminder' | 'reconciliation' | 'claim';
export const DOCUMENT_KINDS: readonly DocumentKind[] = ['reminder', 'reconciliation', 'claim'];

export type DocCell =
  | { kind: 'text'; text: string }
  | { kind: 'money'; amount: number; currency: string }
  | { kind: 'day'; day: string };

export interface DocTable {
  columns: { header: string; numeric?: boolean }[];
  rows: DocCell[][];
  /** Rows printed in bold under the body: opening balance, turnover, closing balance. */
  foot: DocCell[][];
}

export type DocBlock =
  | { kind: 'paragraph'; text: string }
  | { kind: 'fields'; pairs: [string, string][] }
  | { kind: 'table'; caption: string; table: DocTable };

export interface DocParty {
  heading: string;
  lines: string[];
}

export interface DocSignature {
  heading: string;
  position: string;
  name: string;
}

export interface DocumentModel {
  kind: DocumentKind;
  title: string;
  /** The line under the title: number and date, or the period. */
  subtitle: string;
  /** Without extension. */
  fileName: string;
  from: DocParty;
  to: DocParty;
  blocks: DocBlock[];
  signatures: DocSignature[];
}

/** How the builders speak: the UI language's table and its formats (the renderer passes i18next's). */
export interface DocLocale {
  t(key: string, params?: Record<string, unknown>): string;
  money(amount: number, currency: string): string;
  day(day: string): string;
  /** The amount in words where the language writes it on documents (Russian roubles), else undefined. */
  words(amount: number, currency: string): string | undefined;
}

/** Who writes: the manager and the company from the settings. */
export interface DocSender {
  managerName: string;
  requisites: Requisites;
}

/** Who is written to: the dossier's company and, when known, its decision maker. */
export interface DocClient {
  company: string;
  taxId: string;
  contactName: string;
  contactPosition: string;
}

export const textCell = (text: string): DocCell => ({ kind: 'text', text });
export const moneyCell = (amount: number, currency: string): DocCell => ({ kind: 'money', amount, currency });
export const dayCell = (day: string): DocCell => ({ kind: 'day', day });
