import { useCallback, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseTypedDate } from '../../shared/dates/quick-picks';
import { useWorkCalendar } from './binder-hooks';
import { CalendarButton } from './calendar-popup';
import { todayKey } from './clock';
import { formatDayInWords, formatDayNumeric } from './format';

export interface DateFieldProps {
  label: string;
  /** The day held ('YYYY-MM-DD'), '' for none, null while the typed text names no day. */
  value: string | null;
  /** Called on every edit: a day, '' when the text is cleared, null when it is not a day. */
  onChange(day: string | null): void;
  /** The earliest day accepted (typed or picked). */
  min?: string;
  /** For ranges that look back: '1.11' is this year's 1 November, not next year's. */
  allowPast?: boolean;
  onEnter?(): void;
  testId?: string;
  className?: string;
}

type Reading = { day: string } | { error: string } | { empty: true };

/**
 * The app's own date field, in the UI language: the day as typed ("05.12.2026", "5 дек",
 * "через неделю", "next friday"), read back in words under it, and a month grid beside it.
 * What it holds is always what the text says: text that names no day holds null, so the
 * form cannot save a stale date, and the line under the field says why.
 */
export function DateField({ label, value, onChange, min, allowPast, onEnter, testId, className }: DateFieldProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const cal = useWorkCalendar();
  const today = todayKey();
  const id = useId();
  const ownRef = useRef<HTMLInputElement | null>(null);
  const [text, setText] = useState(() => (value ? formatDayNumeric(value, lang) : ''));

  const read = useCallback(
    (s: string): Reading => {
      if (!s.trim()) return { empty: true };
      const r = parseTypedDate(s, today, cal, { allowPast });
      if ('error' in r) return { error: t(`picker.err.${r.error}`) };
      if ('month' in r) return { error: t('dateField.notMonth') };
      if (min && r.date < min) return { error: min === today ? t('picker.err.past') : t('dateField.before', { day: formatDayNumeric(min, lang) }) };
      return { day: r.date };
    },
    [today, cal, allowPast, min, t, lang],
  );

  // A day set from outside (a reset, a default) replaces text that says otherwise; null is
  // this field's own "not a day" and keeps the text being typed. Adjusted while rendering,
  // as React advises for state that follows a prop.
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    setSeen(value);
    if (value !== null) {
      const r = read(text);
      const next = value === '' ? ('empty' in r ? text : '') : 'day' in r && r.day === value ? text : formatDayNumeric(value, lang);
      if (next !== text) setText(next);
    }
  }

  const edit = (s: string) => {
    setText(s);
    const r = read(s);
    onChange('day' in r ? r.day : 'empty' in r ? '' : null);
  };

  const reading = read(text);

  return (
    <div className={`field date-field${className ? ` ${className}` : ''}`}>
      <label htmlFor={id} className="date-field-label">{label}</label>
      <div className="date-field-box">
        <input
          id={id}
          ref={ownRef}
          className="input"
          value={text}
          placeholder={t('dateField.placeholder')}
          autoComplete="off"
          aria-invalid={'error' in reading}
          aria-describedby={`${id}-reading`}
          onChange={(e) => edit(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey && onEnter) {
              e.preventDefault();
              if ('day' in reading) onEnter();
            }
          }}
          data-testid={testId}
        />
        <CalendarButton
          selected={'day' in reading ? reading.day : undefined}
          today={today}
          min={min}
          returnFocus={ownRef}
          onPick={(day) => {
            setText(formatDayNumeric(day, lang));
            onChange(day);
          }}
          testId={testId ? `${testId}-calendar` : undefined}
        />
      </div>
      <div id={`${id}-reading`} className={`date-field-reading${'error' in reading ? ' field-error' : ''}`} aria-live="polite" data-testid={testId ? `${testId}-reading` : undefined}>
        {'error' in reading ? reading.error : 'day' in reading ? formatDayInWords(reading.day, lang) : ''}
      </div>
    </div>
  );
}
