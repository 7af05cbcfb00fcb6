import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays } from '../../../shared/dates/calendar-day';
import type { Portfolio } from '../../../shared/model/records';
import type { CoverFields } from '../../../shared/portfolio/handover';
import type { LoadedWorkbook } from '../../../shared/portfolio/team';
import { pickDossiers, prepareHandover, prepareReassignment, recentRotationOf, type DossierRef } from '../../../shared/portfolio/team-prepare';
import { getBridge } from '../../bridge';
import { DateField } from '../../ui/date-field';
import { Dialog } from '../../ui/dialog';
import { formatDay, formatNumber } from '../../ui/format';
import { useAuthor } from '../../ui/settings-context';
import { useToast } from '../../ui/toast';
import { exportMeta, suggestedName, writeWorkbook, type Lang } from '../sync/sync-actions';

interface PrepareProps {
  open: boolean;
  owner: string;
  /** The team's managers (the other choices of colleague or new owner). */
  owners: readonly string[];
  chosen: readonly DossierRef[];
  loaded: readonly LoadedWorkbook[];
  today: string;
  onClose(): void;
}

/** Writes a prepared workbook with the Excel screen's writer and lets the lead save it; the saved path, or undefined. */
function useSaveWorkbook() {
  const { t, i18n } = useTranslation('portfolio');
  const author = useAuthor();
  const toast = useToast();
  const [writing, setWriting] = useState(false);
  const save = async (p: Portfolio, scope: string, name: string): Promise<string | undefined> => {
    setWriting(true);
    try {
      const data = await writeWorkbook(p, await exportMeta(author, i18n.language as Lang, scope), () => {}, () => {});
      const r = await getBridge().saveFile({ suggestedName: name, data, filters: [{ name: 'Excel', extensions: ['xlsx'] }] });
      return r.saved ? (r.path ?? name) : undefined;
    } catch (err) {
      toast({ kind: 'error', message: t('team.failed', { message: err instanceof Error ? err.message : String(err) }) });
      return undefined;
    } finally {
      setWriting(false);
    }
  };
  return { save, writing, toast };
}

/**
 * A handover prepared from the team view: the chosen dossiers of a manager on leave for a
 * colleague, in the very file the manager's own handover export writes, so the colleague's
 * import and the return that clears the cover work unchanged.
 */
export function TeamHandoverDialog({ open, owner, owners, chosen, loaded, today, onClose, onGiven }: PrepareProps & { onGiven(refs: readonly DossierRef[], home: Map<string, CoverFields>): void }) {
  const { t, i18n } = useTranslation('portfolio');
  const lang = i18n.language;
  const { save, writing, toast } = useSaveWorkbook();
  const others = owners.filter((o) => o !== owner);
  const [colleague, setColleague] = useState('');
  const [leaveFrom, setLeaveFrom] = useState<string | null>(today);
  const [backOn, setBackOn] = useState<string | null>(addDays(today, 14));
  const [showErrors, setShowErrors] = useState(false);

  useEffect(() => {
    if (!open) return;
    setColleague(others[0] ?? '');
    setShowErrors(false);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- a fresh choice each time the dialog opens
  }, [open]);

  const who = colleague.trim();
  const errors = [
    !who ? t('sync:handover.to') : who === owner ? t('team.handover.sameManager', { owner }) : undefined,
    !leaveFrom || !backOn || leaveFrom >= backOn ? t('team.handover.badPeriod') : undefined,
  ].filter((e): e is string => !!e);
  // As the own binder's handover: covered through the day before the manager is back.
  const until = backOn ? addDays(backOn, -1) : '';

  const run = async () => {
    if (errors.length || !leaveFrom) return setShowErrors(true);
    const { portfolio, home } = prepareHandover(loaded, chosen, who, { from: leaveFrom, until });
    const path = await save(portfolio, `handover:${owner}->${who}..${until}`, suggestedName(`handover-${owner}-to-${who}`, today));
    if (!path) return;
    toast({ kind: 'success', message: t('sync:handover.done', { count: formatNumber(portfolio.dossiers.length, lang), path, to: who }) });
    onGiven(chosen, home);
    onClose();
  };

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={t('team.handover.title', { owner })}
      testId="team-handover-dialog"
      footer={
        <>
          <button className="btn" onClick={onClose}>{t('common:action.cancel')}</button>
          <button className="btn btn-primary" onClick={() => void run()} disabled={writing} data-testid="team-handover-run">
            {writing ? t('sync:export.writing') : t('sync:handover.button')}
          </button>
        </>
      }
    >
      <p>{t('team.handover.count', { count: chosen.length })}</p>
      <div className="pf-form">
        <label className="field">
          <span>{t('sync:handover.to')}</span>
          <input className="input" value={colleague} onChange={(e) => setColleague(e.target.value)} list="pf-team-owners" data-testid="team-handover-to" />
        </label>
        <DateField label={t('sync:handover.leaveFrom')} value={leaveFrom} onChange={setLeaveFrom} allowPast testId="team-handover-from" />
        <DateField label={t('sync:handover.until')} value={backOn} min={today} onChange={setBackOn} testId="team-handover-until" />
      </div>
      <datalist id="pf-team-owners">
        {others.map((o) => <option key={o} value={o} />)}
      </datalist>
      {leaveFrom && until && leaveFrom <= until && <p className="pf-note">{t('team.handover.period', { from: formatDay(leaveFrom, lang), until: formatDay(until, lang) })}</p>}
      {showErrors && errors.map((e) => <p key={e} className="pf-problem" role="alert">{e}</p>)}
    </Dialog>
  );
}

/**
 * A permanent reassignment prepared from the team view: the receiving manager's workbook
 * with the new Owner and the owner history kept; a client rotated less than 12 months ago
 * is named before anything is written (the own binder's rule).
 */
export function TeamReassignDialog({ open, owner, owners, chosen, loaded, today, onClose }: PrepareProps) {
  const { t, i18n } = useTranslation('portfolio');
  const lang = i18n.language;
  const { save, writing, toast } = useSaveWorkbook();
  const others = owners.filter((o) => o !== owner);
  const [to, setTo] = useState('');

  useEffect(() => {
    if (open) setTo(others[0] ?? '');
    // eslint-disable-next-line react-hooks/exhaustive-deps -- a fresh choice each time the dialog opens
  }, [open]);

  const rotated = useMemo(() => (open ? recentRotationOf(pickDossiers(loaded, chosen).dossiers, today) : undefined), [open, loaded, chosen, today]);

  const run = async () => {
    if (!to) return;
    const p = prepareReassignment(loaded, chosen, to, today);
    const path = await save(p, `reassign:${owner}->${to}`, suggestedName(`reassign-${owner}-to-${to}`, today));
    if (!path) return;
    toast({ kind: 'success', message: t('team.reassign.done', { path, to, count: formatNumber(p.dossiers.length, lang) }) });
    onClose();
  };

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={t('team.reassign.title', { owner })}
      testId="team-reassign-dialog"
      footer={
        <>
          <button className="btn" onClick={onClose}>{t('common:action.cancel')}</button>
          <button className="btn btn-primary" onClick={() => void run()} disabled={writing || !to} data-testid="team-reassign-run">
            {writing ? t('sync:export.writing') : to ? t('team.reassign.export', { to }) : t('sync:reassign.button')}
          </button>
        </>
      }
    >
      <p>{t('team.reassign.count', { count: chosen.length })}</p>
      {others.length === 0 ? (
        <p className="pf-problem" role="alert">{t('team.reassign.noOther')}</p>
      ) : (
        <div className="pf-form">
          <label className="field">
            <span>{t('sync:reassign.to')}</span>
            <select value={to} onChange={(e) => setTo(e.target.value)} data-testid="team-reassign-to">
              {others.map((o) => <option key={o} value={o}>{o}</option>)}
            </select>
          </label>
        </div>
      )}
      <p className="pf-note">{t('team.reassign.hint')}</p>
      {rotated && (
        <p className="sync-warning pf-warning" role="alert" data-testid="rotation-warning">
          {t('sync:reassign.recentRotation', { count: rotated.count, date: formatDay(rotated.lastRotation, lang) })}
        </p>
      )}
    </Dialog>
  );
}
