/**
 * Problems found in a workbook. Each names where it is (sheet, Excel row number, column
 * letter) and carries a code plus parameters, so the UI and the CLI can print it in the
 * user's language (issueMessage) while tests assert on the code.
 */

export interface WorkbookIssue {
  code: IssueCode;
  sheet?: string;
  /** Excel row number (1 = header row). */
  row?: number;
  /** Column letter (A, B, …). */
  column?: string;
  params?: Record<string, string | number>;
  /** English text, for logs and tests; use issueMessage for the UI. */
  message: string;
}

type Lang = 'ru' | 'en';
type Template = (p: Record<string, string | number>) => string;

const TAX_REASON_RU: Record<string, string> = {
  checksum: 'не сходится контрольное число', length: 'нужно 10 или 12 цифр', digits: 'не только цифры', empty: 'пусто',
};

/** en, ru templates. Keep them short: one line per problem in the CLI. */
const TEMPLATES = {
  // fatal: the file as a whole
  'not-a-workbook': [
    () => 'This is not an Excel workbook (.xlsx).',
    () => 'Это не книга Excel (.xlsx).',
  ],
  damaged: [
    (p) => `The workbook is damaged and cannot be read (${p.detail}).`,
    (p) => `Книга повреждена и не читается (${p.detail}).`,
  ],
  encrypted: [
    () => 'The workbook is password-protected. Open it in Excel, remove the password (File > Info > Protect Workbook) and save it again.',
    () => 'Книга защищена паролем. Откройте её в Excel, снимите пароль (Файл > Сведения > Защита книги) и сохраните снова.',
  ],
  'empty-workbook': [
    () => 'The workbook is empty: none of its sheets has any cells filled in.',
    () => 'Книга пустая: ни на одном листе нет заполненных ячеек.',
  ],
  'no-header-row': [
    () => 'No sheet has a row of column names this app recognises (such as Company, INN, Phone). Add one above the clients and import again.',
    () => 'Ни на одном листе нет строки с названиями столбцов, которые программа узнаёт (например, «Компания», «ИНН», «Телефон»). Добавьте её над списком клиентов и загрузите снова.',
  ],
  unreadable: [
    () => 'The file could not be read: its contents are not what a spreadsheet holds.',
    () => 'Файл не удалось прочитать: внутри не то, что бывает в таблице.',
  ],
  'no-company-column': [
    () => 'No column of the list holds company names (a header such as Company, Client or Наименование).',
    () => 'Ни в одном столбце списка нет названий компаний (заголовок вроде «Компания», «Клиент» или «Наименование»).',
  ],
  'no-clients': [
    () => 'The list has no client rows with a company name.',
    () => 'В списке нет строк клиентов с названием компании.',
  ],
  'no-dossiers-sheet': [
    () => 'The workbook has no Dossiers sheet: it is not a Tickler portfolio. To bring in an old client list, use "Import a list".',
    () => 'В книге нет листа «Досье»: это не портфель Tickler. Старый список клиентов загружайте через «Импорт списка».',
  ],
  'missing-columns': [
    (p) => `Required columns are missing: ${p.columns}.`,
    (p) => `Нет обязательных столбцов: ${p.columns}.`,
  ],
  'future-version': [
    (p) => `The workbook has format version ${p.version}, newer than this app understands (${p.supported}). Update the app.`,
    (p) => `Формат книги версии ${p.version} новее, чем понимает программа (${p.supported}). Обновите программу.`,
  ],
  'bad-version': [
    (p) => `The format version "${p.value}" is not a whole number.`,
    (p) => `Версия формата «${p.value}» не целое число.`,
  ],
  'too-large': [
    (p) => p.what === 'entries'
      ? `The file holds ${p.size} parts (at most ${p.limit}): it is not a normal workbook and was not opened.`
      : p.what === 'ratio'
        ? `The file unpacks to ${p.size} MB, more than ${p.limit} times its size: it is not a normal workbook and was not opened.`
        : `The file unpacks to ${p.size} MB (at most ${p.limit} MB): it is too large to open safely.`,
    (p) => p.what === 'entries'
      ? `В файле ${p.size} частей (не больше ${p.limit}): это не обычная книга, она не открыта.`
      : p.what === 'ratio'
        ? `Файл распаковывается в ${p.size} МБ, больше чем в ${p.limit} раз против своего размера: это не обычная книга, она не открыта.`
        : `Файл распаковывается в ${p.size} МБ (не больше ${p.limit} МБ): он слишком велик, чтобы открыть его безопасно.`,
  ],
  'too-many-rows': [
    (p) => `The sheet has more than ${p.limit} rows, more than Excel can hold.`,
    (p) => `На листе больше ${p.limit} строк — больше, чем вмещает Excel.`,
  ],
  'too-many-cells': [
    (p) => `The workbook has more than ${p.limit} cells: too many to open safely.`,
    (p) => `В книге больше ${p.limit} ячеек: слишком много, чтобы открыть безопасно.`,
  ],
  'text-too-long': [
    (p) => `Text of ${p.length} characters is longer than a cell can hold (${p.max}).`,
    (p) => `Текст из ${p.length} символов длиннее, чем вмещает ячейка (${p.max}).`,
  ],
  // row errors: the row is left out
  'bad-date': [
    (p) => `"${p.value}" is not a date (expected dd.mm.yyyy).`,
    (p) => `«${p.value}» — не дата (ожидается дд.мм.гггг).`,
  ],
  'bad-instant': [
    (p) => `"${p.value}" is not a date and time.`,
    (p) => `«${p.value}» — не дата и время.`,
  ],
  'bad-month': [
    (p) => `"${p.value}" is not a month (expected yyyy-mm or mm.yyyy).`,
    (p) => `«${p.value}» — не месяц (ожидается гггг-мм или мм.гггг).`,
  ],
  'bad-time': [
    (p) => `"${p.value}" is not a time (expected hh:mm).`,
    (p) => `«${p.value}» — не время (ожидается чч:мм).`,
  ],
  'bad-number': [
    (p) => `"${p.value}" is not a number.`,
    (p) => `«${p.value}» — не число.`,
  ],
  'bad-boolean': [
    (p) => `"${p.value}" is not yes or no.`,
    (p) => `«${p.value}» — не «да» или «нет».`,
  ],
  'bad-id': [
    (p) => `"${p.value}" is not a record id.`,
    (p) => `«${p.value}» — не идентификатор записи.`,
  ],
  'unknown-value': [
    (p) => `"${p.value}" is not one of: ${p.allowed}.`,
    (p) => `«${p.value}» — не одно из: ${p.allowed}.`,
  ],
  required: [
    (p) => `${p.header} is required.`,
    (p) => `Нужно заполнить «${p.header}».`,
  ],
  'duplicate-id': [
    (p) => `The id ${p.id} already appears in row ${p.firstRow}.`,
    (p) => `Идентификатор ${p.id} уже есть в строке ${p.firstRow}.`,
  ],
  'unknown-dossier': [
    (p) => `No dossier "${p.value}" for this row.`,
    (p) => `Нет досье «${p.value}» для этой строки.`,
  ],
  'ambiguous-dossier': [
    (p) => `Several dossiers are named "${p.value}"; fill in the dossier id.`,
    (p) => `Несколько досье называются «${p.value}»; укажите id досье.`,
  ],
  'step-date-or-month': [
    () => 'A step needs a date or a month.',
    () => 'Для шага нужна дата или месяц.',
  ],
  // a client list: the row is imported, noted
  'bad-next-date': [
    (p) => `"${p.value}" is not a date; filed under the default date.`,
    (p) => `«${p.value}» — не дата; досье положено на дату по умолчанию.`,
  ],
  'totals-row': [
    () => 'A totals row, not a client: left out.',
    () => 'Строка итогов, а не клиент: пропущена.',
  ],
  // warnings: the data is kept
  'bad-tax-id': [
    (p) => `Tax id "${p.value}" looks wrong (${p.reason}); kept as typed.`,
    (p) => `ИНН «${p.value}» похож на ошибочный (${TAX_REASON_RU[p.reason as string] ?? p.reason}); сохранён как есть.`,
  ],
  'unknown-column': [
    (p) => `Column "${p.header}" is not part of the format and was ignored.`,
    (p) => `Столбец «${p.header}» не входит в формат и пропущен.`,
  ],
  'unknown-sheet': [
    (p) => `Sheet "${p.sheet}" is not part of the format and was ignored.`,
    (p) => `Лист «${p.sheet}» не входит в формат и пропущен.`,
  ],
  'no-meta': [
    () => 'The workbook has no Meta sheet; read as format version 1.',
    () => 'В книге нет листа «Сведения»; прочитана как формат версии 1.',
  ],
  'count-mismatch': [
    (p) => `The Meta sheet says ${p.expected} rows, the sheet has ${p.actual} (rows were added or deleted).`,
    (p) => `На листе «Сведения» указано строк: ${p.expected}, на листе: ${p.actual} (строки добавлены или удалены).`,
  ],
  // merge
  'orphan-record': [
    (p) => `The record refers to dossier ${p.dossierId}, which exists neither here nor in the workbook.`,
    (p) => `Запись ссылается на досье ${p.dossierId}, которого нет ни здесь, ни в книге.`,
  ],
} satisfies Record<string, [Template, Template]>;

export type IssueCode = keyof typeof TEMPLATES;

export const FATAL_CODES: readonly IssueCode[] = [
  'not-a-workbook', 'empty-workbook', 'no-header-row', 'unreadable', 'no-company-column', 'no-clients', 'damaged', 'encrypted',
  'too-large', 'too-many-rows', 'too-many-cells', 'no-dossiers-sheet', 'missing-columns', 'future-version', 'bad-version',
];

export function makeIssue(
  code: IssueCode,
  where: { sheet?: string; row?: number; column?: string } = {},
  params: Record<string, string | number> = {},
): WorkbookIssue {
  const issue: WorkbookIssue = { code, ...where, params, message: '' };
  issue.message = issueMessage(issue, 'en');
  return issue;
}

/** The issue's text in the user's language, prefixed by its place ("Досье!5, C: …"). */
export function issueMessage(issue: Pick<WorkbookIssue, 'code' | 'params'>, lang: Lang): string {
  const pair = (TEMPLATES as Record<string, [Template, Template]>)[issue.code];
  if (!pair) return issue.code;
  return pair[lang === 'ru' ? 1 : 0](issue.params ?? {});
}

/**
 * "Sheet!Row: column C: message" (or "file: message" for a problem with the whole file):
 * the one-line form the CLI prints and the import report lists.
 */
export function issueLine(issue: WorkbookIssue, lang: Lang = 'en', file?: string): string {
  const text = issueMessage(issue, lang);
  const col = issue.column ? `${lang === 'ru' ? 'столбец' : 'column'} ${issue.column}: ` : '';
  if (issue.sheet && issue.row !== undefined) return `${issue.sheet}!${issue.row}: ${col}${text}`;
  if (issue.sheet) return `${issue.sheet}: ${col}${text}`;
  return file ? `${file}: ${text}` : text;
}

/** Issues of one kind on many rows, told once ("40 INNs fail the check digit: rows 4–43, kept as typed"). */
export interface IssueGroup {
  code: IssueCode;
  /** The issues' common parameters (a tax id's reason). */
  params: Record<string, string | number>;
  rows: number[];
  sheet?: string;
}

/** Codes whose issues differ by a parameter worth its own group. */
const GROUP_BY: Partial<Record<IssueCode, string>> = { 'bad-tax-id': 'reason' };

export function groupIssues(issues: readonly WorkbookIssue[]): IssueGroup[] {
  const groups = new Map<string, IssueGroup>();
  for (const i of issues) {
    const by = GROUP_BY[i.code];
    const value = by ? i.params?.[by] : undefined;
    const key = `${i.code}\u0000${i.sheet ?? ''}\u0000${value ?? ''}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { code: i.code, params: by && value !== undefined ? { [by]: value } : {}, rows: [], sheet: i.sheet }));
    if (i.row !== undefined) g.rows.push(i.row);
  }
  return [...groups.values()];
}

/** "4–43, 45, 47–50": consecutive rows as ranges, at most `max` pieces then "…". */
export function rowRanges(rows: readonly number[], max = 8): string {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    // Two neighbours read better as "4, 5" than as a range.
    if (j === i + 1) j = i;
    parts.push(j > i ? `${sorted[i]}–${sorted[j]}` : String(sorted[i]));
    i = j;
  }
  return parts.length > max ? `${parts.slice(0, max).join(', ')}, …` : parts.join(', ');
}

/** en singular, en plural, ru singular, ru plural. */
const TAX_GROUP: Record<string, [string, string, string, string]> = {
  checksum: ['fails the check digit', 'fail the check digit', 'не проходит проверку контрольного числа', 'не проходят проверку контрольного числа'],
  length: ['is not 10 or 12 digits long', 'are not 10 or 12 digits long', 'не из 10 или 12 цифр', 'не из 10 или 12 цифр'],
  digits: ['has more than digits in it', 'have more than digits in them', 'содержит не только цифры', 'содержат не только цифры'],
};

type GroupTemplate = (n: number, rows: string, p: Record<string, string | number>) => string;

/** The group's line. Russian counts come as "label: n", so no plural forms are needed. */
const GROUP_TEMPLATES: Partial<Record<IssueCode, [GroupTemplate, GroupTemplate]>> = {
  'bad-tax-id': [
    (n, rows, p) => `${n} INN${n === 1 ? '' : 's'} ${TAX_GROUP[p.reason as string]?.[n === 1 ? 0 : 1] ?? 'look wrong'}: ${n === 1 ? 'row' : 'rows'} ${rows}, kept as typed.`,
    (n, rows, p) => (n === 1
      ? `ИНН ${TAX_GROUP[p.reason as string]?.[2] ?? 'похож на ошибочный'}: строка ${rows}; сохранён как есть.`
      : `ИНН ${TAX_GROUP[p.reason as string]?.[3] ?? 'похожи на ошибочные'} (${n}): строки ${rows}; сохранены как есть.`),
  ],
  'bad-next-date': [
    (n, rows) => `${n} next date${n === 1 ? ' is' : 's are'} not a date: ${n === 1 ? 'row' : 'rows'} ${rows}, filed under the default date.`,
    (n, rows) => `Не даты в столбце следующей даты (${n}): ${n === 1 ? 'строка' : 'строки'} ${rows}; досье положены на дату по умолчанию.`,
  ],
  required: [
    (n, rows) => `${n} row${n === 1 ? '' : 's'} without a company name: ${rows}, left out.`,
    (n, rows) => `Строк без названия компании: ${n} (${rows}); они пропущены.`,
  ],
  'totals-row': [
    (n, rows) => (n === 1 ? `A totals row, not a client: row ${rows}, left out.` : `${n} totals rows, not clients: rows ${rows}, left out.`),
    (n, rows) => (n === 1 ? `Строка итогов, а не клиент: строка ${rows}; пропущена.` : `Строки итогов, а не клиенты (${n}): строки ${rows}; пропущены.`),
  ],
};

/** The group in the user's language; kinds without a group text read as their first issue plus the rows. */
export function groupMessage(g: IssueGroup, lang: Lang): string {
  const rows = rowRanges(g.rows);
  const n = g.rows.length;
  const t = GROUP_TEMPLATES[g.code];
  if (t) return t[lang === 'ru' ? 1 : 0](n, rows, g.params);
  const text = issueMessage({ code: g.code, params: g.params }, lang);
  if (n === 0) return text;
  return `${text} (${lang === 'ru' ? (n === 1 ? 'строка' : 'строки') : n === 1 ? 'row' : 'rows'} ${rows})`;
}
