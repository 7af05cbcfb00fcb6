import { useState, type FocusEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { parseTypedTime } from '../../shared/dates/typed-time';
import { TIME_RE } from '../../shared/model/records';
import { formatTime } from './format';

export interface TimeFieldProps {
  /** 'HH:MM', '' for no time, or the raw text while it is not a time (TIME_RE refuses it). */
  value: string;
  onChange(value: string): void;
  id?: string;
  autoFocus?: boolean;
  className?: string;
  onBlur?(e: FocusEvent<HTMLInputElement>): void;
  onKeyDown?(e: KeyboardEvent<HTMLInputElement>): void;
  testId?: string;
  /** Show the error even before the focus leaves (the form tried to save). */
  showError?: boolean;
}

/**
 * A time of day in the UI language's clock (24-hour in ru and en-GB, from Intl), typed as
 * people type it: '930', '9.30', '14:00'. The browser's <input type="time"> showed
 * '09:00 AM' next to Russian text. Text that is not a time is passed up as typed, so the
 * form's TIME_RE check refuses to save it, and the field says why once the focus leaves.
 */
export function TimeField({ value, onChange, id, autoFocus, className, onBlur, onKeyDown, testId, showError }: TimeFieldProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const shown = (v: string) => (TIME_RE.test(v) ? formatTime(v, lang) : v);
  const [text, setText] = useState(() => shown(value));
  const [left, setLeft] = useState(false);

  // A time set from outside (a reset, the caller's default) replaces text that says
  // otherwise; raw text that is not a time yet is our own value coming back: keep typing.
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    setSeen(value);
    const r = parseTypedTime(text);
    if (!('time' in r && r.time === value) && (value === '' || TIME_RE.test(value))) setText(shown(value));
  }

  const parsed = parseTypedTime(text);
  const invalid = 'error' in parsed;
  return (
    <span className={`time-field${className ? ` ${className}` : ''}`}>
      <input
        id={id}
        className="input"
        value={text}
        autoFocus={autoFocus}
        autoComplete="off"
        placeholder={t('timeField.placeholder')}
        aria-invalid={invalid}
        onChange={(e) => {
          const s = e.target.value;
          setText(s);
          const r = parseTypedTime(s);
          onChange('time' in r ? r.time : s);
        }}
        onFocus={() => setLeft(false)}
        onBlur={(e) => {
          setLeft(true);
          // '930' reads back as '09:30' once typed: the manager sees what was understood.
          if ('time' in parsed && parsed.time) setText(formatTime(parsed.time, lang));
          onBlur?.(e);
        }}
        onKeyDown={onKeyDown}
        data-testid={testId}
      />
      {invalid && (left || showError) && <span className="field-error" role="alert">{t('timeField.error')}</span>}
    </span>
  );
}
