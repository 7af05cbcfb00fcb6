import { useEffect, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLightDays } from './binder-hooks';
import { Dialog } from './dialog';
import { DayChip } from './day-chip';
import { NextDatePicker, type NextDate } from './next-date-picker';
import { useMoveDossiers } from './use-move';

export interface MoveDialogProps {
  ids: string[];
  open: boolean;
  onClose(): void;
  onDone?(): void;
}

/**
 * "Too much today: move these to a lighter day." The lightest coming working days come
 * first (one key press: Tab to one, Enter); any other folder through the date picker.
 */
export function MoveDialog({ ids, open, onClose, onDone }: MoveDialogProps) {
  const { t } = useTranslation();
  const light = useLightDays(5);
  const move = useMoveDossiers();
  const [target, setTarget] = useState<NextDate | null>(null);

  useEffect(() => {
    if (open) setTarget(null);
  }, [open]);

  async function go(to: NextDate) {
    const ok = await move(ids, to);
    if (ok) {
      onClose();
      onDone?.();
    }
  }

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && target) {
      e.preventDefault();
      void go(target);
    }
  };

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={t('move.title', { count: ids.length })}
      testId="move-dialog"
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            {t('action.cancel')} <kbd>Esc</kbd>
          </button>
          <button type="button" className="btn btn-primary" disabled={!target} onClick={() => target && void go(target)} data-testid="move-confirm">
            {t('move.confirm')} <kbd className="kbd-on-primary">Ctrl+Enter</kbd>
          </button>
        </>
      }
    >
      <div className="move" onKeyDown={onKeyDown}>
        {light.length > 0 && (
          <section className="move-light">
            <h3 className="section-h">{t('move.lightest')}</h3>
            <div className="chip-row">
              {light.map((d, i) => (
                <DayChip key={d.date} day={d.date} count={d.count} autoFocus={i === 0} onClick={() => void go({ date: d.date })} />
              ))}
            </div>
          </section>
        )}
        <section>
          <h3 className="section-h">{t('move.other')}</h3>
          <NextDatePicker value={target} onChange={setTarget} autoFocus={light.length === 0} />
        </section>
      </div>
    </Dialog>
  );
}
