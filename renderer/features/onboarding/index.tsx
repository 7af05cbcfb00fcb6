import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getBridge } from '../../bridge';
import { storedDossierCount } from '../../data/binder-identity';
import { writePortfolio } from '../../data/portfolio-repo';
import type { ScreenProps } from '../../routes';
import { todayKey } from '../../ui/clock';
import { languageOf, type Language } from '../../ui/i18n';
import { navigate } from '../../ui/router';
import { useSettings } from '../../ui/settings-context';
import './onboarding.css';

const LANGUAGES: [Language, string][] = [
  ['ru', 'Русский'],
  ['en', 'English'],
  ['ro', 'Română'],
];

/**
 * The first run, one screen: language, the manager's name (the author of every record,
 * required: a call signed by nobody tells a covering colleague nothing), and an empty
 * binder or a demo portfolio to try the daily loop on. Settings are stored only at the
 * end, so closing the window midway starts the first run again. A binder that went
 * through an older first run without a name gets this screen with the name only.
 */
export default function OnboardingScreen(_props: ScreenProps) {
  const { t, i18n } = useTranslation('onboarding');
  const { settings, update } = useSettings();
  const [name, setName] = useState(settings.managerName);
  const [nameError, setNameError] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState('');
  const nameId = useId();
  const nameRef = useRef<HTMLInputElement>(null);
  const lang = languageOf(i18n.language);
  const nameOnly = settings.onboarded;

  // The desktop app knows who is logged into the computer: offered, never imposed (a
  // name the manager has started typing is left alone).
  useEffect(() => {
    let live = true;
    getBridge()
      .osUserName()
      .then((os) => live && os && setName((typed) => (typed.trim() === '' ? os : typed)))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);

  /** The name, or undefined (with the field saying why and focused) when it is empty. */
  const requireName = (): string | undefined => {
    const v = name.trim();
    if (v) return v;
    setNameError(true);
    nameRef.current?.focus();
    return undefined;
  };

  const finish = async (managerName: string) => {
    await update({ onboarded: true, managerName, language: lang });
    navigate('today');
  };

  const startEmpty = () => {
    const v = requireName();
    if (v) void finish(v);
  };

  const loadDemo = async () => {
    const owner = requireName();
    if (!owner) return;
    setError('');
    setProgress({ done: 0, total: 300 });
    try {
      // Never into a binder that holds dossiers (the app skips this screen then; this is the last guard).
      if ((await storedDossierCount()) > 0) return await finish(owner);
      // Loaded on demand: the generator and its word lists are not needed after the first run.
      const { generateDemoPortfolio } = await import('../../../shared/demo/generate-demo-portfolio');
      // The demo binder is the manager's own: owner and author of every record is their name.
      const portfolio = generateDemoPortfolio({ dossiers: 300, today: todayKey(), owner });
      await writePortfolio(portfolio, { onProgress: (done, total) => setProgress({ done, total }) });
      await finish(owner);
    } catch (err) {
      setProgress(null);
      setError(t('failed', { message: err instanceof Error ? err.message : String(err) }));
    }
  };

  return (
    <div className="onb">
      <div className="onb-card" data-testid="onboarding">
        <h1>{nameOnly ? t('nameOnlyTitle') : t('title')}</h1>
        <p className="onb-lead">{nameOnly ? t('nameOnlyLead') : t('lead')}</p>

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
          <span>{t('name')} *</span>
          <input
            ref={nameRef}
            id={nameId}
            className="input"
            value={name}
            autoFocus
            required
            aria-invalid={nameError && name.trim() === ''}
            aria-describedby={`${nameId}-hint`}
            placeholder={t('namePlaceholder')}
            onChange={(e) => {
              setName(e.target.value);
              if (e.target.value.trim()) setNameError(false);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && nameOnly) startEmpty();
            }}
            maxLength={200}
          />
          {nameError && name.trim() === '' ? (
            <span className="field-error" role="alert" id={`${nameId}-hint`}>{t('nameRequired')}</span>
          ) : (
            <span className="onb-hint" id={`${nameId}-hint`}>{t('nameHint')}</span>
          )}
        </label>

        {nameOnly ? (
          <div>
            <button type="button" className="btn btn-primary" onClick={startEmpty} data-testid="name-continue">{t('continue')}</button>
          </div>
        ) : (
        <div className="field">
          <span>{t('start')}</span>
          {progress ? (
            <div className="onb-progress" role="status">
              <progress max={progress.total} value={progress.done} />
              <span>{t('loading', progress)}</span>
            </div>
          ) : (
            <div className="onb-starts">
              <button type="button" className="onb-start" onClick={startEmpty} data-testid="start-empty">
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
        )}
      </div>
    </div>
  );
}
