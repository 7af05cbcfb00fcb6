/**
 * Settings → Working calendar: whose law's holidays apply, the year drawn month by month
 * (Monday first) with every day's status, a click to turn a day off or working, the list of
 * the manager's own changes, the decree's list imported as text, and the yearly check:
 * in December next year's calendar waits to be confirmed (Russia's decree moves days).
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays, daysInMonth, isoWeekday, makeDay, monthKeyOf } from '../../../shared/dates/calendar-day';
import { parseCalendarList } from '../../../shared/dates/holiday-list';
import { decreeMoveEffect } from '../../../shared/dates/statutory-holidays';
import { dayStatus, holidayCountryOf, toggleDay, workCalendarFrom, yearToConfirm, type DayStatus, type WorkCalendar } from '../../../shared/dates/working-days';
import type { Settings, SettingsPatch } from '../../../shared/model/settings';
import { getBridge } from '../../bridge';
import { useToday } from '../../ui/clock';
import { formatDay, formatMonth, formatWeekday } from '../../ui/format';
import { useToast } from '../../ui/toast';

type Save = (p: SettingsPatch) => Promise<void>;
const COUNTRIES = ['ro', 'ru', 'none'] as const;

export function WorkCalendarSection({ settings, onSave }: { settings: Settings; onSave: Save }) {
  const { t, i18n } = useTranslation('settings');
  const lang = i18n.language;
  const today = useToday();
  const cal = useMemo(() => workCalendarFrom(settings), [settings]);
  const country = holidayCountryOf(settings);
  const toConfirm = yearToConfirm(today, country, settings.confirmedCalendarYears);
  const [year, setYear] = useState(() => toConfirm ?? Number(today.slice(0, 4)));
  const toast = useToast();

  const before = { holidays: settings.holidays, extraWorkingDays: settings.extraWorkingDays };
  const undo = () => onSave(before);
  const confirm = (y: number) => onSave({ confirmedCalendarYears: [...new Set([...settings.confirmedCalendarYears, y])].sort() });

  const toggle = async (day: string) => {
    const wasWorking = dayStatusWorking(dayStatus(day, cal));
    await onSave(toggleDay(cal, day));
    const date = `${formatWeekday(day, lang)} ${formatDay(day, lang)}`;
    toast({ message: t(wasWorking ? 'calendar.madeOff' : 'calendar.madeWorking', { date }), onUndo: undo });
  };

  return (
    <section className="settings-section" aria-label={t('calendar.title')}>
      <h2>{t('calendar.title')}</h2>
      <fieldset className="settings-field">
        <legend>{t('calendar.country')}</legend>
        <div className="settings-choices">
          {COUNTRIES.map((c) => (
            <label key={c}>
              <input type="radio" name="holidayCountry" checked={country === c} onChange={() => void onSave({ holidayCountry: c })} />
              {t(`calendar.countries.${c}`)}
            </label>
          ))}
        </div>
        <small>{t(`calendar.countryHint.${country}`)}</small>
      </fieldset>

      {toConfirm !== undefined && (
        <div className="settings-confirm" role="alert" data-testid="calendar-confirm">
          <span>{t(country === 'ru' ? 'calendar.confirmRu' : 'calendar.confirmRo', { year: toConfirm })}</span>
          <span className="settings-row">
            {year !== toConfirm && <button className="btn" onClick={() => setYear(toConfirm)}>{t('calendar.show', { year: toConfirm })}</button>}
            <button className="btn btn-primary" onClick={() => void confirm(toConfirm)}>{t('calendar.confirm', { year: toConfirm })}</button>
          </span>
        </div>
      )}

      <div className="settings-year-head">
        <button className="btn btn-icon" aria-label={t('calendar.prevYear')} onClick={() => setYear(year - 1)}>‹</button>
        <strong data-testid="calendar-year">{year}</strong>
        <button className="btn btn-icon" aria-label={t('calendar.nextYear')} onClick={() => setYear(year + 1)}>›</button>
        {settings.confirmedCalendarYears.includes(year) ? (
          <span className="settings-confirmed">✓ {t('calendar.confirmed')}</span>
        ) : (
          country !== 'none' && toConfirm !== year && <button className="btn btn-link" onClick={() => void confirm(year)}>{t('calendar.confirm', { year })}</button>
        )}
        <Legend />
      </div>
      <small className="settings-hint">{t('calendar.clickHint')}</small>
      <YearGrid year={year} cal={cal} today={today} onToggle={(d) => void toggle(d)} />
      <OwnDays settings={settings} onSave={onSave} />
      <CalendarImport settings={settings} onSave={onSave} />
    </section>
  );
}

const dayStatusWorking = (s: DayStatus) => s === 'working' || s === 'moved-working';

function Legend() {
  const { t } = useTranslation('settings');
  return (
    <span className="cal-legend" aria-hidden>
      {(['statutory', 'day-off', 'moved-working', 'weekend'] as const).map((s) => (
        <span key={s}><i className={`cal-swatch is-${s}`} />{t(`calendar.status.${s}`)}</span>
      ))}
    </span>
  );
}

function YearGrid({ year, cal, today, onToggle }: { year: number; cal: WorkCalendar; today: string; onToggle(day: string): void }) {
  const { t, i18n } = useTranslation('settings');
  const lang = i18n.language;
  return (
    <div className="cal-year" data-testid="calendar-grid">
      {Array.from({ length: 12 }, (_, i) => {
        const month = monthKeyOf(year, i + 1);
        const first = makeDay(year, i + 1, 1);
        const blanks = isoWeekday(first) - 1;
        return (
          <div key={month} className="cal-month" role="group" aria-label={formatMonth(month, lang)}>
            <div className="cal-month-name">{formatMonth(month, lang, { month: 'long' })}</div>
            <div className="cal-grid">
              {[1, 2, 3, 4, 5, 6, 7].map((w) => (
                <span key={w} className={`cal-wd${w >= 6 ? ' is-weekend' : ''}`}>{t(`weekday.${w}`)}</span>
              ))}
              {Array.from({ length: blanks }, (_, b) => <span key={`b${b}`} />)}
              {Array.from({ length: daysInMonth(month) }, (_, d) => {
                const day = addDays(first, d);
                const status = dayStatus(day, cal);
                return (
                  <button
                    key={day}
                    type="button"
                    className={`cal-day is-${status}${day === today ? ' is-today' : ''}`}
                    data-day={day}
                    data-status={status}
                    aria-label={`${formatDay(day, lang, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })}: ${t(`calendar.status.${status}`)}`}
                    onClick={() => onToggle(day)}
                  >
                    {d + 1}
                  </button>
                );
              })}
            </div>
          </div>
        );
      })}
    </div>
  );
}

/** The manager's own entries: days off and worked days beyond what the law gives. */
function OwnDays({ settings, onSave }: { settings: Settings; onSave: Save }) {
  const { t, i18n } = useTranslation('settings');
  const toast = useToast();
  const lang = i18n.language;
  const label = (d: string) => `${formatWeekday(d, lang)} ${formatDay(d, lang)}`;
  const before = { holidays: settings.holidays, extraWorkingDays: settings.extraWorkingDays };
  const lists = [
    { key: 'holidays' as const, days: [...settings.holidays].sort(), title: t('calendar.ownOff') },
    { key: 'extraWorkingDays' as const, days: [...settings.extraWorkingDays].sort(), title: t('calendar.ownWorking') },
  ];
  const remove = async (key: 'holidays' | 'extraWorkingDays', d: string) => {
    await onSave({ [key]: settings[key].filter((x) => x !== d) });
    toast({ message: t('holidays.removed', { date: label(d) }), onUndo: () => onSave(before) });
  };
  const clearAll = async () => {
    await onSave({ holidays: [], extraWorkingDays: [] });
    toast({ message: t('holidays.cleared'), onUndo: () => onSave(before) });
  };
  const total = settings.holidays.length + settings.extraWorkingDays.length;
  return (
    <div className="settings-own">
      <div className="settings-holiday-head">
        <span>{t('holidays.count', { count: total })}</span>
        {total > 0 && <button className="btn btn-link btn-danger" onClick={() => void clearAll()}>{t('holidays.clearAll')}</button>}
      </div>
      {total === 0 ? (
        <p className="settings-empty">{t('holidays.empty')}</p>
      ) : (
        lists.filter((l) => l.days.length > 0).map((l) => (
          <div key={l.key}>
            <span className="settings-list-title">{l.title}</span>
            <ul className="settings-holidays" aria-label={l.title}>
              {l.days.map((d) => (
                <li key={d}>
                  <span>{label(d)}</span>
                  <button className="btn btn-icon" aria-label={`${t('common:action.delete')} ${label(d)}`} onClick={() => void remove(l.key, d)}>×</button>
                </li>
              ))}
            </ul>
          </div>
        ))
      )}
    </div>
  );
}

/** A pasted or loaded list: dates as days off or as working days; "from → to" lines as the decree's moves. */
function CalendarImport({ settings, onSave }: { settings: Settings; onSave: Save }) {
  const { t } = useTranslation('settings');
  const toast = useToast();
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<{ line: number; text: string; code: 'format' | 'invalid' }[]>([]);
  const country = holidayCountryOf(settings);

  const run = async (source: string, as: 'off' | 'working') => {
    const parsed = parseCalendarList(source);
    setErrors(parsed.errors.map((e) => ({ line: e.line, text: e.text, code: e.code })));
    const off = new Set(settings.holidays);
    const working = new Set(settings.extraWorkingDays);
    for (const d of parsed.dates) (as === 'off' ? off : working).add(d);
    for (const m of parsed.moves) {
      const e = decreeMoveEffect(m.from, m.to, country);
      e.daysOff.forEach((d) => off.add(d));
      e.workingDays.forEach((d) => working.add(d));
    }
    const added = off.size - settings.holidays.length + (working.size - settings.extraWorkingDays.length);
    const before = { holidays: settings.holidays, extraWorkingDays: settings.extraWorkingDays };
    if (added > 0) await onSave({ holidays: [...off].sort(), extraWorkingDays: [...working].sort() });
    toast({ kind: 'success', message: t('holidays.imported', { count: added }), onUndo: added ? () => onSave(before) : undefined });
    // Keep only the lines that failed in the box, so they can be fixed and imported again.
    setText(parsed.errors.map((e) => e.text).join('\n'));
  };

  const fromFile = async () => {
    const file = await getBridge().openFile({ filters: [{ name: t('holidays.fileFilter'), extensions: ['txt', 'csv'] }] });
    if (!file) return;
    const content = new TextDecoder().decode(file.data);
    setText(content);
    await run(content, 'off');
  };

  return (
    <div className="settings-field">
      <span>{t('holidays.import')}</span>
      <textarea
        className="input settings-import"
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={'31.12.2027\n02.01.2027 → 03.05.2027'}
        aria-label={t('holidays.import')}
      />
      <small>{t('holidays.importHint')}</small>
      <div className="settings-row">
        <button className="btn" onClick={() => void run(text, 'off')} disabled={text.trim() === ''}>{t('holidays.importButton')}</button>
        <button className="btn" onClick={() => void run(text, 'working')} disabled={text.trim() === ''}>{t('holidays.importWorking')}</button>
        <button className="btn" onClick={() => void fromFile()}>{t('holidays.fromFile')}</button>
      </div>
      {errors.length > 0 && (
        <div className="settings-import-errors" role="alert">
          <span>{t('holidays.importErrors')}</span>
          <ul>
            {errors.map((e, i) => (
              <li key={`${e.line}-${i}`}>
                {t('holidays.line', { line: e.line })}: <code>{e.text}</code> — {t(e.code === 'format' ? 'holidays.errFormat' : 'holidays.errInvalid')}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
