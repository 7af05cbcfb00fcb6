import { useId, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { parseTypedDate, quickPicks, type QuickPick } from '../../shared/dates/quick-picks';
import { isWorkingDay } from '../../shared/dates/working-days';
import { useFolderCounts, useWorkCalendar } from './binder-hooks';
import { todayKey } from './clock';
import { CalendarButton } from './calendar-popup';
import { formatDay, formatDayInWords, formatMonth, formatWeekday } from './format';
import { LoadMeter } from './load-meter';
import { useSettings } from './settings-context';

/** Where a dossier goes next: a day folder or a month folder ("sometime in December"). */
export type NextDate = { date: string } | { month: string };

export interface NextDatePickerProps {
  /** The chosen folder; null when none is chosen yet or the typed text names none. */
  value: NextDate | null;
  /** null while the typed text names no folder: the form must not save the last one. */
  onChange(v: NextDate | null): void;
  autoFocus?: boolean;
}

/** Keyboard accelerators of the fixed quick picks, as printed on their buttons. */
const ACCELERATORS: Record<string, string> = {
  tomorrow: '1',
  plus2: '2',
  plus3: '3',
  'next-week': 'W',
  'next-month': 'M',
};
const LABEL_KEYS: Record<string, string> = {
  tomorrow: 'picker.tomorrow',
  plus2: 'picker.plus2',
  plus3: 'picker.plus3',
  'next-week': 'picker.nextWeek',
  'next-month': 'picker.nextMonth',
};
/** Russian layout: the same physical keys as W and M, so the accelerator works without switching. */
const LAYOUT_ALIASES: Record<string, string> = { ц: 'W', ь: 'M' };

function targetOf(p: QuickPick): NextDate {
  return p.date ? { date: p.date } : { month: p.month! };
}

function sameTarget(a: NextDate | null, b: NextDate): boolean {
  if (!a) return false;
  return 'date' in a ? 'date' in b && a.date === b.date : 'month' in b && a.month === b.month;
}

function isTextField(el: EventTarget | null): boolean {
  return el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement || (el instanceof HTMLInputElement && el.type !== 'checkbox' && el.type !== 'radio');
}

/**
 * Picks the folder a dossier is refiled under: quick picks with one-key accelerators
 * (1, 2, 3, W, M while focus is in the picker), "sometime in <month>", a typed date
 * ("5.12", "5 дек", "next friday", "+3") with its reading in words, and a month grid.
 * Always shows the chosen folder's weekday and how loaded it already is, so the manager
 * does not pile everything onto one day.
 *
 * The typed text and the value never disagree: text that names no folder makes the value
 * null (issue 10: "8" then "next friday" used to keep the 8th and save it), and a pick
 * from the buttons or the grid clears text that says otherwise.
 */
export function NextDatePicker({ value, onChange, autoFocus }: NextDatePickerProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const cal = useWorkCalendar();
  const counts = useFolderCounts();
  const { settings } = useSettings();
  const today = todayKey();
  const picks = useMemo(() => quickPicks(today, cal), [today, cal]);
  const fixed = picks.filter((p) => !p.id.startsWith('month:'));
  const months = picks.filter((p) => p.id.startsWith('month:'));
  const [typed, setTyped] = useState('');
  const typedId = useId();
  const typedRef = useRef<HTMLInputElement>(null);

  const parsed = typed.trim() ? parseTypedDate(typed, today, cal) : null;

  // A folder chosen elsewhere (a quick pick, the grid, the caller) replaces typed text that
  // names another one; null is the picker's own "not a date" and keeps the text. Adjusted
  // while rendering, as React advises for state that follows a prop, not in an effect.
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    setSeen(value);
    if (value && parsed && ('error' in parsed || !sameTarget(value, parsed))) setTyped('');
  }

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.ctrlKey || e.altKey || e.metaKey || isTextField(e.target)) return;
    const key = LAYOUT_ALIASES[e.key.toLowerCase()] ?? e.key.toUpperCase();
    const pick = fixed.find((p) => ACCELERATORS[p.id] === key);
    if (pick) {
      e.preventDefault();
      e.stopPropagation();
      onChange(targetOf(pick));
    }
  };

  const onTyped = (text: string) => {
    setTyped(text);
    if (!text.trim()) return; // cleared: the chosen folder stays, as the reading shows
    const r = parseTypedDate(text, today, cal);
    onChange('error' in r ? null : r);
  };

  return (
    <div className="ndp" onKeyDown={onKeyDown} role="group" aria-label={t('picker.label')} data-testid="next-date-picker">
      <div className="ndp-picks">
        {fixed.map((p, i) => (
          <PickButton key={p.id} pick={p} value={value} onChange={onChange} className="ndp-pick" accelerator={ACCELERATORS[p.id]} autoFocus={autoFocus && i === 0}>
            <kbd>{ACCELERATORS[p.id]}</kbd>
            <span className="ndp-pick-label">{t(LABEL_KEYS[p.id] ?? p.id)}</span>
            {p.date && <span className="ndp-pick-date">{shortDay(p.date, lang)}</span>}
          </PickButton>
        ))}
      </div>
      {months.length > 0 && (
        <div className="ndp-months">
          <span className="ndp-caption">{t('picker.sometimeIn')}</span>
          {months.map((p) => (
            <PickButton key={p.id} pick={p} value={value} onChange={onChange} className="ndp-month">
              {formatMonth(p.month!, lang, { month: 'short' })}
            </PickButton>
          ))}
        </div>
      )}
      <div className="ndp-inputs">
        <div className="field ndp-typed">
          <label htmlFor={typedId} className="date-field-label">{t('picker.typed')}</label>
          <div className="date-field-box">
            <input
              id={typedId}
              ref={typedRef}
              className="input"
              value={typed}
              placeholder={t('picker.typedPlaceholder')}
              onChange={(e) => onTyped(e.target.value)}
              aria-invalid={parsed ? 'error' in parsed : undefined}
              aria-describedby={`${typedId}-reading`}
              autoComplete="off"
              data-testid="typed-date"
            />
            <CalendarButton
              selected={value && 'date' in value ? value.date : undefined}
              today={today}
              min={today}
              returnFocus={typedRef}
              onPick={(date) => onChange({ date })}
              testId="picker-calendar"
            />
          </div>
        </div>
      </div>
      <div id={`${typedId}-reading`} className="ndp-reading" aria-live="polite">
        {parsed && 'error' in parsed ? (
          <span className="field-error">{t(`picker.err.${parsed.error}`)}</span>
        ) : (
          <ChosenFolder value={value} counts={counts} capacity={settings.capacity} working={value && 'date' in value ? isWorkingDay(value.date, cal) : true} today={today} />
        )}
      </div>
    </div>
  );
}

function shortDay(day: string, lang: string): string {
  return `${formatWeekday(day, lang)} ${formatDay(day, lang, { day: 'numeric', month: 'short' })}`;
}

interface ChosenProps {
  value: NextDate | null;
  counts: Map<string, number> | undefined;
  capacity: number;
  working: boolean;
  today: string;
}

/** "Thursday, 26 November · 14 of 30 filed" with a load bar: the folder as it is now. */
function ChosenFolder({ value, counts, capacity, working, today }: ChosenProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  if (!value) return <span className="muted">{t('picker.none')}</span>;
  if ('month' in value) {
    const count = counts?.get(value.month) ?? 0;
    return (
      <span className="ndp-chosen" data-testid="chosen-folder">
        <strong>{t('picker.monthFolder', { month: formatMonth(value.month, lang, { month: 'long', year: 'numeric' }) })}</strong>
        <span className="muted"> · {t('picker.loadMonth', { count })}</span>
      </span>
    );
  }
  const count = counts?.get(value.date) ?? 0;
  return (
    <span className="ndp-chosen" data-testid="chosen-folder">
      <strong>{formatDayInWords(value.date, lang)}</strong>
      {!working && <span className="ndp-warn"> · {t('picker.nonWorking')}</span>}
      {value.date < today && <span className="ndp-warn"> · {t('picker.past')}</span>}
      <span className="muted"> · {t('picker.load', { count, capacity })}</span>
      <LoadMeter count={count} capacity={capacity} compact />
    </span>
  );
}

interface PickButtonProps {
  pick: QuickPick;
  value: NextDate | null;
  onChange(v: NextDate): void;
  className: string;
  accelerator?: string;
  autoFocus?: boolean;
  children: ReactNode;
}

/** One quick pick: pressed while it is the chosen date or month. */
function PickButton({ pick, value, onChange, className, accelerator, autoFocus, children }: PickButtonProps) {
  const target = targetOf(pick);
  const pressed = sameTarget(value, target);
  return (
    <button
      type="button"
      className={`${className}${pressed ? ' is-on' : ''}`}
      aria-pressed={pressed}
      aria-keyshortcuts={accelerator}
      autoFocus={autoFocus}
      onClick={() => onChange(target)}
      data-pick={pick.id}
    >
      {children}
    </button>
  );
}
