import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DRAG_IDS } from './folder-line';
import { formatDay, formatWeekday } from './format';
import { LoadMeter } from './load-meter';
import { useSettings } from './settings-context';

interface DayChipProps {
  day: string;
  count: number;
  onClick(): void;
  /** Dossier ids dropped on the chip (dragged rows): move them here. */
  onDropIds?(ids: string[]): void;
  autoFocus?: boolean;
}

/** A day folder as a target: weekday, date and load; click, Enter or drop rows on it. */
export function DayChip({ day, count, onClick, onDropIds, autoFocus }: DayChipProps) {
  const { i18n } = useTranslation();
  const { settings } = useSettings();
  const [over, setOver] = useState(false);
  const lang = i18n.language;
  const accepts = (e: DragEvent) => Boolean(onDropIds) && e.dataTransfer.types.includes(DRAG_IDS);
  return (
    <button
      type="button"
      className={`day-chip${over ? ' is-drop' : ''}`}
      autoFocus={autoFocus}
      onClick={onClick}
      data-day={day}
      data-testid="day-chip"
      onDragOver={(e) => {
        if (!accepts(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'move';
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        setOver(false);
        if (!accepts(e)) return;
        e.preventDefault();
        onDropIds!(JSON.parse(e.dataTransfer.getData(DRAG_IDS)) as string[]);
      }}
    >
      <span className="day-chip-date">
        <span className="day-chip-wd">{formatWeekday(day, lang)}</span> {formatDay(day, lang, { day: 'numeric', month: 'short' })}
      </span>
      <span className="day-chip-load">
        <LoadMeter count={count} capacity={settings.capacity} compact />
        <span className="day-chip-count">
          {count}/{settings.capacity}
        </span>
      </span>
    </button>
  );
}
