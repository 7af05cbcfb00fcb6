import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { Settings, SettingsPatch } from '../../shared/model/settings';
import { workCalendarFrom } from '../../shared/dates/working-days';
import { calendarChanged, followCalendar } from '../data/receivables-repo';
import { getBridge } from '../bridge';
import { setLanguage } from './i18n';

interface SettingsContextValue {
  settings: Settings;
  update(patch: SettingsPatch): Promise<void>;
}

const SettingsContext = createContext<SettingsContextValue | null>(null);

export function SettingsProvider({ initial, children }: { initial: Settings; children: ReactNode }) {
  const [settings, setSettings] = useState(initial);
  const update = useCallback(async (patch: SettingsPatch) => {
    const next = await getBridge().setSettings(patch);
    if (patch.language && patch.language !== settings.language) await setLanguage(patch.language);
    // The screen shows the saved settings at once; the reminders follow right after.
    setSettings(next);
    // A new holiday or moved working day moves the open invoices' payment reminders (issue #13, item 2).
    const [was, now] = [workCalendarFrom(settings), workCalendarFrom(next)];
    if (calendarChanged(was, now) && next.managerName.trim()) await followCalendar(now, next.managerName.trim(), was);
  }, [settings]);
  const value = useMemo(() => ({ settings, update }), [settings, update]);
  return <SettingsContext.Provider value={value}>{children}</SettingsContext.Provider>;
}

/** The current settings and a validated, persisted update. */
export function useSettings(): SettingsContextValue {
  const ctx = useContext(SettingsContext);
  if (!ctx) throw new Error('useSettings outside SettingsProvider');
  return ctx;
}

/**
 * Who is writing: every record carries its author, which the Excel sync merges by. Never
 * empty where anything is written: the app shows the first run (name required) until the
 * manager has a name, and the settings refuse to empty it.
 */
export function useAuthor(): string {
  const { settings } = useSettings();
  return settings.managerName.trim();
}
