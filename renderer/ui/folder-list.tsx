import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DossierSummary as Row } from '../data/types';
import { RefileDialog } from '../features/refile/refile-dialog';
import { FolderLine } from './folder-line';
import { MoveDialog } from './move-dialog';
import { navigate } from './router';
import { useRowList, type RowList } from './use-row-list';

export interface RowGroup {
  id: string;
  label: string;
  rows: Row[];
}

export interface FolderWork {
  list: RowList;
  /** The refile and move dialogs; render once next to the list. */
  dialogs: ReactNode;
  openMove(ids: string[]): void;
  openRefile(id: string): void;
}

/**
 * The work on a folder's dossiers, shared by Today and the Binder: the keyboard list
 * model plus the dialogs its actions open (L: log and refile, M: move), with the focus
 * returned to the list when they close.
 */
export function useFolderWork(rows: Row[]): FolderWork {
  const ids = useMemo(() => rows.map((r) => r.id), [rows]);
  const [refileId, setRefileId] = useState<string | null>(null);
  const [moveIds, setMoveIds] = useState<string[] | null>(null);
  const actions = useMemo(
    () => ({
      onOpen: (id: string) => navigate('dossier', id),
      onRefile: (id: string) => setRefileId(id),
      onMove: (targets: string[]) => setMoveIds(targets),
    }),
    [],
  );
  const list = useRowList(ids, actions);
  const dialogs = (
    <>
      <RefileDialog
        dossierId={refileId}
        open={refileId !== null}
        onClose={() => {
          setRefileId(null);
          list.focusCursor();
        }}
      />
      <MoveDialog
        ids={moveIds ?? []}
        open={moveIds !== null}
        onClose={() => {
          setMoveIds(null);
          list.focusCursor();
        }}
        onDone={list.clearSelection}
      />
    </>
  );
  return { list, dialogs, openMove: setMoveIds, openRefile: setRefileId };
}

interface FolderListProps {
  groups: RowGroup[];
  work: FolderWork;
  today: string;
  label: string;
  showDate?: boolean;
}

/** A folder's dossiers as one keyboard list (role listbox), in labelled groups. */
export function FolderList({ groups, work, today, label, showDate }: FolderListProps) {
  const { t } = useTranslation();
  const { list } = work;
  const dragIds = useCallback((id: string) => () => (list.selected.has(id) ? [...list.selected] : [id]), [list.selected]);
  const firstId = groups.find((g) => g.rows.length > 0)?.rows[0]?.id;
  return (
    <div className="flist" role="listbox" aria-multiselectable aria-label={label} onKeyDown={list.onKeyDown}>
      {groups
        .filter((g) => g.rows.length > 0)
        .map((g) => (
          <div key={g.id} role="group" aria-label={g.label} className="flist-group" data-group={g.id}>
            {groups.length > 1 && (
              <div className="flist-h" aria-hidden>
                {g.label} <span className="flist-count">{g.rows.length}</span>
              </div>
            )}
            <div className="flist-rows">
            {g.rows.map((r) => (
              <FolderLine
                key={r.id}
                row={r}
                today={today}
                selected={list.selected.has(r.id)}
                cursor={list.cursor === null ? r.id === firstId : list.cursor === r.id}
                dragIds={dragIds(r.id)}
                onClick={list.onRowClick}
                onFocus={list.onRowFocus}
                onOpen={(id) => navigate('dossier', id)}
                onRefile={work.openRefile}
                rowRef={list.rowRef(r.id)}
                showDate={showDate}
              />
            ))}
            </div>
          </div>
        ))}
      <span className="sr-only">{t('hint.list')}</span>
    </div>
  );
}
