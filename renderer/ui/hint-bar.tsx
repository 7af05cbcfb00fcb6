import { useTranslation } from 'react-i18next';
import { KindLegend } from './kind-legend';

/** The keys of a folder list, always on screen: shortcuts are learnt by seeing them. */
const KEYS: [string, string][] = [
  ['↑↓ J K', 'hint.move'],
  ['Space', 'hint.select'],
  ['Enter', 'hint.open'],
  ['L', 'hint.log'],
  ['M', 'hint.moveSel'],
  ['Ctrl+A', 'hint.all'],
  ['Ctrl+N', 'hint.newDossier'],
  ['/', 'hint.find'],
  ['Ctrl+Z', 'hint.undo'],
];

export function HintBar() {
  const { t } = useTranslation();
  return (
    <footer className="hint-bar" aria-label={t('hint.list')}>
      {KEYS.map(([k, label]) => (
        <span key={k}>
          <kbd>{k === 'Space' ? t('key.space') : k}</kbd> {t(label)}
        </span>
      ))}
      <KindLegend />
    </footer>
  );
}
