import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getBridge } from '../../bridge';
import type { BackupInfo } from '../../../shared/bridge';
import { getOverdue, getTodayFolder } from '../../data/binder-repo';
import { listDossiers } from '../../data/search-repo';
import { listSnapshots } from '../../data/snapshot-repo';
import {
  activityBetween,
  getExportSelection,
  getLastBackupAt,
  ownerCounts,
  dossierIdsOf,
  markHandedOver,
  reassignOwner,
  recentRotation,
} from '../../data/sync-repo';
import type { DossierFilter, PortfolioScope } from '../../data/types';
import { DateField } from '../../ui/date-field';
import { Dialog } from '../../ui/dialog';
import { formatDay, formatInstant, formatNumber } from '../../ui/format';
import { useUndo } from '../../ui/undo';
import { ageingReport } from './ageing-report';
import { getAgeingReport } from '../../data/ageing-report-repo';
import { useWorkCalendar } from '../../ui/binder-hooks';
import { activityReport, callSheetReport, dossierListReport, localDay } from './reports';
import {
  backupDoneText,
  backupNow,
  exportMeta,
  handoverPortfolio,
  loadScope,
  suggestedName,
  writeWorkbook,
} from './sync-actions';
import { useSync } from './sync-context';

function useOwners(): [string, number][] {
  const counts = useLiveQuery(() => ownerCounts(), []);
  return [...(counts ?? new Map<string, number>())].filter(([o]) => o !== '').sort(([a], [b]) => a.localeCompare(b));
}

function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + n)).toISOString().slice(0, 10);
}

function OwnerSelect({ value, onChange, owners, label, testId }: { value: string; onChange(v: string): void; owners: [string, number][]; label: string; testId?: string }) {
  const { lang } = useSync();
  return (
    <label className="field">
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        <option value="">—</option>
        {owners.map(([o, n]) => (
          <option key={o} value={o}>
            {o} ({formatNumber(n, lang)})
          </option>
        ))}
      </select>
    </label>
  );
}

type ExportKind = 'all' | 'owner' | 'ids' | 'period';

/** Export: whole portfolio, one owner, the selection handed over by another screen, a period. */
export function ExportPanel({ preset }: { preset?: 'selection' }) {
  const { t } = useTranslation('sync');
  const sync = useSync();
  const owners = useOwners();
  const selection = useLiveQuery(() => getExportSelection(), []) ?? [];
  const [kind, setKind] = useState<ExportKind>(preset === 'selection' ? 'ids' : 'all');
  const [owner, setOwner] = useState('');
  const [from, setFrom] = useState<string | null>(sync.today);
  const [to, setTo] = useState<string | null>(addDays(sync.today, 13));

  const scope = (): { scope: PortfolioScope; label: string } | undefined => {
    switch (kind) {
      case 'all':
        return { scope: { kind: 'all' }, label: 'all' };
      case 'owner':
        return owner ? { scope: { kind: 'owner', owner }, label: `owner:${owner}` } : undefined;
      case 'ids':
        return { scope: { kind: 'ids', ids: selection }, label: 'selection' };
      case 'period':
        return from && to && from <= to ? { scope: { kind: 'period', from, to }, label: `due:${from}..${to}` } : undefined;
    }
  };

  const run = async () => {
    const s = scope();
    if (!s) return;
    const data = await sync.withBusy(t('export.writing'), async (progress, sink) => {
      progress({ phase: 'load' });
      const p = await loadScope(s.scope);
      if (p.dossiers.length === 0) return null;
      return { bytes: await writeWorkbook(p, await exportMeta(sync.author, sync.lang, s.label), progress, sink), count: p.dossiers.length };
    });
    if (data === null) sync.toast({ message: t('export.nothing') });
    if (!data) return;
    const name = suggestedName(kind === 'owner' ? owner : kind === 'period' ? `${from}-${to}` : kind === 'ids' ? 'selection' : 'portfolio', sync.today);
    await sync.save(name, data.bytes, (path) => t('export.done', { count: formatNumber(data.count, sync.lang), path }));
  };

  const radio = (k: ExportKind, label: string) => (
    <label className="sync-radio">
      <input type="radio" name="export-scope" checked={kind === k} onChange={() => setKind(k)} disabled={k === 'ids' && selection.length === 0} />
      {label}
    </label>
  );

  return (
    <section className="sync-card" aria-labelledby="sync-export">
      <h2 id="sync-export">{t('section.export')} <kbd>Ctrl+E</kbd></h2>
      <p className="sync-hint">{t('export.hint')}</p>
      <fieldset className="sync-scopes">
        <legend>{t('export.scope')}</legend>
        {radio('all', t('export.scopeAll'))}
        {radio('owner', t('export.scopeOwner'))}
        {kind === 'owner' && <OwnerSelect value={owner} onChange={setOwner} owners={owners} label={t('export.owner')} />}
        {selection.length > 0 && radio('ids', t('export.scopeIds', { count: selection.length }))}
        {radio('period', t('export.scopePeriod'))}
        {kind === 'period' && (
          <div className="sync-row">
            <DateField label={t('export.from')} value={from} onChange={setFrom} allowPast testId="export-from" />
            <DateField label={t('export.to')} value={to} onChange={setTo} allowPast testId="export-to" />
          </div>
        )}
      </fieldset>
      <button className="btn btn-primary" onClick={run} disabled={!scope()} data-testid="export-run">
        {t('export.button')}
      </button>
    </section>
  );
}

/** The team lead's leave handover: A's dossiers due during the leave, for colleague B. */
export function HandoverPanel() {
  const { t } = useTranslation('sync');
  const sync = useSync();
  const owners = useOwners();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [leaveFrom, setLeaveFrom] = useState<string | null>(sync.today);
  const [until, setUntil] = useState<string | null>(addDays(sync.today, 14));
  const ownerA = from || (owners.length === 1 ? owners[0]![0] : '');
  const valid = !!ownerA && !!to.trim() && !!until && !!leaveFrom && leaveFrom < until;

  const run = async () => {
    if (!valid) return;
    const colleague = to.trim();
    const data = await sync.withBusy(t('export.writing'), async (progress, sink) => {
      progress({ phase: 'load' });
      // Due during the leave, until the day before A is back; a leave starting today also
      // hands over what is overdue (nobody else would call them).
      const first = leaveFrom <= sync.today ? '0000-01-01' : leaveFrom;
      const last = addDays(until, -1);
      const h = await handoverPortfolio(ownerA, colleague, first, last, { from: leaveFrom, until: last });
      if (h.portfolio.dossiers.length === 0) return null;
      const meta = await exportMeta(sync.author, sync.lang, `handover:${ownerA}->${colleague}..${last}`);
      return { bytes: await writeWorkbook(h.portfolio, meta, progress, sink), ids: h.portfolio.dossiers.map((d) => d.id), home: h.home };
    });
    if (data === null) sync.toast({ message: t('export.nothing') });
    if (!data) return;
    const saved = await sync.save(suggestedName(`handover-${ownerA}-to-${colleague}`, sync.today), data.bytes, (path) =>
      t('handover.done', { count: formatNumber(data.ids.length, sync.lang), path, to: colleague }),
    );
    // Only a handover actually given away marks the binder ("with Boris until …"; Ctrl+Z undoes the marks).
    if (saved) await markHandedOver(data.ids, data.home, sync.author);
  };

  return (
    <section className="sync-card" aria-labelledby="sync-handover">
      <h2 id="sync-handover">{t('section.handover')}</h2>
      <p className="sync-hint">{t('handover.hint')}</p>
      <div className="sync-row">
        <OwnerSelect value={ownerA} onChange={setFrom} owners={owners} label={t('handover.from')} testId="handover-from" />
        <label className="field">
          <span>{t('handover.to')}</span>
          <input className="input" value={to} onChange={(e) => setTo(e.target.value)} list="sync-owner-list" data-testid="handover-to" />
        </label>
        <DateField label={t('handover.leaveFrom')} value={leaveFrom} onChange={setLeaveFrom} allowPast testId="handover-leave-from" />
        <DateField label={t('handover.until')} value={until} min={sync.today} onChange={setUntil} testId="handover-until" />
      </div>
      <datalist id="sync-owner-list">
        {owners.map(([o]) => <option key={o} value={o} />)}
      </datalist>
      <button className="btn btn-primary" onClick={run} disabled={!valid} data-testid="handover-run">
        {t('handover.button')}
      </button>
    </section>
  );
}

/** Permanent reassignment (a rotation), with the count up front and Undo afterwards. */
export function ReassignPanel() {
  const { t } = useTranslation('sync');
  const sync = useSync();
  const owners = useOwners();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [confirm, setConfirm] = useState(false);
  const count = owners.find(([o]) => o === from)?.[1] ?? 0;
  const target = to.trim();

  const undo = useUndo();
  // Rotation at most once a year: the dialog names the last rotation among these dossiers.
  const rotated = useLiveQuery(async () => (confirm && from ? recentRotation(await dossierIdsOf(from), sync.today) : undefined), [confirm, from, sync.today]);

  const run = async () => {
    setConfirm(false);
    const ids = await sync.withBusy(t('progress.apply'), () => reassignOwner(from, target, sync.author, sync.today));
    if (!ids) return;
    // The toast's Undo is Ctrl+Z: the reassignment is one entry on the undo stack.
    sync.toast({ kind: 'success', message: t('reassign.done', { count: formatNumber(ids.length, sync.lang), to: target }), onUndo: undo });
    setFrom('');
    setTo('');
  };

  return (
    <section className="sync-card" aria-labelledby="sync-reassign">
      <h2 id="sync-reassign">{t('section.reassign')}</h2>
      <p className="sync-hint">{t('reassign.hint')}</p>
      <div className="sync-row">
        <OwnerSelect value={from} onChange={setFrom} owners={owners} label={t('reassign.from')} testId="reassign-from" />
        <label className="field">
          <span>{t('reassign.to')}</span>
          <input className="input" value={to} onChange={(e) => setTo(e.target.value)} list="sync-owner-list" placeholder={t('reassign.newOwner')} data-testid="reassign-to" />
        </label>
      </div>
      <button className="btn" disabled={!from || !target || target === from || count === 0} onClick={() => setConfirm(true)}>
        {t('reassign.button')}
      </button>
      <Dialog
        open={confirm}
        title={t('section.reassign')}
        onClose={() => setConfirm(false)}
        footer={
          <>
            <button className="btn" onClick={() => setConfirm(false)}>{t('cancel')}</button>
            <button className="btn btn-primary" onClick={run}>{t('reassign.button')}</button>
          </>
        }
      >
        <p>{t('reassign.confirm', { count: formatNumber(count, sync.lang), from, to: target })}</p>
        {rotated && (
          <p className="sync-warning" role="alert" data-testid="rotation-warning">
            {t('reassign.recentRotation', { count: rotated.count, date: formatDay(rotated.lastRotation, sync.lang) })}
          </p>
        )}
      </Dialog>
    </section>
  );
}

/** Report workbooks: the call sheet, activity for a period, the dossier list as filtered. */
export function ReportsPanel() {
  const { t } = useTranslation('sync');
  const sync = useSync();
  const owners = useOwners();
  const [from, setFrom] = useState<string | null>(addDays(sync.today, -6));
  const [to, setTo] = useState<string | null>(sync.today);
  const [filter, setFilter] = useState<DossierFilter>({ status: 'active' });
  const tr = (k: string) => t(k);
  const cal = useWorkCalendar();

  const callSheet = async () => {
    const bytes = await sync.withBusy(t('progress.write'), async () => {
      const rows = [...(await getOverdue(sync.today)), ...(await getTodayFolder(sync.today))];
      const seen = new Set<string>();
      return callSheetReport(rows.filter((r) => !seen.has(r.id) && seen.add(r.id)), tr);
    });
    if (bytes) await sync.save(suggestedName('call-sheet', sync.today), bytes, (path) => t('reports.done', { path }));
  };
  const activity = async () => {
    if (!from || !to || from > to) return;
    const bytes = await sync.withBusy(t('progress.write'), async () => {
      const items = (await activityBetween(from, to)).filter((i) => {
        const d = localDay(i.entry.at);
        return d >= from && d <= to;
      });
      items.sort((a, b) => a.entry.at.localeCompare(b.entry.at));
      return activityReport(items, tr);
    });
    if (bytes) await sync.save(suggestedName(`activity-${from}-${to}`, sync.today), bytes, (path) => t('reports.done', { path }));
  };
  const list = async () => {
    const bytes = await sync.withBusy(t('progress.write'), async () => {
      const rows = await listDossiers(filter, { field: 'company', dir: 'asc' }, 0, Number.MAX_SAFE_INTEGER);
      return dossierListReport(rows, tr);
    });
    if (bytes) await sync.save(suggestedName('dossiers', sync.today), bytes, (path) => t('reports.done', { path }));
  };

  const ageing = async () => {
    const bytes = await sync.withBusy(t('progress.write'), async () => ageingReport(await getAgeingReport(sync.today, cal), tr));
    if (bytes) await sync.save(suggestedName('ageing', sync.today), bytes, (path) => t('reports.done', { path }));
  };

  return (
    <section className="sync-card" aria-labelledby="sync-reports">
      <h2 id="sync-reports">{t('section.reports')}</h2>
      <p className="sync-hint">{t('reports.hint')}</p>
      <div className="sync-report">
        <button className="btn" onClick={callSheet} data-testid="report-call-sheet">{t('reports.callSheet')}</button>
        <button className="btn" onClick={ageing} data-testid="report-ageing">{t('ageing.button')}</button>
      </div>
      <div className="sync-report">
        <DateField label={t('export.from')} value={from} onChange={setFrom} allowPast testId="activity-from" />
        <DateField label={t('export.to')} value={to} onChange={setTo} allowPast testId="activity-to" />
        <button className="btn" onClick={activity} disabled={!from || !to || from > to} data-testid="report-activity">{t('reports.activity')}</button>
      </div>
      <div className="sync-report">
        <label className="field">
          <span>{t('export.owner')}</span>
          <select value={filter.owner ?? ''} onChange={(e) => setFilter({ ...filter, owner: e.target.value || undefined })}>
            <option value="">{t('reports.any')}</option>
            {owners.map(([o]) => <option key={o} value={o}>{o}</option>)}
          </select>
        </label>
        <label className="field">
          <span>{t('reports.segment')}</span>
          <select value={filter.segment ?? ''} onChange={(e) => setFilter({ ...filter, segment: (e.target.value || undefined) as DossierFilter['segment'] })}>
            <option value="">{t('reports.any')}</option>
            {(['large', 'medium', 'small'] as const).map((s) => <option key={s} value={s}>{t(`segment.${s}`)}</option>)}
          </select>
        </label>
        <label className="field">
          <span>{t('reports.status')}</span>
          <select value={filter.status ?? 'active'} onChange={(e) => setFilter({ ...filter, status: e.target.value as DossierFilter['status'] })}>
            {(['active', 'archived', 'all'] as const).map((s) => <option key={s} value={s}>{t(`status.${s}`)}</option>)}
          </select>
        </label>
        <label className="sync-check">
          <input type="checkbox" checked={filter.vip === true} onChange={(e) => setFilter({ ...filter, vip: e.target.checked ? true : undefined })} />
          {t('reports.vip')}
        </label>
        <button className="btn" onClick={list} data-testid="report-list">{t('reports.list')}</button>
      </div>
    </section>
  );
}

/** Backups: now, the list (Electron), restore from one or from a chosen file; undo of imports. */
export function BackupsPanel({ onRestoreFile, onRestoreBackup, onUndoSnapshot }: {
  onRestoreFile(): void;
  onRestoreBackup(name: string): void;
  onUndoSnapshot(id: string, label: string): void;
}) {
  const { t } = useTranslation('sync');
  const sync = useSync();
  const web = getBridge().platform === 'web';
  const last = useLiveQuery(() => getLastBackupAt(), []);
  const snapshots = useLiveQuery(() => listSnapshots(), []) ?? [];
  const [backups, setBackups] = useState<BackupInfo[]>([]);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    void getBridge().listBackups().then(setBackups, () => setBackups([]));
  }, [tick, last]);

  const now = async () => {
    const info = await sync.withBusy(t('progress.write'), (progress, sink) => backupNow('manual', sync.author, sync.lang, progress, sink));
    if (info) {
      sync.toast({ kind: 'success', message: backupDoneText(info), duration: info.pruned.length ? 12_000 : undefined });
      setTick((n) => n + 1);
    }
  };

  const dueToday = !last || last.slice(0, 10) < sync.today;

  return (
    <section className="sync-card" aria-labelledby="sync-backups">
      <h2 id="sync-backups">{t('section.backups')}</h2>
      <p className="sync-hint">{web ? t('backups.hintWeb') : t('backups.hint')}</p>
      <p className={dueToday ? 'sync-warn' : 'sync-hint'}>
        {last ? t('backups.last', { at: formatInstant(last, sync.lang) }) : t('backups.never')} {last && dueToday && t('backups.due')}
      </p>
      <div className="sync-row">
        <button className="btn btn-primary" onClick={now} data-testid="backup-now">{t('backups.now')}</button>
        <button className="btn" onClick={onRestoreFile} data-testid="restore-file">{t('backups.restoreFile')}</button>
      </div>
      {!web && backups.length > 0 && (
        <>
          <h3>{t('backups.list')}</h3>
          <ul className="sync-list">
            {backups.slice(0, 10).map((b) => (
              <li key={b.name}>
                <span>{formatInstant(b.createdAt, sync.lang)}</span>
                <span className="badge">{t(`backups.kind.${b.kind}`)}</span>
                <span className="sync-muted">{formatNumber(Math.round(b.size / 1024), sync.lang)} KB</span>
                <button className="btn btn-link" onClick={() => onRestoreBackup(b.name)}>{t('backups.restore')}</button>
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>{t('backups.snapshots')}</h3>
      {snapshots.length === 0 ? (
        <p className="sync-muted">{t('backups.empty')}</p>
      ) : (
        <ul className="sync-list" data-testid="snapshot-list">
          {snapshots.map((s) => (
            <li key={s.id}>
              <span>{formatInstant(s.createdAt, sync.lang)}</span>
              <span className="sync-ellipsis" title={s.label}>{s.label}</span>
              <button className="btn btn-link" onClick={() => onUndoSnapshot(s.id, s.label)}>{t('backups.restore')}</button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

