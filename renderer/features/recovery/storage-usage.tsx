import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localeTag } from '../../ui/i18n';
import './recovery.css';

interface Usage {
  used: number;
  quota: number;
  persisted: boolean;
}

export function formatBytes(bytes: number, lang: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;
  let i = 0;
  let n = bytes;
  while (n >= 1024 && i < units.length - 1) {
    n /= 1024;
    i++;
  }
  return new Intl.NumberFormat(localeTag(lang), { style: 'unit', unit: units[i], unitDisplay: 'short', maximumFractionDigits: n < 10 && i > 0 ? 1 : 0 }).format(n);
}

/** Asks once at start that the browser never evicts the binder to free space (Chromium grants it to installed and engaged origins). */
export function requestPersistentStorage(): void {
  void navigator.storage?.persist?.().catch(() => false);
}

/** Settings' storage line: used and free space for the app's origin, and whether it is protected from eviction. */
export function StorageUsage() {
  const { t, i18n } = useTranslation('recovery');
  const [usage, setUsage] = useState<Usage | null | 'unknown'>(null);
  useEffect(() => {
    let live = true;
    const storage = navigator.storage;
    if (!storage?.estimate) {
      setUsage('unknown');
      return;
    }
    void Promise.all([storage.estimate(), storage.persisted?.() ?? Promise.resolve(false)]).then(
      ([e, persisted]) => live && setUsage({ used: e.usage ?? 0, quota: e.quota ?? 0, persisted }),
      () => live && setUsage('unknown'),
    );
    return () => {
      live = false;
    };
  }, []);
  if (usage === null) return null;
  if (usage === 'unknown') return <p className="settings-hint" data-testid="storage-usage">{t('storage.unknown')}</p>;
  const lang = i18n.language;
  return (
    <div className="storage-usage" data-testid="storage-usage">
      <p>
        {t('storage.usage', { used: formatBytes(usage.used, lang), quota: formatBytes(usage.quota, lang), free: formatBytes(Math.max(0, usage.quota - usage.used), lang) })}
      </p>
      <meter min={0} max={usage.quota || 1} value={usage.used} aria-label={t('storage.title')} />
      <p className="settings-hint">{usage.persisted ? t('storage.persisted') : t('storage.notPersisted')}</p>
    </div>
  );
}

/** The storage line as a Settings section (Settings' own sections share its look). */
export function StorageSection() {
  const { t } = useTranslation('recovery');
  return (
    <section className="settings-section" aria-label={t('storage.title')}>
      <h2>{t('storage.title')}</h2>
      <StorageUsage />
    </section>
  );
}
