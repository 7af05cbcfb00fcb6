import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';

interface DialogProps {
  open: boolean;
  title: ReactNode;
  onClose(): void;
  children: ReactNode;
  /** Buttons row at the bottom. */
  footer?: ReactNode;
  /** 'wide' for previews and tables. */
  size?: 'normal' | 'wide';
  /** Stable hook for tests and styling. */
  testId?: string;
}

/**
 * A modal built on the native <dialog>: the browser gives focus trapping, Esc to close,
 * inertness of the page behind and the top layer, so we don't hand-write any of it.
 */
export function Dialog({ open, title, onClose, children, footer, size = 'normal', testId }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  // The content mounts only once the dialog is open: React's autoFocus runs at mount, and
  // focusing inside a closed <dialog> silently fails.
  const [shown, setShown] = useState(false);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (open && !el.open) el.showModal();
    if (!open && el.open) el.close();
    setShown(open);
  }, [open]);
  return (
    <dialog
      ref={ref}
      className={`dialog dialog-${size}`}
      data-testid={testId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      {open && shown && (
        <>
          <header className="dialog-title">{title}</header>
          <div className="dialog-body">{children}</div>
          {footer && <footer className="dialog-footer">{footer}</footer>}
        </>
      )}
    </dialog>
  );
}
