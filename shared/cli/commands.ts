/**
 * The command-line tool: `npm run tickler -- <command>`. Pure: the file system is passed
 * in (CliIo), output is lines and an exit code, so every command is tested without
 * spawning a process. Exit codes: 0 success, 1 the file has problems, 2 usage error.
 */
import { isValidDay, todayKey } from '../dates/calendar-day';
import { HOLIDAY_COUNTRIES, statutoryDaysOff, type HolidayCountry } from '../dates/statutory-holidays';
import { generateDemoChunks } from '../demo/generate-demo-portfolio';
import type { Portfolio } from '../model/records';
import { applyChanges, applyMergePlan, planMerge, type FilingSide } from '../merge';
import { abcAnalysis } from '../portfolio/abc';
import { workloadByOwner } from '../portfolio/workload';
import { guessColumnMapping, mapForeignRows, readSheetTable } from '../workbook/foreign';
import { groupIssues, groupMessage, issueLine, makeIssue, rowRanges } from '../workbook/issues';
import { countPortfolioWorkbook, readPortfolioWorkbook, type ReadResult } from '../workbook/read';
import { WORKBOOK_LANGUAGES } from '../workbook/columns';
import { writePortfolioWorkbook, writeSlicesTo, type Language } from '../workbook/write';
import { DEFAULT_WORK_CALENDAR } from '../dates/working-days';
import { ageingTotals } from '../receivables/ageing';

export interface CliOutput {
  lines: string[];
  exitCode: number;
}

export interface CliIo {
  readFile(path: string): Uint8Array;
  /** The file's bytes, whole or as chunks in order (a large workbook is never joined in memory). */
  writeFile(path: string, data: Uint8Array | readonly Uint8Array[]): void;
}

export const APP_VERSION = '0.1.0';

export const USAGE = [
  'Usage: npm run tickler -- <command> [options]',
  '',
  'Commands:',
  '  validate <file.xlsx>                      check a portfolio workbook; one line per problem',
  '  merge <base.xlsx> <incoming.xlsx> -o <out.xlsx>',
  '                                            merge incoming into base (conflicts keep base)',
  '  stats <file.xlsx>                         row counts of every record type (last line JSON)',
  '  demo <out.xlsx> --dossiers N [--history H] [--seed S] [--today YYYY-MM-DD]',
  '                                            write a generated demo portfolio',
  '                                            (H history entries per dossier, default 4)',
  '  holidays <ro|ru> <year>                   the year\'s statutory days off, one ISO date a line',
  '                                            (ru: with the weekend moves the law implies)',
  '  onboard <list.xlsx> -o <portfolio.xlsx> [--today YYYY-MM-DD] [--owner NAME]',
  '                                            a client list from another program as a portfolio',
  '                                            (the mapping the app proposes; last line JSON)',
  '  abc <portfolio.xlsx> [--today YYYY-MM-DD] [--currency RUB]',
  '                                            ABC classes by the last 365 days\' invoices (last line JSON)',
  '  workload <a.xlsx> [<b.xlsx> …] --from YYYY-MM-DD --days N',
  '                                            per owner: dossiers filed under each day, and overdue',
  '  ageing <portfolio.xlsx> [--today YYYY-MM-DD]',
  '                                            open amounts (amount less payments) by currency and',
  '                                            ageing bucket (last line JSON; the workbook\'s holidays)',
  '',
  'Options: --lang en|ru|ro (messages and headers, default en), --help',
];

interface Args {
  positional: string[];
  options: Map<string, string | true>;
}

/** Options that take a value; everything else starting with '-' is a flag. */
const VALUED = new Set(['o', 'out', 'dossiers', 'seed', 'today', 'lang', 'history', 'owner', 'from', 'days', 'currency']);

export function parseArgs(argv: readonly string[]): Args {
  const positional: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith('-') && a.length > 1) {
      const [name, inline] = a.replace(/^--?/, '').split('=', 2) as [string, string | undefined];
      if (inline !== undefined) options.set(name, inline);
      else if (VALUED.has(name) && i + 1 < argv.length) options.set(name, argv[++i]!);
      else options.set(name, true);
    } else {
      positional.push(a);
    }
  }
  return { positional, options };
}

/** The CLI's own words in each language; the workbook problems come from issues.ts. */
const WORDS: Record<Language, { warning: string; conflict: string; duplicate: (company: string, existing: string, why: string) => string }> = {
  en: { warning: 'warning', conflict: 'conflict (kept base)', duplicate: (c, e, why) => `possible duplicate (created): "${c}" looks like "${e}" (${why})` },
  ru: { warning: 'предупреждение', conflict: 'конфликт (оставлено из основы)', duplicate: (c, e, why) => `возможный дубль (создан): «${c}» похоже на «${e}» (${why})` },
  ro: { warning: 'avertisment', conflict: 'conflict (păstrat din bază)', duplicate: (c, e, why) => `posibil duplicat (creat): „${c}” seamănă cu „${e}” (${why})` },
};

type RowCounts = Record<Exclude<keyof Portfolio, 'extraWorkingDays'>, number>;

function countLine(n: RowCounts): Record<string, number> {
  return {
    dossiers: n.dossiers, contacts: n.contacts, history: n.history, steps: n.steps, invoices: n.invoices, holidays: n.holidays,
    // Only when there are some: older scripts compare this line for workbooks without payments.
    ...(n.payments ? { payments: n.payments } : {}),
  };
}

const counts = (p: Portfolio): Record<string, number> =>
  countLine({ dossiers: p.dossiers.length, contacts: p.contacts.length, history: p.history.length, steps: p.steps.length, invoices: p.invoices.length, payments: p.payments.length, holidays: p.holidays.length });

/**
 * Receivables ageing of a workbook: the reminder day ('due-soon') counts working days by
 * the workbook's own days off and moved working days over a Monday-Friday week, so the
 * answer is the same on any machine whatever its settings.
 */
export function ageingCommand(data: Uint8Array, file: string, today: string, lang: Language = 'en'): CliOutput {
  const r = readPortfolioWorkbook(data);
  if (!r.ok) return { lines: [issueLine(r.fatal, lang, file)], exitCode: 1 };
  const cal = { ...DEFAULT_WORK_CALENDAR, holidays: r.portfolio.holidays, extraWorkingDays: r.portfolio.extraWorkingDays ?? [] };
  const lines = r.errors.map((e) => issueLine(e, lang));
  lines.push(JSON.stringify(ageingTotals(r.portfolio.invoices, r.portfolio.payments, today, cal)));
  return { lines, exitCode: 0 };
}

export function validateCommand(data: Uint8Array, file: string, lang: Language = 'en'): CliOutput {
  const r = readPortfolioWorkbook(data);
  if (!r.ok) return { lines: [issueLine(r.fatal, lang, file)], exitCode: 1 };
  const lines = r.errors.map((e) => issueLine(e, lang));
  const warn = WORDS[lang].warning;
  lines.push(...r.warnings.map((w) => `${warn}: ${issueLine(w, lang)}`));
  if (r.errors.length === 0) lines.push(`OK: ${JSON.stringify(counts(r.portfolio))}`);
  return { lines, exitCode: r.errors.length ? 1 : 0 };
}

/** Counted as the rows stream by, keeping no records: within 2 GB at 100,000 dossiers and 1,000,000 history entries. */
export function statsCommand(data: Uint8Array, file: string, lang: Language = 'en'): CliOutput {
  const r = countPortfolioWorkbook(data);
  if (!r.ok) return { lines: [issueLine(r.fatal, lang, file)], exitCode: 1 };
  const lines = r.errors.map((e) => issueLine(e, lang));
  lines.push(JSON.stringify(countLine(r.counts)));
  return { lines, exitCode: 0 };
}

export function mergeCommand(
  base: Uint8Array,
  incoming: Uint8Array,
  names: { base: string; incoming: string },
  lang: Language = 'en',
): CliOutput & { output?: Uint8Array } {
  const reads: [ReadResult, string][] = [[readPortfolioWorkbook(base), names.base], [readPortfolioWorkbook(incoming), names.incoming]];
  const lines: string[] = [];
  for (const [r, file] of reads) if (!r.ok) lines.push(issueLine(r.fatal, lang, file));
  const [b, i] = reads.map(([r]) => r);
  if (!b!.ok || !i!.ok) return { lines, exitCode: 1 };
  const plan = planMerge(b.portfolio, i.portfolio);
  const { changes, summary } = applyMergePlan(b.portfolio, plan);
  const merged = applyChanges(b.portfolio, changes);
  const companyOf = new Map([...b.portfolio.dossiers, ...i.portfolio.dossiers].map((d) => [d.id, d.company]));
  for (const e of i.errors) lines.push(issueLine(e, lang));
  for (const e of plan.errors) lines.push(issueLine(e, lang));
  for (const c of plan.conflicts) {
    const who = companyOf.get(c.kind === 'dossiers' ? c.id : (c.incoming as { dossierId: string }).dossierId) ?? '';
    lines.push(`${WORDS[lang].conflict}: ${c.kind} ${c.id} ${who}: ${c.fields.map((f) => f.field).join(', ')}`);
  }
  const filedAt = (side: FilingSide) => (side.status === 'archived' ? 'archived' : side.next?.date || side.next?.month || 'unfiled');
  for (const c of plan.filing) {
    lines.push(`conflict (kept base): next date ${c.company}: base ${filedAt(c.mine)}, incoming ${filedAt(c.theirs)}`);
  }
  for (const d of plan.duplicates) {
    lines.push(WORDS[lang].duplicate(d.company, d.existingCompany, d.reasons.join(', ')));
  }
  const output = writePortfolioWorkbook(merged, {
    appVersion: APP_VERSION, exportedBy: b.meta.exportedBy, scope: b.meta.scope || 'merge', language: b.meta.language || lang,
  });
  lines.push(JSON.stringify({
    created: summary.created, updated: summary.updated, unchanged: summary.unchanged,
    conflicts: summary.conflicts, errors: summary.errors + i.errors.length,
  }));
  return { lines, exitCode: 0, output };
}

/**
 * The generated portfolio goes into the workbook slice by slice as it is generated: at
 * 100,000 dossiers and 1,000,000 history entries, neither the portfolio nor the file's XML
 * is ever whole in memory, only the compressed chunks (which go to the file one by one).
 */
export function demoCommand(opts: { dossiers: number; seed?: number; today: string; lang: Language; historyPerDossier?: number }): CliOutput & { output: Uint8Array[] } {
  const n: Record<string, number> = { dossiers: 0, contacts: 0, history: 0, steps: 0, invoices: 0, holidays: 0 };
  const slices = function* () {
    for (const slice of generateDemoChunks({ dossiers: opts.dossiers, seed: opts.seed, today: opts.today, historyPerDossier: opts.historyPerDossier })) {
      for (const [k, v] of Object.entries(counts(slice))) n[k]! += v;
      yield slice;
    }
  };
  const output: Uint8Array[] = [];
  const meta = { appVersion: APP_VERSION, exportedBy: 'demo', scope: 'demo', language: opts.lang };
  writeSlicesTo({ slices: slices(), customKeys: [], holidays: [], extraWorkingDays: [] }, meta, (chunk) => output.push(chunk));
  return { lines: [JSON.stringify(n)], exitCode: 0, output };
}

/**
 * The law's days off of a year. Russia's decree moves are not law that can be computed
 * (the Government decides them each year), so they are not printed.
 */
export function holidaysCommand(country: HolidayCountry, year: number): CliOutput {
  return { lines: statutoryDaysOff(country, year), exitCode: 0 };
}

/**
 * A client list made by another program, as the app would import it with the mapping it
 * proposes: every client filed under its next-contact date (or `today`), repeated tax ids
 * and totals rows left out. Exit 1, with the reason, when the file holds no usable list.
 */
export function onboardCommand(
  data: Uint8Array,
  file: string,
  opts: { today: string; owner?: string; lang: Language },
): CliOutput & { output?: Uint8Array } {
  const { lang } = opts;
  const tables = readSheetTable(data);
  if (tables.fatal) return { lines: [issueLine(tables.fatal, lang, file)], exitCode: 1 };
  // The sheet whose header names the most fields, as the app preselects it.
  const table = tables.sheets[0]!;
  const mapping = guessColumnMapping(table.headers);
  if (!Object.values(mapping).includes('company')) return { lines: [issueLine(makeIssue('no-company-column'), lang, file)], exitCode: 1 };
  const owner = opts.owner?.trim() ?? '';
  const r = mapForeignRows(table, mapping, { author: owner, owner, today: opts.today, defaultDate: opts.today });
  const repeatIds = new Set(r.repeats.flatMap((x) => x.repeatIds));
  const dossiers = r.portfolio.dossiers.filter((d) => !repeatIds.has(d.id));
  const portfolio = {
    ...r.portfolio,
    dossiers,
    contacts: r.portfolio.contacts.filter((c) => !repeatIds.has(c.dossierId)),
    steps: r.portfolio.steps.filter((s) => !repeatIds.has(s.dossierId)),
  };
  const warnings = [
    ...groupIssues([...r.skipped, ...r.errors]).map((g) => groupMessage(g, lang)),
    ...r.repeats.map((x) =>
      lang === 'ru'
        ? `ИНН ${x.taxId} в строках ${rowRanges(x.rows)}: загружена строка ${x.rows[0]}, остальные пропущены как дубликаты.`
        : lang === 'ro'
          ? `Codul fiscal ${x.taxId} apare pe rândurile ${rowRanges(x.rows)}: s-a încărcat rândul ${x.rows[0]}, celelalte au fost sărite ca duplicate.`
          : `INN ${x.taxId} is on rows ${rowRanges(x.rows)}: row ${x.rows[0]} loaded, the others skipped as duplicates.`,
    ),
  ];
  if (dossiers.length === 0) return { lines: [...warnings, issueLine(makeIssue('no-clients'), lang, file)], exitCode: 1 };
  const output = writePortfolioWorkbook(portfolio, { appVersion: APP_VERSION, exportedBy: owner, scope: 'onboard', language: lang });
  const noCompany = r.errors.filter((e) => e.code === 'required').length;
  const skipped = r.skipped.length + noCompany + repeatIds.size;
  return { lines: [...warnings, JSON.stringify({ dossiers: dossiers.length, skipped, warnings })], exitCode: 0, output };
}

/**
 * ABC classes of a workbook's dossiers (every dossier counts, archived too: the rule is
 * about the portfolio's revenue). Revenue sums in the main currency (RUB unless --currency).
 */
export function abcCommand(data: Uint8Array, file: string, opts: { today: string; currency: string; lang: Language }): CliOutput {
  const r = readPortfolioWorkbook(data);
  if (!r.ok) return { lines: [issueLine(r.fatal, opts.lang, file)], exitCode: 1 };
  const lines = r.errors.map((e) => issueLine(e, opts.lang));
  const { classes } = abcAnalysis(r.portfolio.dossiers, r.portfolio.invoices, opts.today, opts.currency);
  lines.push(JSON.stringify(classes));
  return { lines, exitCode: 0 };
}

/** The team's load over several managers' workbooks: one object per owner (the dossier's Owner). */
export function workloadCommand(files: { data: Uint8Array; file: string }[], opts: { from: string; days: number; lang: Language }): CliOutput {
  const lines: string[] = [];
  const dossiers: Portfolio['dossiers'] = [];
  const steps: Portfolio['steps'] = [];
  for (const f of files) {
    const r = readPortfolioWorkbook(f.data);
    if (!r.ok) return { lines: [...lines, issueLine(r.fatal, opts.lang, f.file)], exitCode: 1 };
    lines.push(...r.errors.map((e) => `${f.file}: ${issueLine(e, opts.lang)}`));
    dossiers.push(...r.portfolio.dossiers);
    steps.push(...r.portfolio.steps);
  }
  lines.push(JSON.stringify(workloadByOwner(dossiers, steps, opts.from, opts.days)));
  return { lines, exitCode: 0 };
}

const usageError = (why: string): CliOutput => ({ lines: [why, '', ...USAGE], exitCode: 2 });

/** Dispatch: arguments in, files through `io`, lines and an exit code out. Never throws. */
export function runCli(argv: readonly string[], io: CliIo): CliOutput {
  const { positional, options } = parseArgs(argv);
  const [command, ...rest] = positional;
  if (options.has('help') || options.has('h') || command === 'help') return { lines: USAGE, exitCode: 0 };
  const langOpt = options.get('lang');
  if (langOpt !== undefined && !(WORKBOOK_LANGUAGES as readonly unknown[]).includes(langOpt)) return usageError(`--lang must be one of ${WORKBOOK_LANGUAGES.join(', ')}`);
  const lang: Language = typeof langOpt === 'string' ? (langOpt as Language) : 'en';
  const read = (path: string): Uint8Array | CliOutput => {
    try {
      return io.readFile(path);
    } catch (e) {
      return { lines: [`${path}: ${e instanceof Error ? e.message : String(e)}`], exitCode: 1 };
    }
  };
  const isOut = (x: Uint8Array | CliOutput): x is CliOutput => !(x instanceof Uint8Array);
  try {
    switch (command) {
      case 'validate':
      case 'stats': {
        if (rest.length !== 1) return usageError(`${command} needs exactly one file`);
        const data = read(rest[0]!);
        if (isOut(data)) return data;
        return command === 'validate' ? validateCommand(data, rest[0]!, lang) : statsCommand(data, rest[0]!, lang);
      }
      case 'merge': {
        const out = options.get('o') ?? options.get('out');
        if (rest.length !== 2 || typeof out !== 'string') return usageError('merge needs <base> <incoming> -o <out>');
        const base = read(rest[0]!);
        if (isOut(base)) return base;
        const incoming = read(rest[1]!);
        if (isOut(incoming)) return incoming;
        const r = mergeCommand(base, incoming, { base: rest[0]!, incoming: rest[1]! }, lang);
        if (r.output) io.writeFile(out, r.output);
        return { lines: r.lines, exitCode: r.exitCode };
      }
      case 'demo': {
        const n = Number(options.get('dossiers'));
        if (rest.length !== 1 || !Number.isInteger(n) || n < 0) return usageError('demo needs <out> --dossiers N');
        const seedOpt = options.get('seed');
        const seed = seedOpt === undefined ? undefined : Number(seedOpt);
        if (seed !== undefined && !Number.isFinite(seed)) return usageError('--seed must be a number');
        const todayOpt = options.get('today');
        const today = typeof todayOpt === 'string' ? todayOpt : todayKey();
        if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) return usageError('--today must be YYYY-MM-DD');
        const historyOpt = options.get('history');
        const history = historyOpt === undefined ? undefined : Number(historyOpt);
        if (history !== undefined && !(Number.isInteger(history) && history >= 0)) return usageError('--history must be a whole number');
        const r = demoCommand({ dossiers: n, seed, today, lang, historyPerDossier: history });
        io.writeFile(rest[0]!, r.output);
        return { lines: r.lines, exitCode: 0 };
      }
      case 'holidays': {
        const [country, yearText] = rest;
        const year = Number(yearText);
        if (rest.length !== 2 || !HOLIDAY_COUNTRIES.includes(country as HolidayCountry)) return usageError('holidays needs <ro|ru> <year>');
        if (!/^\d{4}$/.test(yearText!) || year < 1900 || year > 2200) return usageError('the year must be 1900-2200');
        return holidaysCommand(country as HolidayCountry, year);
      }
      case 'onboard': {
        const out = options.get('o') ?? options.get('out');
        if (rest.length !== 1 || typeof out !== 'string') return usageError('onboard needs <list> -o <portfolio.xlsx>');
        if (out === rest[0]) return usageError('onboard would write over its list: choose another -o file');
        const todayOpt = options.get('today');
        const today = typeof todayOpt === 'string' ? todayOpt : todayKey();
        if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) return usageError('--today must be YYYY-MM-DD');
        const ownerOpt = options.get('owner');
        if (ownerOpt === true) return usageError('--owner needs a name');
        const data = read(rest[0]!);
        if (isOut(data)) return data;
        const r = onboardCommand(data, rest[0]!, { today, owner: ownerOpt, lang });
        if (r.output) io.writeFile(out, r.output);
        return { lines: r.lines, exitCode: r.exitCode };
      }
      case 'abc': {
        if (rest.length !== 1) return usageError('abc needs exactly one file');
        const todayOpt = options.get('today');
        const today = typeof todayOpt === 'string' ? todayOpt : todayKey();
        if (!isValidDay(today)) return usageError('--today must be YYYY-MM-DD');
        const currency = options.get('currency');
        if (currency === true) return usageError('--currency needs a code such as RUB');
        const data = read(rest[0]!);
        if (isOut(data)) return data;
        return abcCommand(data, rest[0]!, { today, currency: currency ?? 'RUB', lang });
      }
      case 'workload': {
        const from = options.get('from');
        const days = Number(options.get('days'));
        if (rest.length < 1) return usageError('workload needs at least one file');
        if (typeof from !== 'string' || !isValidDay(from)) return usageError('--from must be YYYY-MM-DD');
        if (!Number.isInteger(days) || days < 1 || days > 3660) return usageError('--days must be a whole number from 1');
        const files: { data: Uint8Array; file: string }[] = [];
        for (const file of rest) {
          const data = read(file);
          if (isOut(data)) return data;
          files.push({ data, file });
        }
        return workloadCommand(files, { from, days, lang });
      }
      case 'ageing': {
        if (rest.length !== 1) return usageError('ageing needs exactly one file');
        const todayOpt = options.get('today');
        const today = typeof todayOpt === 'string' ? todayOpt : todayKey();
        if (!isValidDay(today)) return usageError('--today must be YYYY-MM-DD');
        const data = read(rest[0]!);
        if (isOut(data)) return data;
        return ageingCommand(data, rest[0]!, today, lang);
      }
      case undefined:
        return usageError('No command given.');
      default:
        return usageError(`Unknown command: ${command}`);
    }
  } catch (e) {
    return { lines: [`error: ${e instanceof Error ? e.message : String(e)}`], exitCode: 1 };
  }
}
