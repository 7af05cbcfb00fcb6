import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays, eachDay } from '../../../shared/dates/calendar-day';
import { buildTeamLines, TEAM_DAYS as DAYS, type LoadedWorkbook as Loaded } from '../../../shared/portfolio/team';
import { getBridge } from '../../bridge';
import { formatterFor } from '../../ui/chart-panel';
import { formatDay, formatNumber, formatWeekday } from '../../ui/format';
import { startJob } from '../../workers/workbook-client';
import { applyReassignments, markHome, type DossierRef, type PreparedMove, type TeamDossier } from '../../../shared/portfolio/team-prepare';
import type { CoverFields } from '../../../shared/portfolio/handover';
import { dossierViewIn } from '../../data/dossier-repo';
import { Dialog } from '../../ui/dialog';
import { ReadOnlyDossier } from '../dossier/read-only-dossier';
import { TeamDossiers } from './team-dossiers';
import { TeamHandoverDialog, TeamReassignDialog } from './team-prepare-dialogs';

export function TeamView({ today, currency, capacity }: { today: string; currency: string; capacity: number }) {
  const { t, i18n } = useTranslation('portfolio');
  const lang = i18n.language;
  const [loaded, setLoaded] = useState<Loaded[]>([]);
  const [problem, setProblem] = useState('');
  const lines = useMemo(() => buildTeamLines(loaded, today, currency), [loaded, today, currency]);
  const days = useMemo(() => eachDay(today, addDays(today, DAYS - 1)), [today]);
  // The manager whose dossiers are listed, the one opened read-only, and what is being prepared.
  const [owner, setOwner] = useState<string | null>(null);
  const [opened, setOpened] = useState<TeamDossier | null>(null);
  const [prep, setPrep] = useState<{ kind: 'handover' | 'reassign'; chosen: TeamDossier[] } | null>(null);
  const owners = useMemo(() => lines.map((l) => l.owner), [lines]);
  // Each manager's work in the window (overdue and the days): what a split by load evens out.
  const loads = useMemo(() => new Map(lines.map((l) => [l.owner, l.overdue + l.days.reduce((a, b) => a + b, 0)])), [lines]);
  // What the lead prepared in this session, by dossier id: the lists say it beside the owner.
  const [marks, setMarks] = useState<ReadonlyMap<string, string>>(new Map());
  const mark = (ids: Iterable<string>, label: string) => setMarks((m) => new Map([...m, ...[...ids].map((id) => [id, label] as const)]));
  const given = (refs: readonly DossierRef[], home: Map<string, CoverFields>) => {
    setLoaded((prev) => markHome(prev, refs, home));
    const h = home.values().next().value;
    if (h) mark(home.keys(), t('team.prepared.handover', { who: h.coveredBy, until: formatDay(h.coveredUntil, lang) }));
  };
  const moved = (moves: PreparedMove[]) => {
    setLoaded((prev) => applyReassignments(prev, moves));
    for (const m of moves) mark(m.portfolio.dossiers.map((d) => d.id), t('team.prepared.reassign', { from: owner ?? '', to: m.to }));
  };
  const openedView = useMemo(() => {
    const p = opened && loaded.find((l) => l.file === opened.file)?.portfolio;
    return p ? dossierViewIn(p, opened.id) : undefined;
  }, [opened, loaded]);

  const add = async () => {
    setProblem('');
    const f = await getBridge().openFile({ filters: [{ name: 'Excel', extensions: ['xlsx'] }] });
    if (!f) return;
    const r = await startJob({ kind: 'read', data: f.data }).result;
    if (r.kind !== 'portfolio') {
      setProblem(t('team.unreadable', { file: f.name }));
      return;
    }
    setLoaded((prev) => [...prev.filter((l) => l.file !== f.name), { file: f.name, portfolio: r.portfolio }]);
  };

  return (
    <div className="pf-team">
      <p className="pf-note">{t('team.intro')}</p>
      <div className="pf-toolbar">
        <button type="button" className="btn" onClick={() => void add()} data-testid="team-add">{t('team.add')}</button>
        {loaded.length > 0 && <button type="button" className="btn" onClick={() => { setLoaded([]); setOwner(null); setMarks(new Map()); }}>{t('team.clear')}</button>}
        <span className="pf-note">{t('team.capacity', { n: capacity })}</span>
        {loaded.map((l) => <span key={l.file} className="badge">{l.file}</span>)}
      </div>
      {problem && <p className="pf-problem" role="alert">{problem}</p>}
      {lines.length === 0 ? <p className="pf-note">{t('team.empty')}</p> : (
        <div className="pf-team-wrap">
          <table className="pf-table pf-team-table" data-testid="team-table">
            <thead>
              <tr>
                <th>{t('team.manager')}</th>
                <th>{t('team.overdue')}</th>
                {days.map((d) => <th key={d} className="pf-day"><span>{formatWeekday(d, lang)}</span><span>{formatDay(d, lang, { day: 'numeric', month: 'numeric' })}</span></th>)}
                <th>{t('team.receivables')}</th>
                <th className="pf-cover-head">{t('team.cover')}</th>
              </tr>
            </thead>
            <tbody>
              {lines.map((l) => (
                <tr key={l.owner} data-owner={l.owner}>
                  <th scope="row">
                    <button type="button" className={`btn btn-link pf-owner${owner === l.owner ? ' is-on' : ''}`} aria-pressed={owner === l.owner} title={t('team.openList', { owner: l.owner || '—' })} onClick={() => setOwner(owner === l.owner ? null : l.owner)}>
                      {l.owner || '—'}
                    </button>
                  </th>
                  <td className={l.overdue ? 'pf-over' : ''} data-col="overdue">{formatNumber(l.overdue, lang)}</td>
                  {l.days.map((n, i) => (
                    <td key={days[i]} data-day={days[i]} className={n > capacity ? 'pf-over' : n >= capacity * 0.85 ? 'pf-full' : ''}>{n ? formatNumber(n, lang) : ''}</td>
                  ))}
                  <td>{formatterFor({ kind: 'money', currency }, lang)(l.receivables)}</td>
                  <td className="pf-cover">
                    {l.coveredBy.map((c) => <div key={`b${c.who}`}>{t('team.onLeave', { who: c.who, until: c.until ? formatDay(c.until, lang) : '—' })}</div>)}
                    {l.covers.map((c) => <div key={`c${c.who}`}>{t('team.covers', { who: c.who, until: c.until ? formatDay(c.until, lang) : '—' })}</div>)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {owner !== null && lines.some((l) => l.owner === owner) && (
        <TeamDossiers
          loaded={loaded}
          owner={owner}
          today={today}
          marks={marks}
          onOpen={setOpened}
          onClose={() => setOwner(null)}
          onHandover={(chosen) => setPrep({ kind: 'handover', chosen })}
          onReassign={(chosen) => setPrep({ kind: 'reassign', chosen })}
        />
      )}
      <Dialog open={!!openedView} onClose={() => setOpened(null)} size="wide" title={t('team.dossiersOf', { owner: opened?.owner ?? '' })} testId="team-dossier-dialog"
        footer={<button className="btn" onClick={() => setOpened(null)}>{t('common:action.close')} <kbd>Esc</kbd></button>}>
        {openedView && opened && <ReadOnlyDossier view={openedView} today={today} note={t('team.readOnly', { owner: opened.owner, file: opened.file })} />}
      </Dialog>
      <TeamHandoverDialog
        open={prep?.kind === 'handover'}
        owner={owner ?? ''}
        owners={owners}
        chosen={prep?.chosen ?? []}
        loaded={loaded}
        today={today}
        onClose={() => setPrep(null)}
        onGiven={given}
      />
      <TeamReassignDialog open={prep?.kind === 'reassign'} owner={owner ?? ''} owners={owners} chosen={prep?.chosen ?? []} loaded={loaded} today={today} loads={loads} onClose={() => setPrep(null)} onMoved={moved} />
    </div>
  );
}
