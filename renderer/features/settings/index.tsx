import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../ui/i18n';
import { TIME_RE } from '../../../shared/model/records';
import type { Settings, SettingsPatch } from '../../../shared/model/settings';
import type { ScreenProps } from '../../routes';
import { useSettings } from '../../ui/settings-context';
import { Section, TextSetting } from './settings-fields';
import { RequisitesSection } from './requisites-section';
import { WorkCalendarSection } from './work-calendar';
import { StorageSection } from '../recovery/storage-usage';
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
              validate={(v) => (v.trim() === '' ? t('you.managerNameEmpty') : undefined)}
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
            {settings.binderVariant === 'working-days' && (
              <label className="settings-field">
                <span>{t('you.monthsAhead')}</span>
                <select value={settings.binderMonthsAhead} onChange={(e) => void save({ binderMonthsAhead: Number(e.target.value) })} data-testid="months-ahead">
                  {[1, 2, 3].map((n) => (
                    <option key={n} value={n}>{t('you.months', { count: n })}</option>
                  ))}
                </select>
                <small>{t('you.monthsAheadHint')}</small>
              </label>
            )}
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
              testId="morning-summary-time"
              validate={(v) => (v === '' || TIME_RE.test(v) ? undefined : t('reminders.timeError'))}
              onSave={(v) => save({ morningSummaryTime: v })}
            />
          </Section>
          <Section title={t('look.title')}>
            <div className="settings-row">
              <label className="settings-field">
                <span>{t('look.language')}</span>
                {/* Language names in their own language: findable whatever the current one is. */}
                <select value={settings.language ?? ''} onChange={(e) => void save({ language: e.target.value as Language })} data-testid="language">
                  {settings.language === null && <option value="" />}
                  <option value="ru">Русский</option>
                  <option value="en">English</option>
                  <option value="ro">Română</option>
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
          <WorkCalendarSection settings={settings} onSave={save} />
          <RequisitesSection settings={settings} onSave={save} />
        </div>
      </div>
    </div>
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
