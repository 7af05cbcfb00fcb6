/** What every print view shares: printing on the command, the buttons and the toolbar. */
import { useCallback, useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { getBridge } from '../../bridge';

export { fileSafe } from '../../../shared/file-safe';

/** Prints on the 'print' command, on the buttons, and once when opened with 'auto' and ready. */
export function usePrint(suggestedName: string | null, auto: boolean) {
  const name = useRef(suggestedName);
  name.current = suggestedName;
  const print = useCallback((mode: 'print' | 'pdf') => {
    if (name.current) void getBridge().printPage({ mode, suggestedName: name.current });
  }, []);
  useEffect(() => getBridge().onCommand((c) => c === 'print' && print('pdf')), [print]);
  const printed = useRef(false);
  useEffect(() => {
    if (auto && suggestedName && !printed.current) {
      printed.current = true;
      // After the browser has laid the page out, so the PDF holds the content. The 'auto'
      // leaves the address, so a reload or Back shows the view without printing again.
      requestAnimationFrame(() => {
        print('pdf');
        window.history.replaceState(null, '', window.location.hash.replace(/\/auto$/, ''));
      });
    }
  }, [auto, suggestedName, print]);
  return print;
}

export function Toolbar({ print, back, children }: { print(mode: 'print' | 'pdf'): void; back(): void; children?: ReactNode }) {
  const { t } = useTranslation('print');
  return (
    <div className="print-toolbar">
      <button type="button" className="btn" onClick={back}>
        ← {t('back')}
      </button>
      <button type="button" className="btn btn-primary" onClick={() => print('print')}>
        {t('print')}
      </button>
      <button type="button" className="btn" onClick={() => print('pdf')}>
        {t('pdf')}
      </button>
      {children}
      <span className="print-hint">{t('hint')}</span>
    </div>
  );
}

