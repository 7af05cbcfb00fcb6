import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays } from '../../../shared/dates/calendar-day';
import type { CoverFields } from '../../../shared/portfolio/handover';
import type { LoadedWorkbook } from '../../../shared/portfolio/team';
import { pickDossiers, prepareHandover, prepareReassignments, recentRotationOf, splitAmong, type DossierRef, type PreparedMove } from '../../../shared/portfolio/team-prepare';
import { DateField } from '../../ui/date-field';
import { Dialog } from '../../ui/dialog';
import { formatDay, formatNumber } from '../../ui/format';
import { suggestedName } from '../sync/sync-actions';
import { PrepareFooter, PrepareStatus, usePrepareExport } from './use-prepare-export';

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

/**
 * A handover prepared from the team view: the chosen dossiers of a manager on leave for a
 * colleague, in the very file the manager's own handover export writes, so the colleague's
 * import and the return that clears the cover work unchanged.
 */
export function TeamHandoverDialog({ open, owner, owners, chosen, loaded, today, onClose, onGiven }: PrepareProps & { onGiven(refs: readonly DossierRef[], home: Map<string, CoverFields>): void }) {
  const { t, i18n } = useTranslation('portfolio');
  const lang = i18n.language;
  const flow = usePrepareExport();
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
    const file = { portfolio, scope: `handover:${owner}->${who}..${until}`, name: suggestedName(`handover-${owner}-to-${who}`, today) };
    const saved = await flow.run([file], (path) => t('sync:handover.done', { count: formatNumber(portfolio.dossiers.length, lang), path, to: who }));
    if (!saved) return;
    onGiven(chosen, home);
    onClose();
  };

  return (
    <Dialog
      open={open}
      onClose={() => flow.cancelOr(onClose)}
      title={t('team.handover.title', { owner })}
      testId="team-handover-dialog"
      footer={<PrepareFooter flow={flow} onClose={onClose} onRun={() => void run()} testId="team-handover-run">{t('sync:handover.button')}</PrepareFooter>}
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
      <PrepareStatus flow={flow} />
    </Dialog>
  );
}

/**
 * A permanent reassignment prepared from the team view, to one manager or split among
 * several by their load: one workbook per receiving manager, named for them, each with only
 * their dossiers under the new Owner and the owner history kept. A client rotated less than
 * 12 months ago is named before anything is written (the own binder's rule).
 */
export function TeamReassignDialog({ open, owner, owners, chosen, loaded, today, loads, onClose, onMoved }: PrepareProps & { loads: ReadonlyMap<string, number>; onMoved(moves: PreparedMove[]): void }) {
  const { t, i18n } = useTranslation('portfolio');
  const lang = i18n.language;
  const flow = usePrepareExport();
  const others = owners.filter((o) => o !== owner);
  const [to, setTo] = useState<readonly string[]>([]);

  useEffect(() => {
    if (open) setTo(others.slice(0, 1));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- a fresh choice each time the dialog opens
  }, [open]);

  const rotated = useMemo(() => (open ? recentRotationOf(pickDossiers(loaded, chosen).dossiers, today) : undefined), [open, loaded, chosen, today]);
  // The receivers in the team's order, whatever order they were ticked in.
  const receivers = useMemo(() => others.filter((o) => to.includes(o)), [others, to]);
  const moves = useMemo(() => (open ? prepareReassignments(loaded, splitAmong(chosen, receivers, (r) => loads.get(r) ?? 0), today) : []), [open, loaded, chosen, receivers, loads, today]);
  const files = moves.map((m) => ({ portfolio: m.portfolio, scope: `reassign:${owner}->${m.to}`, name: suggestedName(`reassign-${owner}-to-${m.to}`, today) }));

  const toggle = (o: string) => setTo((cur) => (cur.includes(o) ? cur.filter((x) => x !== o) : [...cur, o]));

  const run = async () => {
    if (!moves.length) return;
    const saved = await flow.run(files, (path) =>
      t('team.reassign.done', { path, to: moves.map((m) => m.to).join(', '), count: formatNumber(chosen.length, lang) }),
    );
    if (!saved) return;
    // What was saved is prepared: the view moves those dossiers now.
    onMoved(moves.slice(0, saved));
    if (saved === moves.length) onClose();
  };

  return (
    <Dialog
      open={open}
      onClose={() => flow.cancelOr(onClose)}
      title={t('team.reassign.title', { owner })}
      testId="team-reassign-dialog"
      footer={
        <PrepareFooter flow={flow} onClose={onClose} onRun={() => void run()} disabled={!moves.length} testId="team-reassign-run">
          {moves.length ? t('team.reassign.export', { count: moves.length, to: moves.map((m) => m.to).join(', ') }) : t('sync:reassign.button')}
        </PrepareFooter>
      }
    >
      <p>{t('team.reassign.count', { count: chosen.length })}</p>
      {others.length === 0 ? (
        <p className="pf-problem" role="alert">{t('team.reassign.noOther')}</p>
      ) : (
        <fieldset className="pf-receivers" data-testid="team-reassign-to">
          <legend>{t('team.reassign.to')}</legend>
          {others.map((o) => (
            <label key={o} className="pf-receiver">
              <input type="checkbox" checked={to.includes(o)} onChange={() => toggle(o)} />
              <span>{o}</span>
              <span className="pf-note">{t('team.reassign.load', { count: loads.get(o) ?? 0 })}</span>
            </label>
          ))}
        </fieldset>
      )}
      {moves.length > 0 && (
        <ul className="pf-plan" data-testid="team-reassign-plan">
          {moves.map((m, i) => (
            <li key={m.to} data-to={m.to}>
              {t('team.reassign.planLine', { to: m.to, count: m.portfolio.dossiers.length })} <code className="pf-file-name">{files[i]!.name}</code>
            </li>
          ))}
        </ul>
      )}
      <p className="pf-note">{t(receivers.length > 1 ? 'team.reassign.hintSplit' : 'team.reassign.hint')}</p>
      {rotated && (
        <p className="sync-warning pf-warning" role="alert" data-testid="rotation-warning">
          {t('sync:reassign.recentRotation', { count: rotated.count, date: formatDay(rotated.lastRotation, lang) })}
        </p>
      )}
      <PrepareStatus flow={flow} />
    </Dialog>
  );
}
