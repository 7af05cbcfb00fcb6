import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getDb } from '../../data/db';
import { writePortfolio } from '../../data/portfolio-repo';
import type { ScreenProps } from '../../routes';
import { todayKey } from '../../ui/clock';
import type { Language } from '../../ui/i18n';
import { navigate } from '../../ui/router';
import { useSettings } from '../../ui/settings-context';
import './onboarding.css';

const LANGUAGES: [Language, string][] = [
  ['ru', 'Русский'],
  ['en', 'English'],
];

/**
 * The first run, one screen: language, the manager's name (the author of every record),
 * and an empty binder or a demo portfolio to try the daily loop on. Settings are stored
 * only at the end, so closing the window midway starts the first run again.
 */
export default function OnboardingScreen(_props: ScreenProps) {
  const { t, i18n } = useTranslation('onboarding');
  const { settings, update } = useSettings();
  const [name, setName] = useState(settings.managerName);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState('');
  const nameId = useId();
  const lang = (i18n.language === 'ru' ? 'ru' : 'en') as Language;

  const finish = async () => {
    await update({ onboarded: true, managerName: name.trim(), language: lang });
    navigate('today');
  };

  const loadDemo = async () => {
    setError('');
    setProgress({ done: 0, total: 300 });
    try {
      // Never into a binder that holds dossiers (the app skips this screen then; this is the last guard).
      if ((await getDb().dossiers.count()) > 0) return await finish();
      // Loaded on demand: the generator and its word lists are not needed after the first run.
      const { generateDemoPortfolio } = await import('../../../shared/demo/generate-demo-portfolio');
      const portfolio = generateDemoPortfolio({ dossiers: 300, today: todayKey(), owner: name.trim() || undefined });
      await writePortfolio(portfolio, { onProgress: (done, total) => setProgress({ done, total }) });
      await finish();
    } catch (err) {
      setProgress(null);
      setError(t('failed', { message: err instanceof Error ? err.message : String(err) }));
    }
  };

  return (
    <div className="onb">
      <div className="onb-card" data-testid="onboarding">
        <h1>{t('title')}</h1>
        <p className="onb-lead">{t('lead')}</p>

        <div className="field">
          <span id={`${nameId}-lang`}>{t('language')}</span>
          <div className="onb-langs" role="radiogroup" aria-labelledby={`${nameId}-lang`}>
            {LANGUAGES.map(([code, label]) => (
              <button
                key={code}
                type="button"
                role="radio"
                lang={code}
                aria-checked={lang === code}
                className="onb-lang"
                onClick={() => void i18n.changeLanguage(code).then(() => (document.documentElement.lang = code))}
              >
                {label}
              </button>
            ))}
          </div>
        </div>

        <label className="field onb-name" htmlFor={nameId}>
          <span>{t('name')}</span>
          <input id={nameId} className="input" value={name} autoFocus placeholder={t('namePlaceholder')} onChange={(e) => setName(e.target.value)} maxLength={200} />
          <span className="onb-hint">{t('nameHint')}</span>
        </label>

        <div className="field">
          <span>{t('start')}</span>
          {progress ? (
            <div className="onb-progress" role="status">
              <progress max={progress.total} value={progress.done} />
              <span>{t('loading', progress)}</span>
            </div>
          ) : (
            <div className="onb-starts">
              <button type="button" className="onb-start" onClick={() => void finish()} data-testid="start-empty">
                <strong>{t('empty')}</strong>
                <span>{t('emptyHint')}</span>
              </button>
              <button type="button" className="onb-start onb-start-demo" onClick={() => void loadDemo()} data-testid="start-demo">
                <strong>{t('demo')}</strong>
                <span>{t('demoHint')}</span>
              </button>
            </div>
          )}
          {error && (
            <p className="field-error" role="alert">
              {error}
            </p>
          )}
        </div>
      </div>
    </div>
  );
}
