import { Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { getBridge } from './bridge';
import { SCREENS } from './routes';
import { navigate, useRoute } from './ui/router';

/** The window: a sidebar with the screens and the current screen. */
export function App() {
  const { t } = useTranslation();
  const route = useRoute();
  const screen = SCREENS.find((s) => s.name === route.name) ?? SCREENS[0]!;
  const Screen = screen.component;

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      const n = Number(e.key);
      const target = SCREENS.filter((s) => s.nav)[n - 1];
      if (target) {
        e.preventDefault();
        navigate(target.name);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className="app">
      <nav className="sidebar" aria-label={t('appName')}>
        <div className="brand">{t('appName')}</div>
        {SCREENS.filter((s) => s.nav).map((s) => (
          <a
            key={s.name}
            href={`#/${s.name}`}
            className={s.name === screen.name ? 'active' : undefined}
            title={s.nav!.shortcut}
          >
            {t(s.nav!.labelKey)}
          </a>
        ))}
        {getBridge().platform === 'web' && <div className="web-mode">{t('webMode')}</div>}
      </nav>
      <main className="screen">
        <Suspense fallback={<div className="loading">{t('state.loading')}</div>}>
          <Screen params={route.params} />
        </Suspense>
      </main>
    </div>
  );
}
