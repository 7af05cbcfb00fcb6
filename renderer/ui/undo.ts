import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { undoLast } from '../data/refile';
import { useToast } from './toast';

/**
 * Reverts the last undoable change (refile, move, archive, …) and says what was undone.
 * The same function backs the toasts' Undo buttons and Ctrl+Z, so both behave alike.
 */
export function useUndo(): () => Promise<void> {
  const { t } = useTranslation();
  const toast = useToast();
  return useCallback(async () => {
    try {
      const info = await undoLast();
      if (!info) {
        toast({ message: t('nothingToUndo') });
        return;
      }
      // A batch (a pasted list) is named by its size: "adding 20 dossiers", not "creating 20".
      const action = info.action === 'create' && /^\d+$/.test(info.subject) ? 'createMany' : info.action;
      toast({ message: t('undone', { label: t(`undoAction.${action}`, { subject: info.subject }) }) });
    } catch (err) {
      toast({ kind: 'error', message: t('state.error', { message: err instanceof Error ? err.message : String(err) }) });
    }
  }, [t, toast]);
}
