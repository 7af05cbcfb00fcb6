import { useTranslation } from 'react-i18next';
import { MAIN_CURRENCIES, kpiTargetsSchema, type Settings, type SettingsPatch } from '../../../shared/model/settings';
import { TextSetting } from './settings-fields';

type Thresholds = Settings['segmentThresholds'];
type Targets = Settings['kpiTargets'];

const THRESHOLDS: { key: keyof Thresholds; pair: keyof Thresholds; small: boolean }[] = [
  { key: 'smallMaxRevenue', pair: 'mediumMaxRevenue', small: true },
  { key: 'mediumMaxRevenue', pair: 'smallMaxRevenue', small: false },
  { key: 'smallMaxHeadcount', pair: 'mediumMaxHeadcount', small: true },
  { key: 'mediumMaxHeadcount', pair: 'smallMaxHeadcount', small: false },
];
const TARGETS: (keyof Targets)[] = ['callsPerDay', 'meetingsPerDay', 'requestsPerWeek'];

/** Whole numbers as typed, spaces between thousands allowed ('800 000 000'). */
const readWhole = (v: string): number | undefined => {
  const t = v.replace(/[\s\u00a0\u202f]/g, '');
  return /^\d{1,16}$/.test(t) ? Number(t) : undefined;
};

/**
 * The main currency, the size segment's bounds and the activity targets. Each bound and
 * target is checked as typed against its schema (shared/model/settings.ts) and, for the
 * bounds, against its pair: a small bound at or above the medium one is refused here
 * before the settings schema would.
 */
export function PortfolioSettings({ settings, onSave }: { settings: Settings; onSave(p: SettingsPatch): Promise<void> }) {
  const { t, i18n } = useTranslation('settings');
  const fmt = new Intl.NumberFormat(i18n.language);
  const th = settings.segmentThresholds;
  const maxOf = (k: keyof Targets) => kpiTargetsSchema.shape[k].maxValue ?? 0;
  return (
    <>
      <label className="settings-field">
        <span>{t('portfolio.currency')}</span>
        <select value={settings.currency} onChange={(e) => void onSave({ currency: e.target.value as Settings['currency'] })} data-testid="main-currency">
          {MAIN_CURRENCIES.map((c) => <option key={c} value={c}>{c}</option>)}
        </select>
        <small>{t('portfolio.currencyHint')}</small>
      </label>
      <fieldset className="settings-field">
        <legend>{t('portfolio.thresholds')}</legend>
        <div className="settings-grid">
          {THRESHOLDS.map(({ key, pair, small }) => (
            <TextSetting
              key={key}
              label={t(`portfolio.${key}`)}
              value={fmt.format(th[key])}
              inputMode="numeric"
              testId={`threshold-${key}`}
              validate={(v) => {
                const n = readWhole(v);
                if (n === undefined || n < 1) return t('portfolio.thresholdError');
                return (small ? n < th[pair] : n > th[pair]) ? undefined : t('portfolio.orderError');
              }}
              onSave={(v) => onSave({ segmentThresholds: { ...th, [key]: readWhole(v)! } })}
            />
          ))}
        </div>
      </fieldset>
      <fieldset className="settings-field">
        <legend>{t('portfolio.targets')}</legend>
        <div className="settings-grid">
          {TARGETS.map((key) => (
            <TextSetting
              key={key}
              label={t(`portfolio.${key}`)}
              hint={key === 'meetingsPerDay' ? t('portfolio.meetingsHint') : undefined}
              value={String(settings.kpiTargets[key])}
              inputMode="numeric"
              width={90}
              testId={`target-${key}`}
              validate={(v) => {
                const n = readWhole(v);
                return n === undefined || n > maxOf(key) ? t('portfolio.targetError', { max: maxOf(key) }) : undefined;
              }}
              onSave={(v) => onSave({ kpiTargets: { ...settings.kpiTargets, [key]: readWhole(v)! } })}
            />
          ))}
        </div>
      </fieldset>
    </>
  );
}
