import { memo, type DragEvent, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { diffDays } from '../../shared/dates/calendar-day';
import { isDayKey } from '../../shared/model/filing';
import { getBridge } from '../bridge';
import type { DossierSummary as Row } from '../data/types';
import { formatDay, formatInstant } from './format';
import { HandedOverBadge } from './handed-over-badge';

/** "Анна Смирнова" as "Анна С.": the status column is narrow, the badge's title has the whole name. */
export function shortName(name: string): string {
  const [first, ...rest] = name.trim().split(/\s+/);
  return rest.length > 0 ? `${first} ${rest[0]![0]}.` : (first ?? '');
}

/** Drag payload type of dossier ids dragged from a folder list onto a folder chip. */
export const DRAG_IDS = 'application/x-tickler-ids';

export interface FolderLineProps {
  row: Row;
  today: string;
  selected: boolean;
  cursor: boolean;
  /** The ids a drag of this row carries: the selection when the row is part of it. */
  dragIds(): string[];
  onClick(id: string, e: MouseEvent): void;
  onFocus(id: string): void;
  onOpen(id: string): void;
  onRefile(id: string): void;
  rowRef(el: HTMLElement | null): void;
  /** Show the folder date (overdue rows, month folders). */
  showDate?: boolean;
}

/**
 * One dossier on a folder line, dense enough for 30 a screen: time or kind, company,
 * contact and phone (a tel: link), the last conversation in one line, and how overdue it is.
 * Clicking selects (the checkbox and Shift-click for ranges); the company opens the dossier.
 */
export const FolderLine = memo(function FolderLine({ row, today, selected, cursor, dragIds, onClick, onFocus, onOpen, onRefile, rowRef, showDate }: FolderLineProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const key = row.fileKey ?? '';
  const overdueDays = isDayKey(key) && key < today ? diffDays(today, key) : 0;
  const phone = row.primaryPhone;

  const onDragStart = (e: DragEvent) => {
    e.dataTransfer.setData(DRAG_IDS, JSON.stringify(dragIds()));
    e.dataTransfer.effectAllowed = 'move';
  };

  return (
    <div
      ref={rowRef}
      role="option"
      aria-selected={selected}
      tabIndex={cursor ? 0 : -1}
      className={`drow${selected ? ' is-selected' : ''}${cursor ? ' is-cursor' : ''}`}
      data-testid="dossier-row"
      data-id={row.id}
      draggable
      onDragStart={onDragStart}
      onFocus={() => onFocus(row.id)}
      onClick={(e) => onClick(row.id, e)}
      onDoubleClick={() => onOpen(row.id)}
    >
      <input
        type="checkbox"
        className="drow-check"
        tabIndex={-1}
        checked={selected}
        aria-label={t('row.select', { company: row.company })}
        onChange={() => undefined}
      />
      <span className="drow-when">
        {row.nextTime && overdueDays > 0 ? (
          // A meeting carried over from another day: its hour alone would read as today's.
          <span className="drow-when-past" title={`${formatDay(key, lang)} ${row.nextTime}`} data-testid="row-when-date">
            {formatDay(key, lang, { day: 'numeric', month: 'numeric' })}
          </span>
        ) : row.nextTime ? (
          <strong>{row.nextTime}</strong>
        ) : (
          <span className={`kind-dot kind-${row.nextKind ?? 'call'}`} title={t(`kind.${row.nextKind ?? 'call'}`)} />
        )}
      </span>
      <span className="drow-company">
        <a
          href={`#/dossier/${encodeURIComponent(row.id)}`}
          tabIndex={-1}
          onClick={(e) => {
            e.stopPropagation();
          }}
        >
          {row.company}
        </a>
        {row.vip && <span className="badge badge-vip">{t('row.vip')}</span>}
      </span>
      <span className="drow-name">{row.primaryName ?? <span className="muted">{t('row.noContact')}</span>}</span>
      <span className="drow-phone-cell">
        {phone && (
          <a
            className="drow-phone"
            href={`tel:${phone.replace(/[^\d+]/g, '')}`}
            tabIndex={-1}
            title={t('row.call', { phone })}
            onClick={(e) => {
              // The system dialer, through the bridge (Electron refuses in-window navigation).
              e.preventDefault();
              e.stopPropagation();
              void getBridge().openExternal(`tel:${phone.replace(/[^\d+]/g, '')}`);
            }}
          >
            {phone}
          </a>
        )}
      </span>
      <span className="drow-last" title={row.lastSummary}>
        {row.lastContactAt ? (
          <>
            <span className="drow-last-date">{formatInstant(row.lastContactAt, lang, { day: 'numeric', month: 'short' })}</span>
            {row.nextTitle ? <em>{row.nextTitle} · </em> : null}
            {row.lastSummary}
          </>
        ) : (
          <span className="muted">{row.nextTitle || t('row.noHistory')}</span>
        )}
      </span>
      <span className="drow-status">
        {/* The handover mark sits here, not after the name: the company keeps its whole column. */}
        {row.coveredFor && row.coveredUntil >= today && (
          <span className="badge badge-cover" data-testid="row-covering" title={t('row.coveringTitle', { name: row.coveredFor, date: formatDay(row.coveredUntil, lang) })}>
            {t('row.covering', { name: shortName(row.coveredFor) })}
          </span>
        )}
        <HandedOverBadge dossier={row} />
        {overdueDays > 0 ? (
          <span className="badge badge-overdue">{t('row.overdue', { count: overdueDays })}</span>
        ) : showDate && key ? (
          <span className="muted">{isDayKey(key) ? formatDay(key, lang, { day: 'numeric', month: 'short' }) : ''}</span>
        ) : null}
      </span>
      <button
        type="button"
        className="btn btn-small drow-log"
        tabIndex={-1}
        title={`${t('row.log')} (L)`}
        onClick={(e) => {
          e.stopPropagation();
          onRefile(row.id);
        }}
      >
        {t('row.log')}
      </button>
    </div>
  );
});
