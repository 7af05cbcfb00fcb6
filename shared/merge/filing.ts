/**
 * The dossier's next date as one decision. Record-by-record merge cannot see it: when both
 * sides log a call and refile the same dossier, each closes the same step and opens its
 * own, so step by step there is only a "Done at 09:03 vs 09:02" conflict and two new steps
 * that merge happily, and the dossier ends up filed twice. Here the steps of a dossier are
 * looked at together, and when both sides decided where it is filed (or whether it is filed
 * at all), that is one "next date" conflict: the manager keeps one side's filing (mine by
 * default), and the other side's open steps are closed as not kept. History is never part
 * of it: both sides' logged calls stay.
 *
 * A dossier gets a next-date conflict when
 * - both sides changed the same step's filing (closed it, or moved it) differently, or both
 *   closed it (two refiles of one step: each opened its own replacement);
 * - both sides opened new steps while neither still has any step they share open (both
 *   refiled it, or both brought it back from the archive);
 * - the record-by-record merge would leave it unfiled or archived with open steps (one
 *   side archived it while the other planned or moved something).
 */
import { earliestOpenStep, stepKey } from '../model/filing';
import type { Dossier, DossierStatus, Portfolio, Step, StepKind } from '../model/records';
import { contentHash } from './content-hash';

export interface FilingSide {
  status: DossierStatus;
  /** The earliest open step on this side (where the side files the dossier); none if archived. */
  next?: { date: string; month: string; time: string; kind: StepKind; title: string };
  /** Who decided it: the author of that step (or of the dossier when archived). */
  by: string;
}

export interface FilingConflict {
  dossierId: string;
  company: string;
  mine: FilingSide;
  theirs: FilingSide;
  /** Steps whose filing the choice decides, as each side has them (absent: that side has no such step). */
  steps: { id: string; mine?: Step; theirs?: Step }[];
  /** The dossier as each side has it, when their status differs (the choice decides it too). */
  status?: { mine: DossierStatus; theirs: DossierStatus; theirsHash: string };
}

/** How a step files: its folder key while open, 'done' once closed. */
function filingOf(s: Step): string {
  return s.done ? 'done' : stepKey(s) ?? '';
}

/** Where each step went in the record-by-record plan, so the default result can be predicted. */
export type StepFate = 'created' | 'updated' | 'conflict' | 'unchanged' | 'missing';

function sideOf(status: DossierStatus, steps: Step[], dossier: Dossier): FilingSide {
  const next = status === 'active' ? earliestOpenStep(steps) : undefined;
  return {
    status,
    next: next && { date: next.date, month: next.month, time: next.time, kind: next.kind, title: next.title },
    by: next?.author ?? dossier.author,
  };
}

function groupSteps(steps: readonly Step[]): Map<string, Step[]> {
  const m = new Map<string, Step[]>();
  for (const s of steps) {
    const list = m.get(s.dossierId);
    if (list) list.push(s);
    else m.set(s.dossierId, [s]);
  }
  return m;
}

/**
 * The next-date conflicts of the dossiers both sides have, among `candidates` (those with a
 * step or their status not the same on both sides: the rest cannot conflict). `fateOf` says where the
 * record-by-record plan put each step and `dossierFate` each dossier (to predict what the
 * merge would file without this rule).
 */
export function findFilingConflicts(
  local: Portfolio,
  incoming: Portfolio,
  candidates: ReadonlySet<string>,
  fateOf: (id: string) => StepFate | undefined,
  dossierFate: (id: string) => 'updated' | 'other',
): FilingConflict[] {
  const localDossiers = new Map(local.dossiers.map((d) => [d.id, d]));
  const mineSteps = groupSteps(local.steps);
  const theirsSteps = groupSteps(incoming.steps);
  const out: FilingConflict[] = [];
  for (const theirsDossier of incoming.dossiers) {
    const mineDossier = candidates.has(theirsDossier.id) ? localDossiers.get(theirsDossier.id) : undefined;
    if (!mineDossier) continue;
    const mine = mineSteps.get(mineDossier.id) ?? [];
    const theirs = theirsSteps.get(mineDossier.id) ?? [];
    const mineById = new Map(mine.map((s) => [s.id, s]));
    const theirsById = new Map(theirs.map((s) => [s.id, s]));

    let contested = false;
    let sharedOpen = false;
    let mineOpened = false;
    let theirsOpened = false;
    const decided: FilingConflict['steps'] = [];
    // The record-by-record result, to see whether it would leave the dossier misfiled.
    let defaultOpen = 0;
    for (const t of theirs) {
      const m = mineById.get(t.id);
      if (!m) {
        if (!t.done) {
          theirsOpened = true;
          defaultOpen++;
          decided.push({ id: t.id, theirs: t });
        }
        continue;
      }
      if (!m.done || !t.done) sharedOpen = true;
      const ih = contentHash(t);
      const lh = contentHash(m);
      const theirsChanged = ih !== t.syncBase && ih !== m.syncBase;
      const mineChanged = lh !== t.syncBase;
      const differs = filingOf(m) !== filingOf(t);
      if (theirsChanged && mineChanged && (differs || (m.done && t.done && lh !== ih))) contested = true;
      if (differs || (m.done && t.done && lh !== ih && theirsChanged && mineChanged)) decided.push({ id: t.id, mine: m, theirs: t });
      const taken = fateOf(t.id) === 'updated' ? t : m;
      if (!taken.done) defaultOpen++;
    }
    for (const m of mine) {
      if (theirsById.has(m.id) || m.done) continue;
      mineOpened = true;
      defaultOpen++;
      decided.push({ id: m.id, mine: m });
    }

    const defaultStatus = dossierFate(mineDossier.id) === 'updated' ? theirsDossier.status : mineDossier.status;
    const misfiled = defaultStatus === 'active' ? defaultOpen === 0 : defaultOpen > 0;
    const bothRefiled = mineOpened && theirsOpened && !sharedOpen;
    if (!contested && !bothRefiled && !misfiled) continue;
    out.push({
      dossierId: mineDossier.id,
      company: mineDossier.company,
      mine: sideOf(mineDossier.status, mine, mineDossier),
      theirs: sideOf(theirsDossier.status, theirs, theirsDossier),
      steps: decided,
      status: mineDossier.status !== theirsDossier.status ? { mine: mineDossier.status, theirs: theirsDossier.status, theirsHash: contentHash(theirsDossier) }
        : undefined,
    });
  }
  return out;
}

/**
 * The steps to store for one side's filing: that side's version of every step the choice
 * decides; the other side's open steps are stored closed without a done time (not kept,
 * never performed), so the same workbook imported again brings nothing back. Each stored
 * step gets the workbook's content as its base, like a resolved conflict.
 */
export function filingSteps(c: FilingConflict, side: 'mine' | 'theirs'): Step[] {
  const out: Step[] = [];
  for (const s of c.steps) {
    const kept = s[side];
    const base = s.theirs ? contentHash(s.theirs) : '';
    if (kept) {
      // Their version is stored as taken (its base is its content, stamped where stored).
      if (side === 'theirs') out.push({ ...kept, syncBase: '' });
      else if (s.theirs) out.push({ ...kept, syncBase: base });
      continue;
    }
    const other = (s.mine ?? s.theirs)!;
    if (!other.done) out.push({ ...other, done: true, doneAt: '', syncBase: base || other.syncBase });
  }
  return out;
}
