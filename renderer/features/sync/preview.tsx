import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { issueLine, issueMessage, type WorkbookIssue } from '../../../shared/workbook';
import { Dialog } from '../../ui/dialog';
import { formatInstant, formatNumber } from '../../ui/format';
import type { ChoiceState, FilingItem, PlanView, PreviewItem } from './plan-view';
import type { Lang } from './sync-actions';

type Tab = 'created' | 'updated' | 'unchanged' | 'conflicts' | 'duplicates' | 'issues';
const TABS: Tab[] = ['created', 'updated', 'unchanged', 'conflicts', 'duplicates', 'issues'];

/** Rows rendered per list: enough to inspect, never thousands of DOM nodes (the count says the rest). */
const LIST_LIMIT = 300;

export interface PreviewProps {
  fileName: string;
  view: PlanView;
  errors: WorkbookIssue[];
  warnings: WorkbookIssue[];
  lang: Lang;
  choices: ChoiceState;
  onChoices(c: ChoiceState): void;
  changeCount: number;
  onApply(): void;
  onCancel(): void;
}

function Diff({ item }: { item: PreviewItem }) {
  const { t } = useTranslation('sync');
  if (!item.fields?.length) return null;
  return (
    <table className="sync-diff">
      <tbody>
        {item.fields.map((f) => (
          <tr key={f.field}>
            <th>{f.label}</th>
            <td className="sync-old" title={t('import.col.old')}>{f.mine || '—'}</td>
            <td aria-hidden>→</td>
            <td className="sync-new" title={t('import.col.new')}>{f.theirs || '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ItemList({ items, render }: { items: PreviewItem[]; render?: (it: PreviewItem) => ReactNode }) {
  const { t } = useTranslation('sync');
  if (items.length === 0) return <p className="empty-state">{t('import.emptyTab')}</p>;
  return (
    <>
      <table className="sync-table">
        <thead>
          <tr>
            <th>{t('import.col.record')}</th>
            <th>{t('import.col.company')}</th>
            <th>{render ? t('import.col.action') : t('import.col.field')}</th>
          </tr>
        </thead>
        <tbody>
          {items.slice(0, LIST_LIMIT).map((it) => (
            <tr key={it.key} data-testid="preview-item">
              <td>{t(`import.record.${it.table}`)}{it.detail ? <div className="sync-muted">{it.detail}</div> : null}</td>
              <td>{it.company}</td>
              <td>{render ? render(it) : <Diff item={it} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {items.length > LIST_LIMIT && <p className="sync-muted">{t('import.moreRows', { count: items.length - LIST_LIMIT })}</p>}
    </>
  );
}

/** Dossiers both sides refiled: one choice each, whose next date to keep. */
function FilingList({ items, choices, onChoices }: { items: FilingItem[]; choices: ChoiceState; onChoices(c: ChoiceState): void }) {
  const { t } = useTranslation('sync');
  const choose = (key: string, side: 'mine' | 'theirs') => onChoices({ ...choices, filing: { ...choices.filing, [key]: side } });
  return (
    <>
      <p className="sync-muted">{t('import.filing.hint')}</p>
      <table className="sync-table">
        <thead>
          <tr>
            <th>{t('import.col.record')}</th>
            <th>{t('import.col.company')}</th>
            <th>{t('import.col.action')}</th>
          </tr>
        </thead>
        <tbody>
          {items.slice(0, LIST_LIMIT).map((it) => {
            const chosen = choices.filing[it.key] ?? 'mine';
            return (
              <tr key={it.key} data-testid="filing-conflict">
                <td>{t('import.filing.record')}</td>
                <td>{it.company}</td>
                <td>
                  <div className="sync-filing" role="radiogroup" aria-label={`${t('import.filing.record')}: ${it.company}`}>
                    {(['mine', 'theirs'] as const).map((side) => (
                      <label key={side} className={`sync-choice${chosen === side ? ' chosen' : ''}`}>
                        <input type="radio" name={`filing:${it.key}`} checked={chosen === side} onChange={() => choose(it.key, side)} />
                        {side === 'mine' ? it.mine : it.theirs}
                      </label>
                    ))}
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {items.length > LIST_LIMIT && <p className="sync-muted">{t('import.moreRows', { count: items.length - LIST_LIMIT })}</p>}
    </>
  );
}

/** The import preview: what the file would change, by group, before anything is written. */
export function ImportPreview(props: PreviewProps) {
  const { t } = useTranslation('sync');
  const { view, lang, choices, onChoices } = props;
  const counts: Record<Tab, number> = {
    created: view.created.length,
    updated: view.updated.length,
    unchanged: view.unchangedCount,
    conflicts: view.counts.conflicts,
    duplicates: view.duplicates.length,
    issues: props.errors.length + props.warnings.length,
  };
  // The first tab with something to look at, chosen once when the preview opens.
  const [tab, setTab] = useState<Tab>(() => (['conflicts', 'duplicates', 'created', 'updated', 'issues'] as Tab[]).find((k) => counts[k] > 0) ?? 'unchanged');

  const setField = (key: string, field: string, side: 'mine' | 'theirs') =>
    onChoices({ ...choices, fields: { ...choices.fields, [key]: { ...choices.fields[key], [field]: side } } });
  const setRecord = (it: PreviewItem, side: 'mine' | 'theirs') =>
    onChoices({ ...choices, fields: { ...choices.fields, [it.key]: Object.fromEntries((it.fields ?? []).map((f) => [f.field, side])) } });
  const setAll = (side: 'mine' | 'theirs') =>
    onChoices({
      ...choices,
      fields: Object.fromEntries(view.conflicts.map((c) => [c.key, Object.fromEntries((c.fields ?? []).map((f) => [f.field, side]))])),
      filing: Object.fromEntries(view.filing.map((f) => [f.key, side])),
    });
  const sideOf = (key: string, field: string) => choices.fields[key]?.[field] ?? 'mine';

  const conflictCell = (it: PreviewItem) => (
    <div className="sync-conflict">
      <div className="sync-row">
        <button className="btn btn-link" onClick={() => setRecord(it, 'mine')}>{t('import.keepMine')}</button>
        <button className="btn btn-link" onClick={() => setRecord(it, 'theirs')}>{t('import.takeTheirs')}</button>
      </div>
      <table className="sync-diff">
        <thead>
          <tr><th>{t('import.col.field')}</th><th>{t('import.col.mine')}</th><th>{t('import.col.theirs')}{it.theirsBy ? ` (${it.theirsBy})` : ''}</th></tr>
        </thead>
        <tbody>
          {(it.fields ?? []).map((f) => (
            <tr key={f.field}>
              <th>{f.label}</th>
              {(['mine', 'theirs'] as const).map((side) => (
                <td key={side}>
                  <label className={`sync-choice${sideOf(it.key, f.field) === side ? ' chosen' : ''}`}>
                    <input type="radio" name={`${it.key}:${f.field}`} checked={sideOf(it.key, f.field) === side} onChange={() => setField(it.key, f.field, side)} />
                    {(side === 'mine' ? f.mine : f.theirs) || '—'}
                  </label>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );

  const duplicateCell = (it: PreviewItem) => {
    const merge = choices.duplicates[it.key] !== 'new';
    return (
      <div className="sync-dup">
        <div className="sync-muted">{t('import.col.existing')}: {it.existingCompany}</div>
        <label className="sync-radio">
          <input type="radio" name={`dup:${it.key}`} checked={merge} onChange={() => onChoices({ ...choices, duplicates: { ...choices.duplicates, [it.key]: 'merge' } })} />
          {t('import.mergeDup')}
        </label>
        <label className="sync-radio">
          <input type="radio" name={`dup:${it.key}`} checked={!merge} onChange={() => onChoices({ ...choices, duplicates: { ...choices.duplicates, [it.key]: 'new' } })} />
          {t('import.keepNew')}
        </label>
      </div>
    );
  };

  const issues = [...props.errors.map((i) => ({ i, kind: 'error' as const })), ...props.warnings.map((i) => ({ i, kind: 'warning' as const }))];

  return (
    <Dialog
      open
      size="wide"
      testId="import-preview"
      title={t('import.previewTitle', { name: props.fileName })}
      onClose={props.onCancel}
      footer={
        <>
          {props.errors.length > 0 && <span className="sync-warn">{t('import.errorsSkipped', { count: props.errors.length })}</span>}
          <button className="btn" onClick={props.onCancel}>{t('cancel')}</button>
          <button className="btn btn-primary" onClick={props.onApply} disabled={props.changeCount === 0} data-testid="import-apply">
            {props.changeCount === 0 ? t('import.applyNothing') : t('import.apply', { count: props.changeCount })}
          </button>
        </>
      }
    >
      {view.meta && (
        <p className="sync-muted">
          {t('import.fileInfo', { by: view.meta.exportedBy || '—', at: view.meta.exportedAt ? formatInstant(view.meta.exportedAt, lang) : '—', version: view.meta.appVersion || '—' })}
        </p>
      )}
      {view.returningFrom && (
        <p className="sync-note" data-testid="import-returning">
          {t('handover.returning', { by: view.returningFrom })}
          {view.coverEnds > 0 && ` ${t('handover.coverEnds', { count: view.coverEnds })}`}
        </p>
      )}
      <div className="sync-tabs" role="tablist">
        {TABS.map((k) => (
          <button key={k} role="tab" aria-selected={tab === k} className={`sync-tab${tab === k ? ' active' : ''}${k === 'conflicts' && counts[k] > 0 ? ' alert' : ''}`} onClick={() => setTab(k)}>
            {t(`import.tabs.${k}`)} <span className="badge">{formatNumber(counts[k], lang)}</span>
          </button>
        ))}
      </div>
      <div className="sync-tabpanel" role="tabpanel">
        {tab === 'created' && <ItemList items={view.created} />}
        {tab === 'updated' && <ItemList items={view.updated} />}
        {tab === 'unchanged' && <ItemList items={view.unchanged} />}
        {tab === 'conflicts' && (
          <>
            {counts.conflicts > 0 && (
              <div className="sync-row">
                <button className="btn" onClick={() => setAll('mine')}>{t('import.allMine')}</button>
                <button className="btn" onClick={() => setAll('theirs')}>{t('import.allTheirs')}</button>
              </div>
            )}
            {view.filing.length > 0 && <FilingList items={view.filing} choices={choices} onChoices={onChoices} />}
            {(view.conflicts.length > 0 || view.filing.length === 0) && <ItemList items={view.conflicts} render={conflictCell} />}
          </>
        )}
        {tab === 'duplicates' && <ItemList items={view.duplicates} render={duplicateCell} />}
        {tab === 'issues' &&
          (issues.length === 0 ? (
            <p className="empty-state">{t('import.emptyTab')}</p>
          ) : (
            <table className="sync-table" data-testid="issue-list">
              <thead>
                <tr><th /><th>{t('import.col.sheet')}</th><th>{t('import.col.row')}</th><th>{t('import.col.column')}</th><th>{t('import.col.problem')}</th></tr>
              </thead>
              <tbody>
                {issues.slice(0, LIST_LIMIT).map(({ i, kind }, n) => (
                  <tr key={n} className={kind === 'error' ? 'sync-error-row' : undefined}>
                    <td><span className={`badge sync-badge-${kind}`}>{t(`import.${kind}`)}</span></td>
                    <td>{i.sheet ?? ''}</td>
                    <td className="sync-num">{i.row ?? ''}</td>
                    <td>{i.column ?? ''}</td>
                    <td title={issueLine(i, lang)}>{issueMessage(i, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ))}
      </div>
    </Dialog>
  );
}
