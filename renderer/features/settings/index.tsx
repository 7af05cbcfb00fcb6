import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { parseHolidayList } from '../../../shared/dates/holiday-list';
import { TIME_RE } from '../../../shared/model/records';
import type { Settings, SettingsPatch } from '../../../shared/model/settings';
import { getBridge } from '../../bridge';
import type { ScreenProps } from '../../routes';
import { formatDay, formatWeekday } from '../../ui/format';
import { useSettings } from '../../ui/settings-context';
import { useToast } from '../../ui/toast';
import { StorageSection } from '../recovery/storage-usage';
import { HOLIDAY_PRESETS, type HolidayPresetId } from './holiday-presets';
import './settings.css';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const REMINDER_CHOICES = [-1, 0, 5, 10, 15, 30, 60] as const;

/** Saves a patch and remembers when, for the "Saved" indicator. */
function useSave() {
  const { update } = useSettings();
  const [savedAt, setSavedAt] = useState(0);
  const save = async (patch: SettingsPatch) => {
    await update(patch);
    setSavedAt(Date.now());
  };
  return { save, savedAt };
}

/**
 * Settings: every control saves on its own (checkboxes and choices at once, typed values on
 * Enter or leaving the field), so there is no Save button to forget; a "Saved" mark confirms.
 */
export default function SettingsScreen(_props: ScreenProps) {
  const { t } = useTranslation('settings');
  const { settings } = useSettings();
  const { save, savedAt } = useSave();

  return (
    <div className="settings-screen">
      <header className="settings-head">
        <h1>{t('title')}</h1>
        <SavedMark savedAt={savedAt} />
      </header>
      <div className="settings-cols">
        <div className="settings-col">
          <Section title={t('you.title')}>
            <TextSetting
              label={t('you.managerName')}
              hint={t('you.managerNameHint')}
              value={settings.managerName}
              maxLength={200}
              validate={() => undefined}
              onSave={(v) => save({ managerName: v.trim() })}
            />
            <TextSetting
              label={t('you.capacity')}
              hint={t('you.capacityHint')}
              value={String(settings.capacity)}
              inputMode="numeric"
              width={90}
              validate={(v) => (/^\d+$/.test(v.trim()) && +v >= 1 && +v <= 1000 ? undefined : t('you.capacityError'))}
              onSave={(v) => save({ capacity: Number(v.trim()) })}
            />
            <WorkingWeek settings={settings} onSave={save} />
            <fieldset className="settings-field">
              <legend>{t('you.binderVariant')}</legend>
              <div className="settings-choices">
                {(['all-days', 'working-days'] as const).map((v) => (
                  <label key={v}>
                    <input type="radio" name="binderVariant" checked={settings.binderVariant === v} onChange={() => void save({ binderVariant: v })} />
                    {t(v === 'all-days' ? 'you.allDays' : 'you.workingDays')}
                  </label>
                ))}
              </div>
              <small>{t('you.binderHint')}</small>
            </fieldset>
          </Section>
          <Section title={t('reminders.title')}>
            <label className="settings-field">
              <span>{t('reminders.reminderMinutes')}</span>
              <select value={settings.reminderMinutes} onChange={(e) => void save({ reminderMinutes: Number(e.target.value) })}>
                {REMINDER_CHOICES.map((m) => (
                  <option key={m} value={m}>
                    {m === -1 ? t('reminders.none') : m === 60 ? t('reminders.hour') : t('reminders.minutes', { count: m })}
                  </option>
                ))}
              </select>
            </label>
            <TextSetting
              label={t('reminders.morningSummary')}
              hint={t('reminders.morningSummaryHint')}
              value={settings.morningSummaryTime}
              type="time"
              width={120}
              validate={(v) => (v === '' || TIME_RE.test(v) ? undefined : t('reminders.timeError'))}
              onSave={(v) => save({ morningSummaryTime: v })}
            />
          </Section>
          <Section title={t('look.title')}>
            <div className="settings-row">
              <label className="settings-field">
                <span>{t('look.language')}</span>
                {/* Language names in their own language: findable whatever the current one is. */}
                <select value={settings.language ?? ''} onChange={(e) => void save({ language: e.target.value as 'ru' | 'en' })} data-testid="language">
                  {settings.language === null && <option value="" />}
                  <option value="ru">Русский</option>
                  <option value="en">English</option>
                </select>
              </label>
              <fieldset className="settings-field">
                <legend>{t('look.theme')}</legend>
                <div className="settings-choices">
                  {(['system', 'light', 'dark'] as const).map((v) => (
                    <label key={v}>
                      <input type="radio" name="theme" checked={settings.theme === v} onChange={() => void save({ theme: v })} />
                      {t(`look.${v}`)}
                    </label>
                  ))}
                </div>
              </fieldset>
            </div>
          </Section>
          <StorageSection />
        </div>
        <div className="settings-col">
          <Holidays settings={settings} onSave={save} />
        </div>
      </div>
    </div>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="settings-section" aria-label={title}>
      <h2>{title}</h2>
      {children}
    </section>
  );
}

function SavedMark({ savedAt }: { savedAt: number }) {
  const { t } = useTranslation('settings');
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    if (!savedAt) return;
    setVisible(true);
    const id = setTimeout(() => setVisible(false), 2500);
    return () => clearTimeout(id);
  }, [savedAt]);
  return (
    <span className={`settings-saved${visible ? ' visible' : ''}`} role="status" aria-live="polite">
      {visible ? `✓ ${t('saved')}` : ''}
    </span>
  );
}

/** A typed value: edited as a draft, validated inline, saved on Enter or blur when valid. */
function TextSetting(props: {
  label: string;
  hint?: string;
  value: string;
  type?: 'text' | 'time';
  inputMode?: 'numeric';
  maxLength?: number;
  width?: number;
  validate(v: string): string | undefined;
  onSave(v: string): Promise<void>;
}) {
  const [draft, setDraft] = useState(props.value);
  const [error, setError] = useState<string>();
  // Follow outside changes (another window, a reset) unless the user is mid-edit with an error.
  useEffect(() => setDraft(props.value), [props.value]);
  const commit = () => {
    const err = props.validate(draft);
    setError(err);
    if (!err && draft !== props.value) void props.onSave(draft);
  };
  return (
    <label className="settings-field">
      <span>{props.label}</span>
      <input
        className="input"
        type={props.type ?? 'text'}
        inputMode={props.inputMode}
        maxLength={props.maxLength}
        value={draft}
        style={props.width ? { width: props.width } : undefined}
        aria-invalid={!!error}
        onChange={(e) => {
          setDraft(e.target.value);
          if (error) setError(props.validate(e.target.value));
        }}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') {
            setDraft(props.value);
            setError(undefined);
          }
        }}
      />
      {error ? <span className="field-error" role="alert">{error}</span> : props.hint ? <small>{props.hint}</small> : null}
    </label>
  );
}

function WorkingWeek({ settings, onSave }: { settings: Settings; onSave(p: SettingsPatch): Promise<void> }) {
  const { t } = useTranslation('settings');
  const [error, setError] = useState(false);
  const toggle = (day: number) => {
    const set = new Set(settings.workingWeek);
    if (set.has(day)) set.delete(day);
    else set.add(day);
    if (set.size === 0) {
      setError(true);
      return;
    }
    setError(false);
    void onSave({ workingWeek: [...set].sort((a, b) => a - b) });
  };
  return (
    <fieldset className="settings-field">
      <legend>{t('you.workingWeek')}</legend>
      <div className="settings-week">
        {WEEKDAYS.map((d) => (
          <label key={d} className={d >= 6 ? 'weekend' : undefined}>
            <input type="checkbox" checked={settings.workingWeek.includes(d)} onChange={() => toggle(d)} />
            {t(`weekday.${d}`)}
          </label>
        ))}
      </div>
      {error && <span className="field-error" role="alert">{t('you.workingWeekError')}</span>}
    </fieldset>
  );
}

function Holidays({ settings, onSave }: { settings: Settings; onSave(p: SettingsPatch): Promise<void> }) {
  const { t, i18n } = useTranslation('settings');
  const toast = useToast();
  const lang = i18n.language;
  const [newDate, setNewDate] = useState('');
  const [addError, setAddError] = useState<string>();
  const [importText, setImportText] = useState('');
  const [importErrors, setImportErrors] = useState<{ line: number; text: string; code: 'format' | 'invalid' }[]>([]);
  const dateRef = useRef<HTMLInputElement>(null);
  const holidays = [...settings.holidays].sort();

  const label = (d: string) => `${formatWeekday(d, lang)} ${formatDay(d, lang)}`;

  /** Merges dates into the list; returns how many were new. */
  const addDates = async (dates: string[]) => {
    const set = new Set(settings.holidays);
    const fresh = dates.filter((d) => !set.has(d));
    if (fresh.length > 0) await onSave({ holidays: [...set, ...fresh].sort() });
    return fresh.length;
  };

  const addOne = async () => {
    if (!newDate) return;
    if (settings.holidays.includes(newDate)) {
      setAddError(t('holidays.already'));
      return;
    }
    setAddError(undefined);
    await addDates([newDate]);
    setNewDate('');
    dateRef.current?.focus();
  };

  const before = settings.holidays;
  const remove = async (d: string) => {
    await onSave({ holidays: settings.holidays.filter((x) => x !== d) });
    toast({ message: t('holidays.removed', { date: label(d) }), onUndo: () => onSave({ holidays: before }) });
  };

  const clearAll = async () => {
    await onSave({ holidays: [] });
    toast({ message: t('holidays.cleared'), onUndo: () => onSave({ holidays: before }) });
  };

  const runImport = async (text: string) => {
    const { dates, errors } = parseHolidayList(text);
    setImportErrors(errors.map((e) => ({ line: e.line, text: e.text, code: e.code })));
    const added = await addDates(dates);
    toast({ kind: 'success', message: t('holidays.imported', { count: added }), onUndo: added ? () => onSave({ holidays: before }) : undefined });
    // Keep only the lines that failed in the box, so they can be fixed and imported again.
    if (errors.length === 0) setImportText('');
    else setImportText(errors.map((e) => e.text).join('\n'));
  };

  const fromFile = async () => {
    const file = await getBridge().openFile({ filters: [{ name: t('holidays.fileFilter'), extensions: ['txt', 'csv'] }] });
    if (!file) return;
    const text = new TextDecoder().decode(file.data);
    setImportText(text);
    await runImport(text);
  };

  const applyPreset = async (id: HolidayPresetId) => {
    const added = await addDates([...HOLIDAY_PRESETS[id]]);
    toast({ kind: 'success', message: t('holidays.imported', { count: added }), onUndo: added ? () => onSave({ holidays: before }) : undefined });
  };

  return (
    <Section title={t('holidays.title')}>
      <small className="settings-hint">{t('holidays.hint')}</small>
      <div className="settings-row">
        <label className="settings-field">
          <span>{t('holidays.dateLabel')}</span>
          <input
            ref={dateRef}
            className="input"
            type="date"
            value={newDate}
            onChange={(e) => {
              setNewDate(e.target.value);
              setAddError(undefined);
            }}
            onKeyDown={(e) => e.key === 'Enter' && void addOne()}
          />
        </label>
        <button className="btn" onClick={() => void addOne()} disabled={!newDate}>{t('holidays.add')}</button>
        <span className="settings-presets">
          {t('holidays.presets')}:
          {(Object.keys(HOLIDAY_PRESETS) as HolidayPresetId[]).map((id) => (
            <button key={id} className="btn btn-link" onClick={() => void applyPreset(id)}>{t(`holidays.preset.${id}`)}</button>
          ))}
        </span>
      </div>
      {addError && <span className="field-error" role="alert">{addError}</span>}
      <div className="settings-holiday-head">
        <span>{t('holidays.count', { count: holidays.length })}</span>
        {holidays.length > 0 && <button className="btn btn-link btn-danger" onClick={() => void clearAll()}>{t('holidays.clearAll')}</button>}
      </div>
      {holidays.length === 0 ? (
        <p className="settings-empty">{t('holidays.empty')}</p>
      ) : (
        <ul className="settings-holidays" aria-label={t('holidays.title')}>
          {holidays.map((d) => (
            <li key={d}>
              <span>{label(d)}</span>
              <button className="btn btn-icon" aria-label={`${t('common:action.delete')} ${label(d)}`} onClick={() => void remove(d)}>×</button>
            </li>
          ))}
        </ul>
      )}
      <div className="settings-field">
        <span>{t('holidays.import')}</span>
        <textarea
          className="input settings-import"
          value={importText}
          onChange={(e) => setImportText(e.target.value)}
          placeholder={'2026-01-07\n23.02.2026'}
          aria-label={t('holidays.import')}
        />
        <small>{t('holidays.importHint')}</small>
        <div className="settings-row">
          <button className="btn" onClick={() => void runImport(importText)} disabled={importText.trim() === ''}>{t('holidays.importButton')}</button>
          <button className="btn" onClick={() => void fromFile()}>{t('holidays.fromFile')}</button>
        </div>
        {importErrors.length > 0 && (
          <div className="settings-import-errors" role="alert">
            <span>{t('holidays.importErrors')}</span>
            <ul>
              {importErrors.map((e) => (
                <li key={e.line}>
                  {t('holidays.line', { line: e.line })}: <code>{e.text}</code> — {t(e.code === 'format' ? 'holidays.errFormat' : 'holidays.errInvalid')}
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </Section>
  );
}
