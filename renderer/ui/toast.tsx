import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface ToastOptions {
  message: string;
  kind?: 'info' | 'success' | 'error';
  /** Offers an Undo button (also Ctrl+Z while the toast shows). */
  onUndo?: () => void | Promise<void>;
  /** Milliseconds; errors stay until dismissed. */
  duration?: number;
}

interface ToastItem extends ToastOptions {
  id: number;
}

/** Toasts shown at once: older ones give way, so the stack never grows over the screen. */
const MAX_SHOWN = 3;

const ToastContext = createContext<((t: ToastOptions) => void) | null>(null);

/** Transient messages in the window's bottom-right corner, with Undo where a change can be reverted. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [items, setItems] = useState<ToastItem[]>([]);
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => setItems((xs) => xs.filter((x) => x.id !== id)), []);
  const show = useCallback(
    (opts: ToastOptions) => {
      const id = nextId.current++;
      setItems((xs) => [...xs.slice(-(MAX_SHOWN - 1)), { ...opts, id }]);
      const duration = opts.duration ?? (opts.kind === 'error' ? 0 : opts.onUndo ? 8000 : 4000);
      if (duration > 0) setTimeout(() => dismiss(id), duration);
    },
    [dismiss],
  );

  return (
    <ToastContext.Provider value={show}>
      {children}
      <div className="toasts" role="status" aria-live="polite">
        {items.map((item) => (
          <div key={item.id} className={`toast toast-${item.kind ?? 'info'}`}>
            <span>{item.message}</span>
            {item.onUndo && (
              <button
                className="btn btn-link"
                onClick={async () => {
                  dismiss(item.id);
                  await item.onUndo!();
                }}
              >
                {t('action.undo')}
              </button>
            )}
            <button className="btn btn-icon" aria-label={t('action.close')} onClick={() => dismiss(item.id)}>
              ×
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export function useToast(): (t: ToastOptions) => void {
  const show = useContext(ToastContext);
  if (!show) throw new Error('useToast outside ToastProvider');
  return show;
}
