import { useTranslation } from 'react-i18next';

/**
 * Why a save did not happen, next to the Save button: a refused save is never silent, even
 * when the field at fault is scrolled away or was not the one being edited.
 */
export function RefusedSave({ shown, reasons }: { shown: boolean; reasons: (string | undefined)[] }) {
  const { t } = useTranslation('common');
  const list = reasons.filter((r): r is string => Boolean(r));
  if (!shown || list.length === 0) return null;
  return (
    <p className="refused-save" role="alert" data-testid="save-refused">
      {t('saveRefused', { reasons: list.join('; ') })}
    </p>
  );
}

/** Moves focus to the first field the form marks invalid, so the manager lands where to fix it. */
export function focusFirstInvalid(root: HTMLElement | null | undefined): void {
  requestAnimationFrame(() => root?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}
