import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../ui/dialog';

export interface BusyState {
  label: string;
  /** 0..1; undefined: indeterminate. */
  fraction?: number;
  cancel?: () => void;
}

/**
 * One long operation at a time on this screen, shown as a modal progress bar with Cancel
 * where the work can be stopped (the worker's jobs) and without it where it cannot (the
 * final one-transaction write, which is all-or-nothing anyway).
 */
export function useBusy() {
  const [busy, setBusyState] = useState<BusyState | null>(null);
  const ref = useRef<BusyState | null>(null);
  const set = useCallback((b: BusyState | null) => {
    ref.current = b;
    setBusyState(b);
  }, []);
  const update = useCallback((patch: Partial<BusyState>) => {
    if (!ref.current) return;
    set({ ...ref.current, ...patch });
  }, [set]);
  return { busy, setBusy: set, updateBusy: update };
}

export function ProgressDialog({ busy }: { busy: BusyState | null }) {
  const { t } = useTranslation('sync');
  return (
    <Dialog
      open={busy !== null}
      title={busy?.label ?? ''}
      onClose={() => busy?.cancel?.()}
      testId="sync-progress"
      footer={busy?.cancel && <button className="btn" onClick={busy.cancel}>{t('cancel')}</button>}
    >
      {busy && (
        <div className="sync-progress">
          {busy.fraction === undefined ? (
            <progress aria-label={busy.label} />
          ) : (
            <progress aria-label={busy.label} max={1} value={busy.fraction} />
          )}
        </div>
      )}
    </Dialog>
  );
}
