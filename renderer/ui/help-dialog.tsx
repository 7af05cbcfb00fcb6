import { useTranslation } from 'react-i18next';
import { Dialog } from './dialog';
import { KindLegend } from './kind-legend';

/** Every shortcut in one place (F1 or ?): [keys, i18n key]. */
const SECTIONS: [string, [string, string][]][] = [
  [
    'shell.helpWindow',
    [
      ['Alt+1 … Alt+6', 'shell.keyScreens'],
      ['Ctrl+N', 'shortcut.newDossier'],
      ['/  Ctrl+F', 'shortcut.find'],
      ['Ctrl+Z', 'shortcut.undo'],
      ['F1  ?', 'shell.shortcuts'],
    ],
  ],
  [
    'shell.helpFolder',
    [
      ['↑ ↓  J K', 'shell.keyCursor'],
      ['Space', 'shell.keySelect'],
      ['Shift+↑ ↓', 'shell.keyExtend'],
      ['Ctrl+A', 'shell.keyAll'],
      ['Enter', 'shell.keyOpen'],
      ['L  Ctrl+Enter', 'shell.keyLog'],
      ['M', 'shell.keyMove'],
      ['Esc', 'shell.keyClear'],
    ],
  ],
  [
    'shell.helpPicker',
    [
      ['1  2  3', 'shell.keyPicks'],
      ['W  M', 'shell.keyWeekMonth'],
      ['Ctrl+Enter', 'shell.keySave'],
    ],
  ],
];

export function HelpDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} onClose={onClose} title={t('shell.shortcuts')} testId="help-dialog" footer={<button type="button" className="btn" autoFocus onClick={onClose}>{t('action.close')} <kbd>Esc</kbd></button>}>
      <div className="help">
        {SECTIONS.map(([title, keys]) => (
          <section key={title}>
            <h3 className="section-h">{t(title)}</h3>
            <dl className="help-keys">
              {keys.map(([k, label]) => (
                <div key={k}>
                  <dt><kbd>{k === 'Space' ? t('key.space') : k}</kbd></dt>
                  <dd>{t(label)}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
        <section>
          <h3 className="section-h">{t('legend.title')}</h3>
          <p className="help-legend-note">{t('legend.note')}</p>
          <KindLegend />
        </section>
      </div>
    </Dialog>
  );
}
