/**
 * The workbook's sheets and columns: one table drives export, import and the format
 * document, so the three cannot drift apart. Headers exist in English, Russian and Romanian;
 * export writes the UI language, import accepts any of them (case and spaces ignored).
 */
import {
  CONTACT_KINDS, DOSSIER_STATUSES, OUTCOMES, SEGMENTS, STEP_KINDS,
  LADDER_LEVELS, NEGOTIATION_REASONS, SOLUTION_KINDS,
  type Contact, type Dossier, type HistoryEntry, type Invoice, type Payment, type Portfolio, type Step,
} from '../model/records';

/** The languages a workbook's sheet names and headers are written in. */
export const WORKBOOK_LANGUAGES = ['en', 'ru', 'ro'] as const;
export type Language = (typeof WORKBOOK_LANGUAGES)[number];

/** A sheet's or column's names in every language: import accepts any of them. */
export function namesOf(x: Readonly<Record<Language, string>>): string[] {
  return WORKBOOK_LANGUAGES.map((l) => x[l]);
}

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
  | 'enum'
  | 'instalments'; // a payment schedule: 'YYYY-MM-DD amount' items joined with '; '

export interface ColumnSpec {
  field: string;
  en: string;
  ru: string;
  ro: string;
  type: ColumnType;
  /** The row is rejected when this cell is empty. */
  required?: boolean;
  /** Allowed values of an enum column ('' allowed when not required). */
  values?: readonly string[];
  /** Column width in characters. */
  width: number;
  /** Value of an empty cell or an absent column, when not the type's own empty value. */
  empty?: unknown;
  /**
   * An empty cell or an absent column leaves the field out of the record (undefined): for
   * fields added after records were first exchanged, whose content hash must not change.
   */
  optional?: boolean;
}

const META_COLUMNS: ColumnSpec[] = [
  { field: 'author', en: 'Author', ru: 'Автор', ro: 'Autor', type: 'text', width: 16 },
  { field: 'createdAt', en: 'Created', ru: 'Создано', ro: 'Creat', type: 'instant', width: 20 },
  { field: 'updatedAt', en: 'Updated', ru: 'Изменено', ro: 'Modificat', type: 'instant', width: 20 },
  // The content hash at the last exchange; see docs/workbook-format.md ("Version").
  { field: 'syncBase', en: 'Version', ru: 'Версия', ro: 'Versiune', type: 'text', width: 18 },
];

const ID: ColumnSpec = { field: 'id', en: 'ID', ru: 'ID', ro: 'ID', type: 'id', width: 38 };
const DOSSIER_REF: ColumnSpec = { field: 'dossierId', en: 'Dossier ID', ru: 'ID досье', ro: 'ID dosar', type: 'ref', width: 38 };
/**
 * Child sheets also show the dossier's company: a reader sees whose row it is, and a person
 * who adds a row may type the company instead of the dossier id.
 */
export const COMPANY_REF: ColumnSpec = { field: '$company', en: 'Company', ru: 'Компания', ro: 'Firmă', type: 'text', width: 30 };

export type RecordSheetKey = 'dossiers' | 'contacts' | 'history' | 'steps' | 'invoices' | 'payments';

export interface SheetSpec {
  key: RecordSheetKey;
  en: string;
  ru: string;
  ro: string;
  /** Other names accepted on import. */
  aliases?: readonly string[];
  columns: ColumnSpec[];
}

/**
 * The client's profile (issue 14). Optional: a workbook without these columns, or with
 * them empty, reads into the same records (and content hashes) as before they existed.
 */
const PROFILE_COLUMNS: ColumnSpec[] = [
  { field: 'okved', en: 'OKVED', ru: 'ОКВЭД', ro: 'Cod OKVED', type: 'text', width: 10, optional: true },
  { field: 'headcount', en: 'Headcount', ru: 'Численность', ro: 'Număr angajați', type: 'int', width: 10, optional: true },
  { field: 'annualRevenue', en: 'Annual revenue', ru: 'Годовая выручка', ro: 'Cifră de afaceri anuală', type: 'number', width: 14, optional: true },
  { field: 'registeredOn', en: 'Registered on', ru: 'Дата регистрации', ro: 'Înregistrată la', type: 'day', width: 12, optional: true },
  { field: 'vipCriteria', en: 'VIP criteria', ru: 'Критерии VIP', ro: 'Criterii VIP', type: 'list', width: 24, optional: true },
  { field: 'coveredFrom', en: 'Covered from', ru: 'Замещает с', ro: 'Preluat din data', type: 'day', width: 12, optional: true },
  { field: 'ownerHistory', en: 'Owner history', ru: 'Прежние ответственные', ro: 'Responsabili anteriori', type: 'list', width: 24, optional: true },
];

export const DOSSIER_SHEET: SheetSpec = {
  key: 'dossiers', en: 'Dossiers', ru: 'Досье', ro: 'Dosare',
  columns: [
    ID,
    { field: 'company', en: 'Company', ru: 'Компания', ro: 'Firmă', type: 'text', required: true, width: 32 },
    { field: 'taxId', en: 'Tax ID', ru: 'ИНН', ro: 'Cod fiscal', type: 'text', width: 14 },
    { field: 'industry', en: 'Industry', ru: 'Отрасль', ro: 'Domeniu', type: 'text', width: 16 },
    { field: 'segment', en: 'Segment', ru: 'Сегмент', ro: 'Segment', type: 'enum', values: SEGMENTS, width: 10 },
    { field: 'territory', en: 'Territory', ru: 'Регион', ro: 'Regiune', type: 'text', width: 16 },
    { field: 'vip', en: 'VIP', ru: 'VIP', ro: 'VIP', type: 'bool', width: 7 },
    { field: 'owner', en: 'Owner', ru: 'Ответственный', ro: 'Responsabil', type: 'text', width: 18 },
    { field: 'tags', en: 'Tags', ru: 'Метки', ro: 'Etichete', type: 'list', width: 20 },
    { field: 'notes', en: 'Notes', ru: 'Заметки', ro: 'Note', type: 'text', width: 40 },
    { field: 'status', en: 'Status', ru: 'Статус', ro: 'Stare', type: 'enum', values: DOSSIER_STATUSES, empty: 'active', width: 10 },
    { field: 'coveredFor', en: 'Covered for', ru: 'Замещает', ro: 'Preluat de la', type: 'text', width: 16 },
    { field: 'coveredUntil', en: 'Covered until', ru: 'Замещает до', ro: 'Preluat până la', type: 'day', width: 12 },
    { field: 'coveredBy', en: 'Covered by', ru: 'Кто замещает', ro: 'Preluat de colegul', type: 'text', width: 16, optional: true },
    ...PROFILE_COLUMNS,
    ...META_COLUMNS,
  ],
};

export const CONTACT_SHEET: SheetSpec = {
  key: 'contacts', en: 'Contacts', ru: 'Контакты', ro: 'Contacte',
  columns: [
    ID, DOSSIER_REF, COMPANY_REF,
    { field: 'name', en: 'Name', ru: 'ФИО', ro: 'Nume', type: 'text', required: true, width: 26 },
    { field: 'position', en: 'Position', ru: 'Должность', ro: 'Funcție', type: 'text', width: 18 },
    { field: 'phones', en: 'Phones', ru: 'Телефоны', ro: 'Telefoane', type: 'list', width: 20 },
    { field: 'emails', en: 'E-mails', ru: 'E-mail', ro: 'Adrese e-mail', type: 'list', width: 24 },
    { field: 'decisionMaker', en: 'Decision maker', ru: 'ЛПР', ro: 'Decident', type: 'bool', width: 8 },
    { field: 'note', en: 'Note', ru: 'Примечание', ro: 'Notă', type: 'text', width: 30 },
    ...META_COLUMNS,
  ],
};

export const HISTORY_SHEET: SheetSpec = {
  // Excel reserves the sheet name "History" (change tracking), so English uses another name.
  key: 'history', en: 'Contact history', ru: 'История', ro: 'Istoric contacte', aliases: ['History', 'Log'],
  columns: [
    ID, DOSSIER_REF, COMPANY_REF,
    { field: 'at', en: 'When (UTC)', ru: 'Когда (UTC)', ro: 'Când (UTC)', type: 'instant', required: true, width: 20 },
    { field: 'kind', en: 'Kind', ru: 'Вид', ro: 'Tip', type: 'enum', values: CONTACT_KINDS, required: true, width: 10 },
    { field: 'outcome', en: 'Outcome', ru: 'Итог', ro: 'Rezultat', type: 'enum', values: OUTCOMES, width: 12 },
    { field: 'summary', en: 'Summary', ru: 'Содержание', ro: 'Rezumat', type: 'text', width: 50 },
    ...META_COLUMNS,
  ],
};

export const STEP_SHEET: SheetSpec = {
  key: 'steps', en: 'Steps', ru: 'Шаги', ro: 'Pași',
  columns: [
    ID, DOSSIER_REF, COMPANY_REF,
    { field: 'kind', en: 'Kind', ru: 'Вид', ro: 'Tip', type: 'enum', values: STEP_KINDS, required: true, width: 10 },
    { field: 'title', en: 'Title', ru: 'Что сделать', ro: 'Ce este de făcut', type: 'text', width: 30 },
    { field: 'date', en: 'Date', ru: 'Дата', ro: 'Data', type: 'day', width: 12 },
    { field: 'month', en: 'Month', ru: 'Месяц', ro: 'Luna', type: 'month', width: 9 },
    { field: 'time', en: 'Time', ru: 'Время', ro: 'Ora', type: 'time', width: 7 },
    { field: 'durationMin', en: 'Duration, min', ru: 'Длительность, мин', ro: 'Durată, min', type: 'int', empty: 0, width: 10 },
    { field: 'remindMin', en: 'Remind, min before', ru: 'Напомнить за, мин', ro: 'Memento, min înainte', type: 'int', empty: -1, width: 10 },
    { field: 'done', en: 'Done', ru: 'Выполнено', ro: 'Făcut', type: 'bool', width: 9 },
    { field: 'doneAt', en: 'Done at', ru: 'Когда выполнено', ro: 'Făcut la', type: 'instant', width: 20 },
    ...META_COLUMNS,
  ],
};

export const INVOICE_SHEET: SheetSpec = {
  key: 'invoices', en: 'Invoices', ru: 'Счета', ro: 'Facturi',
  columns: [
    ID, DOSSIER_REF, COMPANY_REF,
    { field: 'number', en: 'Number', ru: 'Номер', ro: 'Număr', type: 'text', required: true, width: 14 },
    { field: 'basis', en: 'Basis', ru: 'Основание', ro: 'Temei', type: 'text', width: 24 },
    { field: 'amount', en: 'Amount', ru: 'Сумма', ro: 'Sumă', type: 'number', required: true, width: 14 },
    { field: 'currency', en: 'Currency', ru: 'Валюта', ro: 'Monedă', type: 'text', width: 8 },
    { field: 'issuedOn', en: 'Issued on', ru: 'Выставлен', ro: 'Emisă la', type: 'day', width: 12 },
    { field: 'dueOn', en: 'Due on', ru: 'Срок оплаты', ro: 'Scadență', type: 'day', required: true, width: 12 },
    // Paid in full that day (older workbooks know no other payment); partial ones are on Payments.
    { field: 'paidOn', en: 'Paid on', ru: 'Оплачен', ro: 'Încasată la', type: 'day', width: 12 },
    { field: 'terms', en: 'Terms', ru: 'Условия оплаты', ro: 'Condiții de plată', type: 'text', optional: true, width: 20 },
    { field: 'paymentWay', en: 'Way of payment', ru: 'Способ оплаты', ro: 'Modalitate de plată', type: 'text', optional: true, width: 20 },
    { field: 'loyaltyNote', en: 'Loyalty discount', ru: 'Скидка за лояльность', ro: 'Reducere de fidelitate', type: 'text', optional: true, width: 20 },
    { field: 'ladderLevel', en: 'Ladder level', ru: 'Ступень взыскания', ro: 'Treaptă de recuperare', type: 'enum', values: LADDER_LEVELS, optional: true, width: 12 },
    { field: 'holdReason', en: 'On hold because', ru: 'Приостановлено: причина', ro: 'Suspendat: motiv', type: 'text', optional: true, width: 20 },
    { field: 'negotiationReason', en: 'Why unpaid', ru: 'Причина неоплаты', ro: 'Motivul neplății', type: 'enum', values: NEGOTIATION_REASONS, optional: true, width: 12 },
    { field: 'solutionKind', en: 'Solution', ru: 'Решение', ro: 'Soluție', type: 'enum', values: SOLUTION_KINDS, optional: true, width: 14 },
    { field: 'instalments', en: 'Instalments', ru: 'График платежей', ro: 'Rate', type: 'instalments', optional: true, width: 30 },
    ...META_COLUMNS,
  ],
};

/** Payments received, partial ones included: one row each, merged by id like every record. */
export const PAYMENT_SHEET: SheetSpec = {
  key: 'payments', en: 'Payments', ru: 'Оплаты', ro: 'Plăți',
  columns: [
    ID, DOSSIER_REF, COMPANY_REF,
    { field: 'invoiceId', en: 'Invoice ID', ru: 'ID счёта', ro: 'ID factură', type: 'ref', required: true, width: 38 },
    { field: 'amount', en: 'Amount', ru: 'Сумма', ro: 'Sumă', type: 'number', required: true, width: 14 },
    { field: 'paidOn', en: 'Paid on', ru: 'Дата оплаты', ro: 'Plătită la', type: 'day', required: true, width: 12 },
    ...META_COLUMNS,
  ],
};

export const RECORD_SHEETS: readonly SheetSpec[] = [DOSSIER_SHEET, CONTACT_SHEET, HISTORY_SHEET, STEP_SHEET, INVOICE_SHEET, PAYMENT_SHEET];

export const META_SHEET = { en: 'Meta', ru: 'Сведения', ro: 'Informații' } as const;
export const HOLIDAY_SHEET = { en: 'Holidays', ru: 'Праздники', ro: 'Sărbători', columnEn: 'Date', columnRu: 'Дата', columnRo: 'Data' } as const;
/** Moved working days (a Saturday worked in place of a bridge day); absent from older workbooks. */
export const WORKING_DAY_SHEET = { en: 'Working days', ru: 'Рабочие дни', ro: 'Zile lucrătoare', columnEn: 'Date', columnRu: 'Дата', columnRo: 'Data' } as const;
export const OVERFLOW_SHEET = { en: 'Long texts', ru: 'Длинные тексты', ro: 'Texte lungi' } as const;

/** Dossier custom fields are extra columns "custom: <key>" (or "поле: <key>", "câmp: <key>"). */
export const CUSTOM_PREFIX = { en: 'custom: ', ru: 'поле: ', ro: 'câmp: ' } as const;
const CUSTOM_RE = /^\s*(custom|поле|câmp|camp)\s*:\s?/i;

export function customKeyOf(header: string): string | undefined {
  const m = CUSTOM_RE.exec(header);
  return m ? header.slice(m[0].length) : undefined;
}

/**
 * Header comparison ignores case, spaces, dots, commas, 'ё' and which Romanian s/t with a
 * mark is used (older keyboards type the cedilla ş ţ, the standard is the comma ș ț).
 */
export function headerKey(s: string): string {
  return s.toLowerCase().replace(/ё/g, 'е').replace(/ş/g, 'ș').replace(/ţ/g, 'ț').replace(/[\s.,_:;()-]+/g, '');
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

export type RecordOf = { dossiers: Dossier; contacts: Contact; history: HistoryEntry; steps: Step; invoices: Invoice; payments: Payment };
export type PortfolioRecords = Omit<Portfolio, 'holidays' | 'extraWorkingDays'>;
