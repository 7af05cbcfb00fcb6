import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getBridge } from '../../bridge';
import { getHandBacksDue, markHandedBack, type HandBackDue } from '../../data/handback-repo';
import { formatDay } from '../../ui/format';
import { useAuthor } from '../../ui/settings-context';
import { useToast } from '../../ui/toast';
import { handBackWorkbook, type Lang } from '../sync/sync-actions';

/**
 * The colleague's reminder when a cover ends: "Hand back 3 dossiers to Anna (cover ended on
 * 12 Dec)", and the one action that saves the hand-back workbook (only those dossiers, with
 * everything done during the cover) for Anna to import.
 */
export function HandBackBanner({ today }: { today: string }) {
  const { t, i18n } = useTranslation('today');
  const due = useLiveQuery(() => getHandBacksDue(today), [today]);
  const author = useAuthor();
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const lang = i18n.language;

  const handBack = async (d: HandBackDue) => {
    setBusy(true);
    try {
      const w = await handBackWorkbook(d.ids, d.owner, author, lang as Lang, today);
      const r = await getBridge().saveFile({ suggestedName: w.name, data: w.data, filters: [{ name: 'Excel', extensions: ['xlsx'] }] });
      if (!r.saved) return;
      await markHandedBack(w.dossiers);
      toast({ kind: 'success', message: t('handBack.done', { count: d.ids.length, owner: d.owner, path: r.path ?? w.name }) });
    } catch (err) {
      toast({ kind: 'error', message: t('common:state.error', { message: err instanceof Error ? err.message : String(err) }) });
    } finally {
      setBusy(false);
    }
  };

  if (!due?.length) return null;
  return (
    <>
      {due.map((d) => (
        <div key={d.owner} className="month-opening" role="status" data-testid="hand-back">
          <strong>{t('handBack.banner', { count: d.ids.length, owner: d.owner, date: formatDay(d.ended, lang, { day: 'numeric', month: 'short' }) })}</strong>
          <button type="button" className="btn btn-primary btn-small" disabled={busy} onClick={() => void handBack(d)} data-testid="hand-back-run">
            {t('handBack.action')}
          </button>
        </div>
      ))}
    </>
  );
}
