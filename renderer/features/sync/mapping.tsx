import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Portfolio } from '../../../shared/model/records';
import {
  guessColumnMapping,
  issueMessage,
  TARGET_FIELDS,
  type SheetTables,
  type TargetField,
  type WorkbookIssue,
} from '../../../shared/workbook';
import { JobCancelled, startJob } from '../../workers/workbook-client';
import { DateField } from '../../ui/date-field';
import { Dialog } from '../../ui/dialog';
import { formatDay, formatNumber } from '../../ui/format';
import { subsetPortfolio, takeSnapshot, applyChanges } from './sync-actions';
import { useSync } from './sync-context';

const PREVIEW_ROWS = 20;

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

/**
 * Onboarding an old client list: pick the sheet, confirm what each column holds (guessed
 * from the headers), see the first rows as they will be filed, then import. Rows that look
 * like dossiers already here (same tax id, phone, e-mail or company) are skipped unless asked.
 */
export function MappingStep({ name, tables, local, onClose, onImported }: MappingStepProps) {
  const { t } = useTranslation('sync');
  const sync = useSync();
  const [sheetIndex, setSheetIndex] = useState(0);
  const table = tables.sheets[sheetIndex]!;
  const [mapping, setMapping] = useState(() => guessColumnMapping(table.headers));
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
  const [full, setFull] = useState<{ portfolio: Portfolio; errors: WorkbookIssue[]; duplicateIds: Set<string> } | undefined>();
  useEffect(() => {
    setFull(undefined);
    if (!hasCompany) return;
    const job = startJob({ kind: 'map', table, mapping, opts: { author: sync.author, today: sync.today, defaultDate }, local: lookalikes });
    job.result.then(
      (r) => setFull({ portfolio: r.portfolio, errors: r.errors, duplicateIds: new Set(r.duplicateIds) }),
      (err: unknown) => {
        if (!(err instanceof JobCancelled)) sync.toast({ kind: 'error', message: String(err) });
      },
    );
    return job.cancel;
  }, [table, mapping, defaultDate, hasCompany, lookalikes, sync.author, sync.today]); // eslint-disable-line react-hooks/exhaustive-deps

  const toImport = full
    ? keepDuplicates
      ? full.portfolio
      : subsetPortfolio(full.portfolio, (d) => !full.duplicateIds.has(d.id))
    : undefined;
  const count = toImport?.dossiers.length ?? 0;
  const rowErrors = full?.errors.filter((e) => e.code === 'required' || e.code === 'bad-date') ?? [];

  const run = async () => {
    if (!toImport || count === 0 || !typedDefault) return;
    onClose();
    const done = await sync.withBusy(t('import.applying'), async (progress, sink) => {
      const id = await takeSnapshot(t('import.snapshotLabel', { name }), sync.author, sync.lang, progress, sink);
      sink(undefined);
      await applyChanges(toImport, (d, n) => progress({ phase: 'apply', fraction: n ? d / n : 1 }));
      return id;
    });
    if (done) onImported(done, t('import.summary', { created: formatNumber(count, sync.lang), updated: 0, history: 0 }));
  };

  const setTarget = (i: number, v: string) => {
    const next: Record<number, TargetField | null> = { ...mapping };
    // One column per field: choosing a field elsewhere frees it here.
    if (v) for (const k of Object.keys(next)) if (next[Number(k)] === v) next[Number(k)] = null;
    next[i] = (v || null) as TargetField | null;
    setMapping(next);
  };

  const mappedCols = table.headers.map((h, i) => ({ h, i, f: mapping[i] })).filter((c) => c.f && c.f !== 'nextDate');
  // The preview shows the first rows of the very mapping that is imported (same ids, same duplicates).
  const previewRows = full?.portfolio.dossiers.slice(0, PREVIEW_ROWS).map((d) => ({
    d,
    c: full.portfolio.contacts.find((c) => c.dossierId === d.id),
    s: full.portfolio.steps.find((s) => s.dossierId === d.id),
  }));
  const previewErrors = full?.errors.filter((e) => (e.row ?? 0) <= table.headerRow + PREVIEW_ROWS) ?? [];

  return (
    <Dialog
      open
      size="wide"
      testId="mapping-step"
      title={t('mapping.title', { name })}
      onClose={onClose}
      footer={
        <>
          {rowErrors.length > 0 && <span className="sync-warn">{t('mapping.rowErrors', { count: rowErrors.length })}</span>}
          <button className="btn" onClick={onClose}>{t('cancel')}</button>
          <button className="btn btn-primary" onClick={run} disabled={count === 0 || !typedDefault} data-testid="mapping-import">
            {hasCompany && !full ? t('mapping.checking') : t('mapping.importButton', { count })}
          </button>
        </>
      }
    >
      <p className="sync-hint">{t('mapping.hint')}</p>
      <div className="sync-row">
        {tables.sheets.length > 1 && (
          <label className="field">
            <span>{t('mapping.sheet')}</span>
            <select value={sheetIndex} onChange={(e) => setSheetIndex(Number(e.target.value))}>
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
        <span className="sync-muted">{t('mapping.rows', { count: table.rows.length })}</span>
      </div>
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
                </select>
              </td>
              <td className="sync-muted sync-ellipsis">{table.rows.slice(0, 3).map((r) => r[i]).filter(Boolean).join(' · ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {!hasCompany && <p className="field-error" role="alert">{t('mapping.noCompany')}</p>}
      {full && full.duplicateIds.size > 0 && (
        <p className="sync-warn">
          {t('mapping.duplicates', { count: full.duplicateIds.size })}{' '}
          <label className="sync-check">
            <input type="checkbox" checked={keepDuplicates} onChange={(e) => setKeepDuplicates(e.target.checked)} />
            {t('mapping.importDuplicates')}
          </label>
        </p>
      )}
      {hasCompany && !full && <progress className="sync-checking" aria-label={t('mapping.checking')} />}
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
                <tr key={d.id} className={full?.duplicateIds.has(d.id) ? 'sync-dup-row' : undefined}>
                  {mappedCols.map((col) => <td key={col.i}>{previewValue(col.f!, d, c)}</td>)}
                  <td>{s?.date ? formatDay(s.date, sync.lang) : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {previewErrors.length > 0 && (
            <ul className="sync-issues">
              {previewErrors.map((e, n) => <li key={n}>{e.sheet}!{e.row}{e.column ? `, ${e.column}` : ''}: {issueMessage(e, sync.lang)}</li>)}
            </ul>
          )}
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
