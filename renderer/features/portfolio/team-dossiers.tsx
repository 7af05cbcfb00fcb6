import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isDayKey } from '../../../shared/model/filing';
import { SEGMENTS, type Segment } from '../../../shared/model/records';
import { TEAM_DAYS, type LoadedWorkbook } from '../../../shared/portfolio/team';
import { inWindow, refKey, TEAM_WINDOWS, teamDossiers, type TeamDossier, type TeamWindow } from '../../../shared/portfolio/team-prepare';
import { folderLabel } from '../dossier/folder-label';

/**
 * One manager's dossiers from the loaded workbooks: by window (today, overdue, the next 14
 * days, all), filtered by company or step text and segment. Arrows move, Enter opens the
 * dossier read-only, Space selects; the actions take the selection, or every dossier shown.
 */
export function TeamDossiers({ loaded, owner, today, marks, onOpen, onClose, onHandover, onReassign }: {
  loaded: readonly LoadedWorkbook[];
  owner: string;
  today: string;
  /** What the lead prepared for a dossier (by id) in this session. */
  marks: ReadonlyMap<string, string>;
  onOpen(d: TeamDossier): void;
  onClose(): void;
  onHandover(chosen: TeamDossier[]): void;
  onReassign(chosen: TeamDossier[]): void;
}) {
  const { t, i18n } = useTranslation('portfolio');
  const lang = i18n.language;
  const all = useMemo(() => teamDossiers(loaded, owner, today), [loaded, owner, today]);
  const [win, setWin] = useState<TeamWindow>('next');
  const [text, setText] = useState('');
  const [segment, setSegment] = useState<Segment | ''>('');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [active, setActive] = useState(0);
  const listRef = useRef<HTMLDivElement>(null);

  const matches = useMemo(() => {
    const q = text.trim().toLocaleLowerCase(lang);
    return all.filter((d) => (!segment || d.segment === segment) && (!q || d.company.toLocaleLowerCase(lang).includes(q) || d.next.title.toLocaleLowerCase(lang).includes(q)));
  }, [all, text, segment, lang]);
  const counts = useMemo(() => Object.fromEntries(TEAM_WINDOWS.map((w) => [w, matches.filter((d) => inWindow(d, w, today, TEAM_DAYS)).length])) as Record<TeamWindow, number>, [matches, today]);
  const shown = useMemo(() => matches.filter((d) => inWindow(d, win, today, TEAM_DAYS)), [matches, win, today]);
  const chosen = shown.filter((d) => selected.has(refKey(d)));
  const acted = chosen.length ? chosen : shown;

  // Another manager or window: start at the top of the list.
  useEffect(() => setActive(0), [owner, win, text, segment]);
  useEffect(() => setSelected(new Set()), [owner]);
  useEffect(() => listRef.current?.focus(), [owner]);

  const toggle = (d: TeamDossier) =>
    setSelected((s) => {
      const next = new Set(s);
      const k = refKey(d);
      if (next.has(k)) next.delete(k);
      else next.add(k);
      return next;
    });

  const onKeyDown = (e: KeyboardEvent) => {
    const d = shown[active];
    if (e.key === 'ArrowDown') setActive((i) => Math.min(i + 1, shown.length - 1));
    else if (e.key === 'ArrowUp') setActive((i) => Math.max(i - 1, 0));
    else if (e.key === 'Home') setActive(0);
    else if (e.key === 'End') setActive(shown.length - 1);
    else if (e.key === 'Enter' && d) onOpen(d);
    else if (e.key === ' ' && d) toggle(d);
    else if (e.key === 'Escape') onClose();
    else return;
    e.preventDefault();
  };

  useEffect(() => {
    listRef.current?.querySelector(`[data-index="${active}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  return (
    <section className="pf-team-dossiers" aria-labelledby="pf-team-dossiers-title" data-testid="team-dossiers">
      <header className="pf-team-dossiers-head">
        <h2 id="pf-team-dossiers-title">{t('team.dossiersOf', { owner })}</h2>
        <div className="pf-tabs" role="tablist" aria-label={t('team.dossiersOf', { owner })}>
          {TEAM_WINDOWS.map((w) => (
            <button key={w} type="button" role="tab" aria-selected={win === w} className={win === w ? 'pf-tab pf-tab-on' : 'pf-tab'} onClick={() => setWin(w)} data-window={w}>
              {t(`team.window.${w}`)} <span className="pf-count">{counts[w]}</span>
            </button>
          ))}
        </div>
        <button type="button" className="btn btn-icon" onClick={onClose} aria-label={t('common:action.close')} title={`${t('common:action.close')} (Esc)`}>×</button>
      </header>
      <div className="pf-toolbar">
        <input className="input pf-filter" type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder={t('team.filter')} aria-label={t('team.filter')} />
        <select value={segment} onChange={(e) => setSegment(e.target.value as Segment | '')} aria-label={t('abc.splitSegment')}>
          <option value="">{t('team.segmentAll')}</option>
          {SEGMENTS.map((s) => <option key={s} value={s}>{t(`abc.segment.${s}`)}</option>)}
        </select>
        <span className="pf-grow" />
        <button type="button" className="btn" disabled={!acted.length} onClick={() => onHandover(acted)}>{t('team.handover.button')}</button>
        <button type="button" className="btn" disabled={!acted.length} onClick={() => onReassign(acted)}>{t('team.reassign.button')}</button>
      </div>
      <p className="pf-note pf-selection">{chosen.length ? t('team.selected', { count: chosen.length }) : t('team.noneSelected', { count: shown.length })}</p>
      <div
        ref={listRef}
        className="pf-team-list"
        tabIndex={0}
        role="listbox"
        aria-multiselectable
        aria-label={t('team.dossiersOf', { owner })}
        aria-activedescendant={shown[active] ? `pf-td-${active}` : undefined}
        onKeyDown={onKeyDown}
        data-testid="team-dossier-list"
      >
        {shown.length === 0 ? (
          <p className="pf-note pf-empty">{t('team.noneInWindow')}</p>
        ) : (
          <table className="pf-table pf-team-dossier-table">
            <thead>
              <tr>
                <th aria-hidden />
                <th>{t('team.col.when')}</th>
                <th>{t('team.col.company')}</th>
                <th>{t('team.col.next')}</th>
                <th>{t('team.col.owner')}</th>
                <th>{t('team.col.file')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((d, i) => {
                const overdue = isDayKey(d.fileKey) && d.fileKey < today;
                return (
                  <tr
                    key={refKey(d)}
                    id={`pf-td-${i}`}
                    role="option"
                    aria-selected={selected.has(refKey(d))}
                    data-index={i}
                    data-company={d.company}
                    className={i === active ? 'is-active' : undefined}
                    onClick={() => setActive(i)}
                    onDoubleClick={() => onOpen(d)}
                  >
                    <td><input type="checkbox" tabIndex={-1} checked={selected.has(refKey(d))} onChange={() => toggle(d)} aria-label={d.company} /></td>
                    <td className={overdue ? 'pf-over' : undefined}>{folderLabel(d.fileKey, lang, t)}{d.next.time ? ` ${d.next.time}` : ''}</td>
                    <td className="pf-company"><button type="button" className="btn btn-link" tabIndex={-1} onClick={() => onOpen(d)}>{d.company}</button></td>
                    <td className="pf-next">{t(`common:kind.${d.next.kind}`)}{d.next.title ? ` · ${d.next.title}` : ''}</td>
                    <td className="pf-owner-cell">{d.owner}{marks.has(d.id) && <span className="badge pf-prepared" data-testid="team-prepared">{marks.get(d.id)}</span>}</td>
                    <td className="pf-file">{d.file}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </div>
      <p className="pf-note pf-keys">{t('team.keys')}</p>
    </section>
  );
}
