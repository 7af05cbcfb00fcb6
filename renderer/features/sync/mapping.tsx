import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DuplicateEntry } from '../../../shared/merge';
import type { Portfolio } from '../../../shared/model/records';
import {
  groupIssues,
  groupMessage,
  guessColumnMapping,
  issueMessage,
  rowRanges,
  TARGET_FIELDS,
  type ColumnMapping,
  type ColumnTarget,
  type RepeatedTaxId,
  type SheetTables,
  type TargetField,
  type WorkbookIssue,
} from '../../../shared/workbook';
import { makeIssue } from '../../../shared/workbook/issues';
import { JobCancelled, startJob } from '../../workers/workbook-client';
import { DateField } from '../../ui/date-field';
import { Dialog } from '../../ui/dialog';
import { formatDay, formatNumber } from '../../ui/format';
import { subsetPortfolio, takeSnapshot, applyChanges } from './sync-actions';
import { useSync } from './sync-context';

const PREVIEW_ROWS = 20;
/** Duplicates listed by name; the rest are counted. */
const DUPLICATES_LISTED = 6;

function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + n)).toISOString().slice(0, 10);
}

export interface MappingStepProps {
  name: string;
  tables: SheetTables;
  local: Portfolio;
  onClose(): void;
  onImported(snapshotId: string, message: string): void;
}

interface Mapped {
  portfolio: Portfolio;
  issues: WorkbookIssue[];
  duplicates: DuplicateEntry[];
  repeats: RepeatedTaxId[];
  /** Binder lookalikes and the later rows of a repeated tax id: skipped unless kept. */
  duplicateIds: Set<string>;
}

/**
 * Onboarding an old client list: pick the sheet, confirm what each column holds (guessed
 * from the headers), see the first rows as they will be filed, then import. Likely
 * duplicates (a tax id on several rows, or a dossier already here with the same tax id,
 * phone, e-mail or company) are shown before anything is written, and skipped unless kept.
 */
export function MappingStep({ name, tables, local, onClose, onImported }: MappingStepProps) {
  const { t } = useTranslation('sync');
  const sync = useSync();
  const [sheetIndex, setSheetIndex] = useState(0);
  const table = tables.sheets[sheetIndex]!;
  const [mapping, setMapping] = useState<ColumnMapping>(() => guessColumnMapping(table.headers));
  const [defaultDate, setDefaultDate] = useState(addDays(sync.today, 1));
  // What the date field says; null while its text names no day (the import then waits).
  const [typedDefault, setTypedDefault] = useState<string | null>(defaultDate);
  const [keepDuplicates, setKeepDuplicates] = useState(false);
  useEffect(() => setMapping(guessColumnMapping(table.headers)), [table]);

  const hasCompany = Object.values(mapping).includes('company');
  // Duplicates need only the cards and contacts: the history stays out of the worker's copy.
  const lookalikes = useMemo<Portfolio>(() => ({ ...local, history: [], steps: [], invoices: [] }), [local]);
  // The whole list is mapped in the worker (50,000 rows take seconds): the window stays
  // responsive, and a newer mapping cancels the job of the previous one.
  const [full, setFull] = useState<Mapped | undefined>();
  const [failure, setFailure] = useState<WorkbookIssue | undefined>();
  useEffect(() => {
    setFull(undefined);
    setFailure(undefined);
    if (!hasCompany) return;
    const job = startJob({ kind: 'map', table, mapping, opts: { author: sync.author, today: sync.today, defaultDate }, local: lookalikes });
    job.result.then(
      (r) => {
        if (r.kind === 'fatal') return setFailure(r.fatal);
        const duplicateIds = new Set([...r.duplicates.map((d) => d.incomingId), ...r.repeats.flatMap((x) => x.repeatIds)]);
        setFull({ portfolio: r.portfolio, issues: [...r.skipped, ...r.errors], duplicates: r.duplicates, repeats: r.repeats, duplicateIds });
      },
      (err: unknown) => {
        // The technical detail goes to the log; the user reads what it means for the file.
        if (err instanceof JobCancelled) return;
        console.error('mapping the list failed', err);
        setFailure(makeIssue('unreadable'));
      },
    );
    return job.cancel;
  }, [table, mapping, defaultDate, hasCompany, lookalikes, sync.author, sync.today]);

  const toImport = full
    ? keepDuplicates
      ? full.portfolio
      : subsetPortfolio(full.portfolio, (d) => !full.duplicateIds.has(d.id))
    : undefined;
  const count = toImport?.dossiers.length ?? 0;
  const groups = useMemo(() => groupIssues(full?.issues ?? []), [full]);

  const run = async () => {
    if (!toImport || count === 0 || !typedDefault) return;
    onClose();
    const done = await sync.withBusy(t('import.applying'), async (progress, sink) => {
      const id = await takeSnapshot(t('import.snapshotLabel', { name }), progress, sink);
      sink(undefined);
      await applyChanges(toImport, (d, n) => progress({ phase: 'apply', fraction: n ? d / n : 1 }));
      return id;
    });
    if (done) onImported(done, t('import.summary', { created: formatNumber(count, sync.lang), updated: 0, history: 0 }));
  };

  const setTarget = (i: number, v: string) => {
    const next: ColumnMapping = { ...mapping };
    const target = (v || null) as ColumnTarget;
    // One column per field (any number of custom fields): choosing a field elsewhere frees it here.
    if (target && target !== 'custom') for (const k of Object.keys(next)) if (next[Number(k)] === target) next[Number(k)] = null;
    next[i] = target;
    setMapping(next);
  };

  const mappedCols = table.headers
    .map((h, i) => ({ h, i, f: mapping[i] }))
    .filter((c): c is { h: string; i: number; f: TargetField } => !!c.f && c.f !== 'custom' && c.f !== 'nextDate');
  // The preview shows the first rows of the very mapping that is imported (same ids, same duplicates).
  const previewRows = full?.portfolio.dossiers.slice(0, PREVIEW_ROWS).map((d) => ({
    d,
    c: full.portfolio.contacts.find((c) => c.dossierId === d.id),
    s: full.portfolio.steps.find((s) => s.dossierId === d.id),
  }));
  const duplicateCount = full?.duplicateIds.size ?? 0;
  const reasons = (d: DuplicateEntry) => d.reasons.map((r) => t(`import.reason.${r}`)).join(', ');

  return (
    <Dialog
      open
      size="wide"
      testId="mapping-step"
      title={t('mapping.title', { name })}
      onClose={onClose}
      footer={
        <>
          <button className="btn" onClick={onClose}>{t('cancel')}</button>
          <button className="btn btn-primary" onClick={run} disabled={count === 0 || !typedDefault} data-testid="mapping-import">
            {hasCompany && !full && !failure ? t('mapping.checking') : t('mapping.importButton', { count })}
          </button>
        </>
      }
    >
      <p className="sync-hint">{t('mapping.hint')}</p>
      <div className="sync-row">
        {tables.sheets.length > 1 && (
          <label className="field">
            <span>{t('mapping.sheet')}</span>
            <select value={sheetIndex} onChange={(e) => setSheetIndex(Number(e.target.value))} data-testid="mapping-sheet">
              {tables.sheets.map((s, i) => <option key={s.name} value={i}>{s.name} ({t('mapping.rows', { count: s.rows.length })})</option>)}
            </select>
          </label>
        )}
        <DateField
          label={t('mapping.defaultNext')}
          value={typedDefault}
          min={sync.today}
          onChange={(d) => {
            setTypedDefault(d);
            if (d) setDefaultDate(d);
          }}
          testId="mapping-default-date"
        />
        <span className="sync-muted sync-header-row" data-testid="mapping-header-row">{t('mapping.headerRow', { sheet: table.name, row: table.headerRow })}</span>
      </div>
      {/* What is wrong with the file comes first: seen before the columns are confirmed. */}
      {!hasCompany && <p className="field-error" role="alert">{t('mapping.noCompany')}</p>}
      {failure && <p className="field-error" role="alert" data-testid="mapping-failure">{issueMessage(failure, sync.lang)}</p>}
      {hasCompany && !full && !failure && <progress className="sync-checking" aria-label={t('mapping.checking')} />}
      {full && duplicateCount > 0 && (
        <section className="sync-note sync-dups" data-testid="mapping-duplicates">
          <strong>{t('mapping.duplicatesTitle', { count: formatNumber(duplicateCount, sync.lang) })}</strong>
          <ul>
            {full.repeats.slice(0, DUPLICATES_LISTED).map((r) => (
              <li key={r.taxId}>{t('mapping.repeatedTaxId', { taxId: r.taxId, rows: rowRanges(r.rows) })}</li>
            ))}
            {full.duplicates.slice(0, Math.max(0, DUPLICATES_LISTED - full.repeats.length)).map((d) => (
              <li key={d.incomingId}>{t('mapping.inBinder', { company: d.company, existing: d.existingCompany, reasons: reasons(d) })}</li>
            ))}
            {full.repeats.length + full.duplicates.length > DUPLICATES_LISTED && (
              <li>{t('import.moreRows', { count: full.repeats.length + full.duplicates.length - DUPLICATES_LISTED })}</li>
            )}
          </ul>
          <div className="sync-row" role="radiogroup" aria-label={t('mapping.duplicatesTitle', { count: duplicateCount })}>
            <label className="sync-radio">
              <input type="radio" name="mapping-dups" checked={!keepDuplicates} onChange={() => setKeepDuplicates(false)} />
              {t('mapping.skipDuplicates')}
            </label>
            <label className="sync-radio">
              <input type="radio" name="mapping-dups" checked={keepDuplicates} onChange={() => setKeepDuplicates(true)} data-testid="mapping-keep-duplicates" />
              {t('mapping.keepDuplicates')}
            </label>
          </div>
        </section>
      )}
      {groups.length > 0 && (
        <ul className="sync-issues sync-file-notes" data-testid="mapping-warnings" aria-label={t('mapping.warnings')}>
          {groups.map((g, n) => <li key={n}>{groupMessage(g, sync.lang)}</li>)}
        </ul>
      )}
      <table className="sync-table sync-mapping">
        <thead>
          <tr><th>{t('mapping.header')}</th><th>{t('mapping.target')}</th><th>{t('mapping.sample')}</th></tr>
        </thead>
        <tbody>
          {table.headers.map((h, i) => (
            <tr key={i}>
              <td>{h || '—'}</td>
              <td>
                <select value={mapping[i] ?? ''} onChange={(e) => setTarget(i, e.target.value)} aria-label={h} data-testid={`map-${i}`}>
                  <option value="">{t('mapping.ignore')}</option>
                  {TARGET_FIELDS.map((f) => <option key={f} value={f}>{t(`mapping.fields.${f}`)}</option>)}
                  <option value="custom">{t('mapping.custom')}</option>
                </select>
              </td>
              <td className="sync-muted sync-ellipsis">{table.rows.map((r) => r[i]).filter(Boolean).slice(0, 3).join(' · ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {previewRows && (
        <>
          <h3>{t('mapping.preview', { count: previewRows.length })}</h3>
          <table className="sync-table" data-testid="mapping-preview">
            <thead>
              <tr>
                {mappedCols.map((c) => <th key={c.i}>{t(`mapping.fields.${c.f}`)}</th>)}
                <th>{t('import.col.next')}</th>
              </tr>
            </thead>
            <tbody>
              {previewRows.map(({ d, c, s }) => (
                <tr key={d.id} className={!keepDuplicates && full?.duplicateIds.has(d.id) ? 'sync-dup-row' : undefined}>
                  {mappedCols.map((col) => <td key={col.i}>{previewValue(col.f, d, c)}</td>)}
                  <td>{s?.date ? formatDay(s.date, sync.lang) : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </Dialog>
  );
}

function previewValue(f: TargetField, d: Portfolio['dossiers'][number], c: Portfolio['contacts'][number] | undefined): string {
  switch (f) {
    case 'contactName':
      return c?.name ?? '';
    case 'position':
      return c?.position ?? '';
    case 'phone':
      return c?.phones.join('; ') ?? '';
    case 'email':
      return c?.emails.join('; ') ?? '';
    default:
      return f === 'nextDate' ? '' : String(d[f] ?? '');
  }
}
