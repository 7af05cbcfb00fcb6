/*
 * The month grid behind every date field. Why react-day-picker: the browser's
 * <input type="date"> follows the OS locale, not the app's (a Russian manager saw
 * 12/05/2026 for 5 December next to Russian text), and cannot be restyled. DayPicker is
 * a well-kept library made for exactly this grid: accessible (a real grid, arrow keys,
 * PageUp/PageDown for months, Home/End), localised through the date-fns locales we
 * already ship (ru starts weeks on Monday), no network, and no inline <style> elements,
 * so it runs under the app's strict CSP (style-src 'self': its stylesheet is bundled).
 */
import { useEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { DayPicker } from 'react-day-picker';
import { enGB, ro, ru } from 'react-day-picker/locale';
import 'react-day-picker/style.css';
import './date-field.css';

const LOCALES = { ru, ro, en: enGB } as const;

export function dayToDate(day: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y!, (m ?? 1) - 1, d ?? 1);
}

export function dateToDay(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

export interface CalendarButtonProps {
  /** The chosen day ('YYYY-MM-DD'), shown selected; the grid opens on its month. */
  selected?: string;
  /** The month to open on when nothing is chosen (today's). */
  today: string;
  /** Days before this one cannot be picked. */
  min?: string;
  onPick(day: string): void;
  /** Where the focus goes back when the grid closes (the typed field). */
  returnFocus?: RefObject<HTMLInputElement | null>;
  testId?: string;
}

const POPUP_HEIGHT = 330;
const POPUP_WIDTH = 330;

/**
 * A button that opens the month grid in a small popup under it. The popup is fixed to the
 * viewport, so a dialog's scrolling body does not clip it; Esc, a pick, a click outside or
 * Tab out of it close it, and the focus returns to the typed field.
 */
export function CalendarButton({ selected, today, min, onPick, returnFocus, testId }: CalendarButtonProps) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const [pos, setPos] = useState<{ top: number; left: number }>({ top: 0, left: 0 });
  const buttonRef = useRef<HTMLButtonElement>(null);
  const popupRef = useRef<HTMLDivElement>(null);
  const locale = LOCALES[i18n.language as keyof typeof LOCALES] ?? enGB;

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) (returnFocus?.current ?? buttonRef.current)?.focus();
  };

  // Placed under the button, or above it when the window has no room below.
  const toggle = () => {
    if (!open && buttonRef.current) {
      const r = buttonRef.current.getBoundingClientRect();
      const below = r.bottom + 4;
      const top = below + POPUP_HEIGHT > window.innerHeight ? Math.max(4, r.top - POPUP_HEIGHT - 4) : below;
      setPos({ top, left: Math.max(4, Math.min(r.right - POPUP_WIDTH, window.innerWidth - POPUP_WIDTH - 4)) });
    }
    setOpen(!open);
  };

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      const target = e.target as Node;
      if (!popupRef.current?.contains(target) && !buttonRef.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);

  // Keys in the grid are the grid's: the picker's one-key accelerators and the dialog's
  // Esc must not see them.
  const onKeyDown = (e: KeyboardEvent) => {
    e.stopPropagation();
    if (e.key === 'Escape') {
      e.preventDefault();
      close(true);
    }
  };

  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className="btn date-field-button"
        aria-label={t('dateField.open')}
        title={t('dateField.open')}
        aria-expanded={open}
        aria-haspopup="dialog"
        onClick={toggle}
        data-testid={testId}
      >
        <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <rect x="1.5" y="3" width="13" height="11.5" rx="1.5" fill="none" stroke="currentColor" />
          <path d="M1.5 6.5h13M5 1.5v3M11 1.5v3" stroke="currentColor" fill="none" />
        </svg>
      </button>
      {open && (
        <div
          ref={popupRef}
          className="date-popup"
          role="dialog"
          aria-label={t('dateField.open')}
          style={{ top: pos.top, left: pos.left }}
          onKeyDown={onKeyDown}
          onBlur={(e) => {
            if (!popupRef.current?.contains(e.relatedTarget as Node | null) && e.relatedTarget !== buttonRef.current) setOpen(false);
          }}
          data-testid="date-popup"
        >
          <DayPicker
            mode="single"
            required
            locale={locale}
            autoFocus
            showOutsideDays
            selected={selected ? dayToDate(selected) : undefined}
            defaultMonth={dayToDate(selected ?? today)}
            today={dayToDate(today)}
            disabled={min ? { before: dayToDate(min) } : undefined}
            onSelect={(d) => {
              onPick(dateToDay(d));
              close(true);
            }}
          />
        </div>
      )}
    </>
  );
}
