import { useVirtualizer } from '@tanstack/react-virtual';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isMonthKey } from '../../../shared/model/filing';
import { SEGMENTS } from '../../../shared/model/records';
import { okvedClassName } from '../../../shared/portfolio/okved';
import { OKVED_CLASSES } from '../../../shared/portfolio/okved-classes';
import { dossierFilterMatcher, filtersBeyondStatus } from '../../data/dossier-filter';
import { getBridge } from '../../bridge';
import { countDossiers, dossierIdsMatching, listDossiers, listOwners, searchDossiers } from '../../data/search-repo';
import { setExportSelection } from '../../data/sync-repo';
import type { DossierFilter, DossierSort, DossierSummary } from '../../data/types';
import type { ScreenProps } from '../../routes';
import { todayKey } from '../../ui/clock';
import { formatDay, formatMonth, formatNumber, formatWeekday } from '../../ui/format';
import { HandedOverBadge } from '../../ui/handed-over-badge';
import { navigate } from '../../ui/router';
import { NewDossierDialog } from '../dossier/new-dossier-dialog';
import './dossiers.css';
import { isTyping } from '../../ui/is-typing';

/** Rows fetched per window as the list scrolls: small enough to be instant, large enough to rarely wait. */
const PAGE = 200;
const ROW_HEIGHT = 34;
const SEARCH_LIMIT = 200;
const SEARCH_DEBOUNCE_MS = 120;


type StatusFilter = NonNullable<DossierFilter['status']>;


/**
 * All dossiers: the search box on top (results as you type: company, contact, phone in
 * any format, INN) and below it the whole portfolio, filtered and sorted, virtualised
 * and read in windows of PAGE rows, so 100,000 dossiers scroll as smoothly as 100.
 */
export default function DossiersScreen(_props: ScreenProps) {
  const { t, i18n } = useTranslation('dossiers');
  const lang = i18n.language;
  const [query, setQuery] = useState('');
  const [debounced, setDebounced] = useState('');
  const [filter, setFilter] = useState<DossierFilter>({ status: 'active' });
  const [sort, setSort] = useState<DossierSort>({ field: 'company', dir: 'asc' });
  const [active, setActive] = useState(0);
  const [newOpen, setNewOpen] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const id = setTimeout(() => setDebounced(query.trim()), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(id);
  }, [query]);

  const searching = debounced !== '';
  const owners = useLiveQuery(() => listOwners(), []) ?? [];
  const found = useLiveQuery(() => (searching ? searchDossiers(debounced, SEARCH_LIMIT) : Promise.resolve(null)), [debounced]);
  const results = useMemo(() => found?.filter(dossierFilterMatcher(filter)) ?? null, [found, filter]);
  const total = useLiveQuery(() => countDossiers(filter), [JSON.stringify(filter)]);
  const anyAtAll = useLiveQuery(() => countDossiers({ status: 'all' }), []);

  const count = searching ? (results?.length ?? 0) : (total ?? 0);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => listRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();

  // Which windows of PAGE rows the visible rows need; re-read live (a refile elsewhere shows up).
  const listKey = JSON.stringify([filter, sort]);
  const firstPage = items.length ? Math.floor(items[0]!.index / PAGE) : 0;
  const lastPage = items.length ? Math.floor(items[items.length - 1]!.index / PAGE) : 0;
  const pages = useLiveQuery(
    async () => {
      if (searching) return null;
      const out = new Map<number, DossierSummary[]>();
      for (let p = firstPage; p <= lastPage; p++) out.set(p, await listDossiers(filter, sort, p * PAGE, PAGE));
      return { key: listKey, pages: out };
    },
    [listKey, firstPage, lastPage, searching],
  );
  // Keep the windows read so far for this filter and sort, so scrolling back shows rows at once.
  const cache = useRef<{ key: string; pages: Map<number, DossierSummary[]> }>({ key: '', pages: new Map() });
  if (pages && pages.key === listKey) {
    if (cache.current.key !== listKey) cache.current = { key: listKey, pages: new Map() };
    for (const [p, rows] of pages.pages) cache.current.pages.set(p, rows);
  } else if (cache.current.key !== listKey) {
    cache.current = { key: listKey, pages: new Map() };
  }

  const rowAt = (i: number): DossierSummary | undefined =>
    searching ? results?.[i] : cache.current.pages.get(Math.floor(i / PAGE))?.[i % PAGE];

  // A new query or filter starts at the top.
  useEffect(() => {
    setActive(0);
    virtualizer.scrollToIndex(0);
  }, [debounced, listKey, virtualizer]);

  useEffect(() => {
    const focusSearch = () => {
      searchRef.current?.focus();
      searchRef.current?.select();
    };
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.defaultPrevented || document.querySelector('dialog[open]')) return;
      if (e.key === '/' && !isTyping(e.target)) {
        e.preventDefault();
        focusSearch();
      }
    };
    window.addEventListener('keydown', onKey);
    // Ctrl+N and Ctrl+F arrive as commands (the Electron menu, or the web bridge's shortcuts).
    const off = getBridge().onCommand((c) => {
      if (c === 'new-dossier') setNewOpen(true);
      else if (c === 'find' && !document.querySelector('dialog[open]')) focusSearch();
    });
    return () => {
      window.removeEventListener('keydown', onKey);
      off();
    };
  }, []);

  const moveTo = (i: number) => {
    if (count === 0) return;
    const next = Math.max(0, Math.min(count - 1, i));
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  const open = (i: number) => {
    const row = rowAt(i);
    if (row) navigate('dossier', row.id);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const pageRows = Math.max(1, Math.floor((listRef.current?.clientHeight ?? 400) / ROW_HEIGHT) - 1);
    const inInput = isTyping(e.target);
    if (e.key === 'ArrowDown') moveTo(active + 1);
    else if (e.key === 'ArrowUp') moveTo(active - 1);
    else if (e.key === 'PageDown') moveTo(active + pageRows);
    else if (e.key === 'PageUp') moveTo(active - pageRows);
    else if (e.key === 'Home' && !inInput) moveTo(0);
    else if (e.key === 'End' && !inInput) moveTo(count - 1);
    else if (e.key === 'Enter' && (e.target === searchRef.current || e.target === listRef.current)) open(active);
    else if (e.key === 'Escape' && e.target === searchRef.current && query) setQuery('');
    else return;
    e.preventDefault();
  };

  const setF = (patch: Partial<DossierFilter>) => setFilter((f) => ({ ...f, ...patch }));
  const filtered = filtersBeyondStatus(filter) || filter.status !== 'active';
  // The dossiers on screen (a search shows its filtered results; a filter, every match) go
  // to the Excel screen's export as "the current selection".
  const exportList = async () => {
    const ids = searching ? (results ?? []).map((r) => r.id) : await dossierIdsMatching(filter);
    await setExportSelection(ids);
    navigate('sync', 'export', 'selection');
  };
  const sortBy = (field: DossierSort['field']) =>
    setSort((s) => (s.field === field ? { field, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { field, dir: field === 'company' || field === 'fileKey' ? 'asc' : 'desc' }));

  const today = todayKey();
  const thisYear = today.slice(0, 4);
  // The year only where it is not this year's: the columns stay narrow and scannable.
  const dayOpts = (day: string): Intl.DateTimeFormatOptions =>
    day.startsWith(thisYear) ? { day: 'numeric', month: 'short' } : { day: 'numeric', month: 'short', year: 'numeric' };
  const folderCell = (key: string | undefined) => {
    if (!key) return '';
    if (isMonthKey(key)) return `▤ ${formatMonth(key, lang, { month: 'short', year: 'numeric' })}`;
    return `${formatWeekday(key, lang)} ${formatDay(key, lang, dayOpts(key))}`;
  };
  const lastCell = (iso: string | undefined) => {
    if (!iso) return '';
    const day = todayKey(new Date(iso));
    return formatDay(day, lang, dayOpts(day));
  };

  const header = (field: DossierSort['field'] | null, label: string) =>
    field ? (
      <button className="dl-sort" onClick={() => sortBy(field)} aria-sort={sort.field === field ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
        {label}
        {sort.field === field && <span aria-hidden>{sort.dir === 'asc' ? ' ▲' : ' ▼'}</span>}
      </button>
    ) : (
      <span>{label}</span>
    );

  let empty: { title: string; hint?: string; cta?: boolean } | null = null;
  if (anyAtAll === 0) empty = { title: t('empty.none'), hint: t('empty.noneHint'), cta: true };
  else if (searching && results && results.length === 0) empty = { title: t('empty.nothing', { query: debounced }), hint: t('empty.nothingHint') };
  else if (!searching && total === 0) empty = { title: t('empty.filtered') };

  return (
    <div className="dl-screen" onKeyDown={onKeyDown}>
      <header className="dl-head">
        <h1>{t('title')}</h1>
        <span className="dl-count" data-testid="dossier-count">
          {searching
            ? t('found', { count: results?.length ?? 0, n: formatNumber(results?.length ?? 0, lang) })
            : t('total', { count: total ?? 0, n: formatNumber(total ?? 0, lang) })}
          {searching && found && found.length >= SEARCH_LIMIT && <span className="dl-muted"> · {t('foundLimit', { count: SEARCH_LIMIT })}</span>}
        </span>
        <button className="btn btn-primary dl-new" onClick={() => setNewOpen(true)}>
          + {t('newDossier')} <kbd>Ctrl+N</kbd>
        </button>
      </header>
      <div className="dl-search">
        <input
          ref={searchRef}
          className="input"
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          placeholder={t('searchPlaceholder')}
          aria-label={t('searchLabel')}
          aria-controls="dossier-list"
          aria-activedescendant={count > 0 ? `dl-row-${active}` : undefined}
          autoFocus
          autoComplete="off"
          spellCheck={false}
        />
        <kbd className="dl-search-key">/</kbd>
      </div>
      <div className="dl-filters">
        <select value={filter.status} onChange={(e) => setF({ status: e.target.value as StatusFilter })} aria-label={t('filter.status')}>
          {(['active', 'archived', 'all'] as const).map((s) => (
            <option key={s} value={s}>{t(`filter.${s}`)}</option>
          ))}
        </select>
        <select value={filter.owner ?? ''} onChange={(e) => setF({ owner: e.target.value || undefined })} aria-label={t('filter.owner')}>
          <option value="">{t('filter.anyOwner')}</option>
          {owners.map((o) => (
            <option key={o} value={o}>{o}</option>
          ))}
        </select>
        <select value={filter.segment ?? '-'} onChange={(e) => setF({ segment: e.target.value === '-' ? undefined : (e.target.value as DossierFilter['segment']) })} aria-label={t('filter.segment')}>
          <option value="-">{t('filter.anySegment')}</option>
          {SEGMENTS.map((s) => (
            <option key={s} value={s}>{t(`dossier:segment.${s}`)}</option>
          ))}
        </select>
        <select value={filter.industry ?? ''} onChange={(e) => setF({ industry: e.target.value || undefined })} aria-label={t('filter.industry')} className="dl-industry" data-testid="filter-industry">
          <option value="">{t('filter.anyIndustry')}</option>
          {OKVED_CLASSES.map((c) => (
            <option key={c.code} value={c.code}>{c.code} {okvedClassName(c, i18n.language)}</option>
          ))}
        </select>
        <input className="input dl-territory" value={filter.territory ?? ''} onChange={(e) => setF({ territory: e.target.value || undefined })} placeholder={t('filter.territory')} aria-label={t('filter.territory')} data-testid="filter-territory" />
        <label className="dl-check">
          <input type="checkbox" checked={filter.vip === true} onChange={(e) => setF({ vip: e.target.checked ? true : undefined })} />
          ★ {t('filter.vip')}
        </label>
        <label className="dl-check">
          <input type="checkbox" checked={filter.handedOver === true} onChange={(e) => setF({ handedOver: e.target.checked ? true : undefined })} data-testid="filter-handed-over" />
          {t('filter.handedOver')}
        </label>
        {filtered && (
          <button className="btn btn-link" onClick={() => setFilter({ status: 'active' })}>{t('filter.reset')}</button>
        )}
        {(filtered || searching) && count > 0 && (
          <button className="btn btn-link" data-testid="export-list" onClick={() => void exportList()}>{t('exportList')}</button>
        )}
        <span className="dl-keys">{t('keys')}</span>
      </div>
      <div className="dl-table" role="presentation">
        <div className="dl-row dl-header" role="presentation">
          <span className="dl-star" />
          {header('company', t('col.company'))}
          <span>{t('col.contact')}</span>
          {header('fileKey', t('col.next'))}
          {header('lastContactAt', t('col.last'))}
          <span>{t('col.segment')}</span>
          <span>{t('col.owner')}</span>
        </div>
        {empty ? (
          <div className="empty-state" data-testid="dossiers-empty">
            <p className="dl-empty-title">{empty.title}</p>
            {empty.hint && <p>{empty.hint}</p>}
            {empty.cta && (
              <button className="btn btn-primary" onClick={() => setNewOpen(true)}>
                + {t('newDossier')} <kbd>Ctrl+N</kbd>
              </button>
            )}
          </div>
        ) : (
          <div
            ref={listRef}
            id="dossier-list"
            className="dl-list"
            role="listbox"
            tabIndex={0}
            aria-label={t('title')}
            aria-activedescendant={count > 0 ? `dl-row-${active}` : undefined}
          >
            <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {items.map((v) => {
                const row = rowAt(v.index);
                const overdue = row?.fileKey && !isMonthKey(row.fileKey) && row.fileKey < today;
                return (
                  <div
                    key={v.key}
                    id={`dl-row-${v.index}`}
                    role="option"
                    aria-selected={v.index === active}
                    className={`dl-row${v.index === active ? ' is-active' : ''}${row?.status === 'archived' ? ' is-archived' : ''}`}
                    style={{ transform: `translateY(${v.start}px)`, height: ROW_HEIGHT }}
                    onMouseDown={() => setActive(v.index)}
                    onClick={() => open(v.index)}
                    data-testid="dossier-row"
                  >
                    {row ? (
                      <>
                        <span className="dl-star" aria-label={row.vip ? 'VIP' : undefined}>{row.vip ? '★' : ''}</span>
                        <span className="dl-company" title={row.company}>
                          {/* The name gives way first: the marks after it stay readable. */}
                          <span className="dl-name">{row.company}</span>
                          {row.status === 'archived' && <span className="badge">{t('archived')}</span>}
                          <HandedOverBadge dossier={row} />
                        </span>
                        <span className="dl-contact" title={row.primaryName}>
                          {row.primaryName}
                          {row.primaryPhone && <span className="dl-muted"> {row.primaryPhone}</span>}
                        </span>
                        <span className={overdue ? 'dl-overdue' : undefined}>
                          {folderCell(row.fileKey)}
                          {row.nextKind && row.fileKey && <span className="dl-muted"> · {t(`common:kind.${row.nextKind}`)}</span>}
                        </span>
                        <span>{lastCell(row.lastContactAt)}</span>
                        <span>{row.segment ? t(`dossier:segment.${row.segment}`) : ''}</span>
                        <span className="dl-owner" title={row.owner}>{row.owner}</span>
                      </>
                    ) : (
                      <span className="dl-loading" />
                    )}
                  </div>
                );
              })}
            </div>
          </div>
        )}
      </div>
      <NewDossierDialog open={newOpen} onClose={() => setNewOpen(false)} />
    </div>
  );
}
