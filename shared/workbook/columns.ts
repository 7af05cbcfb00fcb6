/**
 * The workbook's sheets and columns: one table drives export, import and the format
 * document, so the three cannot drift apart. Headers exist in English and Russian; export
 * writes the UI language, import accepts either (case and spaces ignored).
 */
import {
  CONTACT_KINDS, DOSSIER_STATUSES, OUTCOMES, SEGMENTS, STEP_KINDS,
  type Contact, type Dossier, type HistoryEntry, type Invoice, type Portfolio, type Step,
} from '../model/records';

export type ColumnType =
  | 'id' // record id (UUID); empty = a new row a person added
  | 'ref' // dossier id of a child record
  | 'text'
  | 'list' // string[] joined with '; '
  | 'bool'
  | 'day' // 'YYYY-MM-DD' as a date cell
  | 'month' // 'YYYY-MM' as text
  | 'time' // 'HH:mm' as text
  | 'instant' // ISO instant as a UTC date-time cell
  | 'int'
  | 'number'
  | 'enum';

export interface ColumnSpec {
  field: string;
  en: string;
  ru: string;
  type: ColumnType;
  /** The row is rejected when this cell is empty. */
  required?: boolean;
  /** Allowed values of an enum column ('' allowed when not required). */
  values?: readonly string[];
  /** Column width in characters. */
  width: number;
  /** Value of an empty cell or an absent column, when not the type's own empty value. */
  empty?: unknown;
}

const META_COLUMNS: ColumnSpec[] = [
  { field: 'author', en: 'Author', ru: 'Автор', type: 'text', width: 16 },
  { field: 'createdAt', en: 'Created', ru: 'Создано', type: 'instant', width: 20 },
  { field: 'updatedAt', en: 'Updated', ru: 'Изменено', type: 'instant', width: 20 },
  // The content hash at the last exchange; see docs/workbook-format.md ("Version").
  { field: 'syncBase', en: 'Version', ru: 'Версия', type: 'text', width: 18 },
];

const ID: ColumnSpec = { field: 'id', en: 'ID', ru: 'ID', type: 'id', width: 38 };
const DOSSIER_REF: ColumnSpec = { field: 'dossierId', en: 'Dossier ID', ru: 'ID досье', type: 'ref', width: 38 };
/**
 * Child sheets also show the dossier's company: a reader sees whose row it is, and a person
 * who adds a row may type the company instead of the dossier id.
 */
export const COMPANY_REF: ColumnSpec = { field: '$company', en: 'Company', ru: 'Компания', type: 'text', width: 30 };

export type RecordSheetKey = 'dossiers' | 'contacts' | 'history' | 'steps' | 'invoices';

export interface SheetSpec {
  key: RecordSheetKey;
  en: string;
  ru: string;
  /** Other names accepted on import. */
  aliases?: readonly string[];
  columns: ColumnSpec[];
}

export const DOSSIER_SHEET: SheetSpec = {
  key: 'dossiers', en: 'Dossiers', ru: 'Досье',
  columns: [
    ID,
    { field: 'company', en: 'Company', ru: 'Компания', type: 'text', required: true, width: 32 },
    { field: 'taxId', en: 'Tax ID', ru: 'ИНН', type: 'text', width: 14 },
    { field: 'industry', en: 'Industry', ru: 'Отрасль', type: 'text', width: 16 },
    { field: 'segment', en: 'Segment', ru: 'Сегмент', type: 'enum', values: SEGMENTS, width: 10 },
    { field: 'territory', en: 'Territory', ru: 'Регион', type: 'text', width: 16 },
    { field: 'vip', en: 'VIP', ru: 'VIP', type: 'bool', width: 7 },
    { field: 'owner', en: 'Owner', ru: 'Ответственный', type: 'text', width: 18 },
    { field: 'tags', en: 'Tags', ru: 'Метки', type: 'list', width: 20 },
    { field: 'notes', en: 'Notes', ru: 'Заметки', type: 'text', width: 40 },
    { field: 'status', en: 'Status', ru: 'Статус', type: 'enum', values: DOSSIER_STATUSES, empty: 'active', width: 10 },
    { field: 'coveredFor', en: 'Covered for', ru: 'Замещает', type: 'text', width: 16 },
    { field: 'coveredUntil', en: 'Covered until', ru: 'Замещает до', type: 'day', width: 12 },
    ...META_COLUMNS,
  ],
};

export const CONTACT_SHEET: SheetSpec = {
  key: 'contacts', en: 'Contacts', ru: 'Контакты',
  columns: [
    ID, DOSSIER_REF, COMPANY_REF,
    { field: 'name', en: 'Name', ru: 'ФИО', type: 'text', required: true, width: 26 },
    { field: 'position', en: 'Position', ru: 'Должность', type: 'text', width: 18 },
    { field: 'phones', en: 'Phones', ru: 'Телефоны', type: 'list', width: 20 },
    { field: 'emails', en: 'E-mails', ru: 'E-mail', type: 'list', width: 24 },
    { field: 'decisionMaker', en: 'Decision maker', ru: 'ЛПР', type: 'bool', width: 8 },
    { field: 'note', en: 'Note', ru: 'Примечание', type: 'text', width: 30 },
    ...META_COLUMNS,
  ],
};

export const HISTORY_SHEET: SheetSpec = {
  // Excel reserves the sheet name "History" (change tracking), so English uses another name.
  key: 'history', en: 'Contact history', ru: 'История', aliases: ['History', 'Log'],
  columns: [
    ID, DOSSIER_REF, COMPANY_REF,
    { field: 'at', en: 'When (UTC)', ru: 'Когда (UTC)', type: 'instant', required: true, width: 20 },
    { field: 'kind', en: 'Kind', ru: 'Вид', type: 'enum', values: CONTACT_KINDS, required: true, width: 10 },
    { field: 'outcome', en: 'Outcome', ru: 'Итог', type: 'enum', values: OUTCOMES, width: 12 },
    { field: 'summary', en: 'Summary', ru: 'Содержание', type: 'text', width: 50 },
    ...META_COLUMNS,
  ],
};

export const STEP_SHEET: SheetSpec = {
  key: 'steps', en: 'Steps', ru: 'Шаги',
  columns: [
    ID, DOSSIER_REF, COMPANY_REF,
    { field: 'kind', en: 'Kind', ru: 'Вид', type: 'enum', values: STEP_KINDS, required: true, width: 10 },
    { field: 'title', en: 'Title', ru: 'Что сделать', type: 'text', width: 30 },
    { field: 'date', en: 'Date', ru: 'Дата', type: 'day', width: 12 },
    { field: 'month', en: 'Month', ru: 'Месяц', type: 'month', width: 9 },
    { field: 'time', en: 'Time', ru: 'Время', type: 'time', width: 7 },
    { field: 'durationMin', en: 'Duration, min', ru: 'Длительность, мин', type: 'int', empty: 0, width: 10 },
    { field: 'remindMin', en: 'Remind, min before', ru: 'Напомнить за, мин', type: 'int', empty: -1, width: 10 },
    { field: 'done', en: 'Done', ru: 'Выполнено', type: 'bool', width: 9 },
    { field: 'doneAt', en: 'Done at', ru: 'Когда выполнено', type: 'instant', width: 20 },
    ...META_COLUMNS,
  ],
};

export const INVOICE_SHEET: SheetSpec = {
  key: 'invoices', en: 'Invoices', ru: 'Счета',
  columns: [
    ID, DOSSIER_REF, COMPANY_REF,
    { field: 'number', en: 'Number', ru: 'Номер', type: 'text', required: true, width: 14 },
    { field: 'basis', en: 'Basis', ru: 'Основание', type: 'text', width: 24 },
    { field: 'amount', en: 'Amount', ru: 'Сумма', type: 'number', required: true, width: 14 },
    { field: 'currency', en: 'Currency', ru: 'Валюта', type: 'text', width: 8 },
    { field: 'issuedOn', en: 'Issued on', ru: 'Выставлен', type: 'day', width: 12 },
    { field: 'dueOn', en: 'Due on', ru: 'Срок оплаты', type: 'day', required: true, width: 12 },
    { field: 'paidOn', en: 'Paid on', ru: 'Оплачен', type: 'day', width: 12 },
    ...META_COLUMNS,
  ],
};

export const RECORD_SHEETS: readonly SheetSpec[] = [DOSSIER_SHEET, CONTACT_SHEET, HISTORY_SHEET, STEP_SHEET, INVOICE_SHEET];

export const META_SHEET = { en: 'Meta', ru: 'Сведения' } as const;
export const HOLIDAY_SHEET = { en: 'Holidays', ru: 'Праздники', columnEn: 'Date', columnRu: 'Дата' } as const;
export const OVERFLOW_SHEET = { en: 'Long texts', ru: 'Длинные тексты' } as const;

/** Dossier custom fields are extra columns "custom: <key>" (or "поле: <key>"). */
export const CUSTOM_PREFIX = { en: 'custom: ', ru: 'поле: ' } as const;
const CUSTOM_RE = /^\s*(custom|поле)\s*:\s?/i;

export function customKeyOf(header: string): string | undefined {
  const m = CUSTOM_RE.exec(header);
  return m ? header.slice(m[0].length) : undefined;
}

/** Header comparison ignores case, spaces, dots, commas and 'ё'. */
export function headerKey(s: string): string {
  return s.toLowerCase().replace(/ё/g, 'е').replace(/[\s.,_:;()-]+/g, '');
}

export const FORMAT_VERSION = 1;
export const FORMAT_NAME = 'tickler-portfolio';

/** Excel's cell limit; longer texts continue on the "Long texts" sheet. */
export const CELL_MAX = 32767;

/** Excel's row limit; a record sheet with more rows continues on "<name> 2", "<name> 3", … */
export const SHEET_ROW_MAX = 1_048_576;

/** The name of part `n` (1-based) of a record sheet: the sheet's own name, then "<name> 2", … */
export function sheetPartName(name: string, n: number): string {
  return n === 1 ? name : `${name} ${n}`;
}

export type RecordOf = { dossiers: Dossier; contacts: Contact; history: HistoryEntry; steps: Step; invoices: Invoice };
export type PortfolioRecords = Omit<Portfolio, 'holidays'>;
