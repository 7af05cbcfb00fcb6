import { useDeferredValue, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { issueLine, issueMessage, type WorkbookIssue } from '../../../shared/workbook';
import { Dialog } from '../../ui/dialog';
import { formatInstant, formatNumber } from '../../ui/format';
import { RECORD_KINDS } from '../../../shared/merge';
import type { ChoiceState, FilingItem, ListName, PlanView, PreviewItem } from './plan-view';
import type { Lang } from './sync-actions';

type Tab = 'created' | 'updated' | 'unchanged' | 'conflicts' | 'duplicates' | 'issues';
const TABS: Tab[] = ['created', 'updated', 'unchanged', 'conflicts', 'duplicates', 'issues'];

/** Rows rendered per page of a list (the import worker's page): never thousands of DOM nodes. */
const LIST_LIMIT = 300;

/** A preview list's page from the import session, from `offset`. */
export type PageSource = (list: ListName, offset: number) => Promise<PreviewItem[] | FilingItem[]>;

export interface PreviewProps {
  fileName: string;
  /** Each list's first page, with the totals (the import worker holds the rest). */
  view: PlanView;
  onPage: PageSource;
  /** The first page of the file's problems, and how many there are. */
  errors: WorkbookIssue[];
  warnings: WorkbookIssue[];
  errorCount: number;
  warningCount: number;
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

/** One page of a list: the first comes with the view, the others from the session on request. */
function usePage<T>(list: ListName, first: T[], total: number, onPage: PageSource) {
  const [offset, setOffset] = useState(0);
  const [items, setItems] = useState(first);
  useEffect(() => {
    if (offset === 0) {
      setItems(first);
      return;
    }
    let live = true;
    void onPage(list, offset).then((page) => live && setItems(page as T[]));
    return () => {
      live = false;
    };
  }, [list, offset, first, onPage]);
  return { items, offset, total, setOffset };
}

/** "301–600 of 10,000" with the previous and next page, when a list has more than one. */
function Pager({ offset, total, setOffset, lang }: { offset: number; total: number; setOffset(o: number): void; lang: Lang }) {
  const { t } = useTranslation('sync');
  if (total <= LIST_LIMIT) return null;
  const to = Math.min(total, offset + LIST_LIMIT);
  return (
    <div className="sync-row sync-pager" data-testid="preview-pager">
      <button className="btn" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - LIST_LIMIT))}>{t('import.pagePrev')}</button>
      <span className="sync-muted">{t('import.pageRange', { from: formatNumber(offset + 1, lang), to: formatNumber(to, lang), total: formatNumber(total, lang) })}</span>
      <button className="btn" disabled={to >= total} onClick={() => setOffset(offset + LIST_LIMIT)}>{t('import.pageNext')}</button>
    </div>
  );
}

function ItemList({ list, first, total, onPage, lang, render }: { list: ListName; first: PreviewItem[]; total: number; onPage: PageSource; lang: Lang; render?: (it: PreviewItem) => ReactNode }) {
  const { t } = useTranslation('sync');
  const page = usePage(list, first, total, onPage);
  if (total === 0) return <p className="empty-state">{t('import.emptyTab')}</p>;
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
          {page.items.map((it) => (
            <tr key={it.key} data-testid="preview-item">
              <td>{t(`import.record.${it.table}`)}{it.detail ? <div className="sync-muted">{it.detail}</div> : null}</td>
              <td>{it.company}</td>
              <td>{render ? render(it) : <Diff item={it} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager {...page} lang={lang} />
    </>
  );
}

/** Dossiers both sides refiled: one choice each, whose next date to keep. */
function FilingList({ first, total, onPage, lang, choices, onChoices }: { first: FilingItem[]; total: number; onPage: PageSource; lang: Lang; choices: ChoiceState; onChoices(c: ChoiceState): void }) {
  const { t } = useTranslation('sync');
  const page = usePage('filing', first, total, onPage);
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
          {page.items.map((it) => {
            const chosen = choices.filing[it.key] ?? choices.allConflicts ?? 'mine';
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
      <Pager {...page} lang={lang} />
    </>
  );
}

/** The import preview: what the file would change, by group, before anything is written. */
export function ImportPreview(props: PreviewProps) {
  const { t } = useTranslation('sync');
  const { view, lang, choices, onChoices, onPage } = props;
  const counts: Record<Tab, number> = {
    created: view.totals.created,
    updated: view.totals.updated,
    unchanged: view.totals.unchanged,
    conflicts: view.counts.conflicts,
    duplicates: view.totals.duplicates,
    issues: props.errorCount + props.warningCount,
  };
  // "In the file: 10,000 dossiers, 20,000 contacts, …": what it holds, before any list.
  const inFile = RECORD_KINDS.filter((k) => view.kinds[k] > 0)
    .map((k) => t(`import.kinds.${k}`, { count: view.kinds[k], n: formatNumber(view.kinds[k], lang) }))
    .join(', ');
  // The first tab with something to look at, chosen once when the preview opens.
  const [tab, setTab] = useState<Tab>(() => (['conflicts', 'duplicates', 'created', 'updated', 'issues'] as Tab[]).find((k) => counts[k] > 0) ?? 'unchanged');

  const setField = (key: string, field: string, side: 'mine' | 'theirs') =>
    onChoices({ ...choices, fields: { ...choices.fields, [key]: { ...choices.fields[key], [field]: side } } });
  const setRecord = (it: PreviewItem, side: 'mine' | 'theirs') =>
    onChoices({ ...choices, fields: { ...choices.fields, [it.key]: Object.fromEntries((it.fields ?? []).map((f) => [f.field, side])) } });
  // Every conflict, on every page: the import worker resolves the side for the ones not chosen one by one.
  const setAll = (side: 'mine' | 'theirs') => onChoices({ ...choices, fields: {}, filing: {}, allConflicts: side });
  const sideOf = (key: string, field: string) => choices.fields[key]?.[field] ?? choices.allConflicts ?? 'mine';

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
  // The dialog and its counts first; the list's rows (a page of 300) in a second, deferred
  // render, which React splits into short tasks: rendered with the dialog in one task, they
  // held the window for 75-140 ms on the bench machine.
  const listsShown = useDeferredValue(true, false);

  return (
    <Dialog
      open
      size="wide"
      testId="import-preview"
      title={t('import.previewTitle', { name: props.fileName })}
      onClose={props.onCancel}
      footer={
        <>
          {props.errorCount > 0 && <span className="sync-warn">{t('import.errorsSkipped', { count: props.errorCount })}</span>}
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
      {inFile && <p className="sync-muted" data-testid="import-kinds">{t('import.inFile', { kinds: inFile })}</p>}
      <div className="sync-tabs" role="tablist">
        {TABS.map((k) => (
          <button key={k} role="tab" aria-selected={tab === k} className={`sync-tab${tab === k ? ' active' : ''}${k === 'conflicts' && counts[k] > 0 ? ' alert' : ''}`} onClick={() => setTab(k)}>
            {t(`import.tabs.${k}`)} <span className="badge">{formatNumber(counts[k], lang)}</span>
          </button>
        ))}
      </div>
      <div className="sync-tabpanel" role="tabpanel">
        {listsShown && (
          <>
            {tab === 'created' && <ItemList list="created" first={view.created} total={view.totals.created} onPage={onPage} lang={lang} />}
            {tab === 'updated' && <ItemList list="updated" first={view.updated} total={view.totals.updated} onPage={onPage} lang={lang} />}
            {tab === 'unchanged' && <ItemList list="unchanged" first={view.unchanged} total={view.totals.unchanged} onPage={onPage} lang={lang} />}
            {tab === 'conflicts' && (
              <>
                {counts.conflicts > 0 && (
                  <div className="sync-row">
                    <button className="btn" onClick={() => setAll('mine')}>{t('import.allMine')}</button>
                    <button className="btn" onClick={() => setAll('theirs')}>{t('import.allTheirs')}</button>
                  </div>
                )}
                {view.totals.filing > 0 && <FilingList first={view.filing} total={view.totals.filing} onPage={onPage} lang={lang} choices={choices} onChoices={onChoices} />}
                {(view.totals.conflicts > 0 || view.totals.filing === 0) && (
                  <ItemList list="conflicts" first={view.conflicts} total={view.totals.conflicts} onPage={onPage} lang={lang} render={conflictCell} />
                )}
              </>
            )}
            {tab === 'duplicates' && <ItemList list="duplicates" first={view.duplicates} total={view.totals.duplicates} onPage={onPage} lang={lang} render={duplicateCell} />}
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
          </>
        )}
      </div>
    </Dialog>
  );
}
