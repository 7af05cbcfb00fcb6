/**
 * Settings → the overdue ladder: from which day overdue each level applies, like the
 * dunning levels of an accounting system. The thresholds always rise with the levels
 * (normalizeLadder), so the form shows what will be stored before it is saved.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LADDER_LEVELS } from '../../../shared/model/records';
import { DEFAULT_LADDER, ladderFromDays, type Ladder } from '../../../shared/receivables/ladder';
import { useSettings } from '../../ui/settings-context';
import { useToast } from '../../ui/toast';

/** The ladder the manager configured. */
export function useLadder(): Ladder {
  const { settings } = useSettings();
  return useMemo(() => ladderFromDays(settings.ladderDays), [settings.ladderDays]);
}

export function LadderSettings() {
  const { t } = useTranslation('receivables');
  const { settings, update } = useSettings();
  const toast = useToast();
  const [days, setDays] = useState(() => LADDER_LEVELS.map((_, i) => String(settings.ladderDays[i] ?? DEFAULT_LADDER[i]!.fromDays)));
  const normalized = ladderFromDays(days.map((d) => Number(d) || 0));
  const save = async (values: readonly number[]) => {
    const ladder = ladderFromDays(values);
    await update({ ladderDays: ladder.map((r) => r.fromDays) });
    setDays(ladder.map((r) => String(r.fromDays)));
    toast({ message: t('desk.ladder.saved') });
  };
  return (
    <section className="settings-section" aria-label={t('desk.ladder.title')} data-testid="ladder-settings">
      <h2>{t('desk.ladder.title')}</h2>
      <small className="settings-hint">{t('desk.ladder.hint')}</small>
      <form className="rcv-ladder-form" onSubmit={(e) => { e.preventDefault(); void save(normalized.map((r) => r.fromDays)); }}>
        {LADDER_LEVELS.map((level, i) => (
          <label key={level} className="rcv-field">
            <span>{t(`level.${level}`)}</span>
            <span className="rcv-ladder-days">
              {t('desk.ladder.fromDays')}
              <input type="number" min={1} max={3650} inputMode="numeric" aria-label={`${t(`level.${level}`)}: ${t('desk.ladder.fromDays')}`} value={days[i]} onChange={(e) => setDays(days.map((d, k) => (k === i ? e.target.value : d)))} />
            </span>
            {normalized[i]!.fromDays !== Number(days[i]) && <small className="ds-muted">→ {normalized[i]!.fromDays}</small>}
          </label>
        ))}
        <div className="rcv-form-actions">
          <button type="submit" className="btn btn-primary">{t('desk.ladder.save')}</button>
          <button type="button" className="btn" onClick={() => void save(DEFAULT_LADDER.map((r) => r.fromDays))}>{t('desk.ladder.reset')}</button>
        </div>
      </form>
    </section>
  );
}
