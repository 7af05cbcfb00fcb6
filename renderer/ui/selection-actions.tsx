import { useTranslation } from 'react-i18next';

interface SelectionActionsProps {
  count: number;
  onMove(): void;
  onClear(): void;
  /** The screen's i18n namespace: it words 'selected', 'moveSelected' and 'clear'. */
  ns: string;
}

/** "3 selected · Move… M · Clear Esc": what a multi-selection of dossiers offers. */
export function SelectionActions({ count, onMove, onClear, ns }: SelectionActionsProps) {
  const { t } = useTranslation(ns);
  return (
    <>
      <span>{t('selected', { count })}</span>
      <button type="button" className="btn btn-small" onClick={onMove}>
        {t('moveSelected')} <kbd>M</kbd>
      </button>
      <button type="button" className="btn btn-small btn-link" onClick={onClear}>
        {t('clear')} <kbd>Esc</kbd>
      </button>
    </>
  );
}
