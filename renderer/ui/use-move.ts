import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { moveDossiers } from '../data/binder-repo';
import { folderLabel } from '../features/dossier/folder-label';
import type { NextDate } from './next-date-picker';
import { useAuthor } from './settings-context';
import { useToast } from './toast';
import { useUndo } from './undo';

/** Moves dossiers to another folder in one transaction and says where, with Undo. */
export function useMoveDossiers(): (ids: string[], to: NextDate) => Promise<boolean> {
  const { t, i18n } = useTranslation();
  const author = useAuthor();
  const toast = useToast();
  const undo = useUndo();
  return useCallback(
    async (ids, to) => {
      if (ids.length === 0) return false;
      try {
        await moveDossiers(ids, to, author);
        const folder = folderLabel('date' in to ? to.date : to.month, i18n.language, t);
        toast({ kind: 'success', message: t('move.done', { count: ids.length, folder }), onUndo: undo });
        return true;
      } catch (err) {
        toast({ kind: 'error', message: t('failed', { message: err instanceof Error ? err.message : String(err) }) });
        return false;
      }
    },
    [author, i18n.language, t, toast, undo],
  );
}
