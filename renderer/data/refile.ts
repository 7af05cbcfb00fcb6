/**
 * The daily loop's write: log a contact and refile the dossier under the agreed date;
 * moving a step (calendar drag and drop) and the persisted undo stack.
 */
import { earliestOpenStep } from '../../shared/model/filing';
import { stamp, touch } from '../../shared/model/new-record';
import type { HistoryEntry } from '../../shared/model/records';
import type { DossierRow } from './db';
import { baseDossier } from './derive-row';
import { popUndo } from './kv-keys';
import { changedStep, doneStep, stepFromPlan } from './plans';
import { DataError, type RefileRequest, type StepChange, type StepRef, type UndoInfo } from './types';
import { priorsOf } from './undo-entry';
import {
  appendHistory,
  putRecord,
  requireRow,
  requireStep,
  restorePriors,
  runWrite,
  setDossier,
  stepsIn,
  undoable,
  type WriteCtx,
} from './write-context';

/**
 * One transaction: the history entry, the completed step, the next step (or archiving when
 * `next` is null), the row's derived fields and the folder counters.
 */
export function logAndRefile(req: RefileRequest, author: string): Promise<UndoInfo> {
  return runWrite(author, async (ctx) => {
    const [row, steps] = await Promise.all([requireRow(ctx, req.dossierId), stepsIn(ctx, req.dossierId)]);
    const current = req.completeStepId ? steps.find((s) => s.id === req.completeStepId) : earliestOpenStep(steps);
    if (req.completeStepId && !current) throw new DataError(`Step ${req.completeStepId} is not this dossier's`, 'not-found');

    const entry: HistoryEntry = stamp(
      { dossierId: row.id, at: req.entry.at ?? ctx.now, kind: req.entry.kind, outcome: req.entry.outcome, summary: req.entry.summary },
      author,
      ctx.now,
    );
    // Built first: a bad plan throws here, before any write is in flight.
    const next = req.next ? stepFromPlan(req.next, row.id, author, ctx.now) : undefined;
    const done = current && !current.done ? doneStep(current, author, ctx.now) : undefined;
    // Independent records: written together (one round trip in the transaction).
    await Promise.all([
      appendHistory(ctx, entry),
      done ? putRecord(ctx, 'steps', done, current!) : undefined,
      next ? putRecord(ctx, 'steps', next, null) : undefined,
    ]);
    if (req.next) {
      // A call logged on an archived client with a next date brings the dossier back.
      if (row.status === 'archived') setDossier(ctx, { ...touch(baseDossier(row), author, ctx.now), status: 'active' });
    } else {
      await archiveWithin(ctx, row);
    }
    return undoable(ctx, req.next ? 'refile' : 'archive', row.company);
  });
}

/**
 * Archiving means "no further contact": the open steps are closed with it, so an archived
 * client never shows in the calendar or fires a reminder, and reactivating files the
 * dossier under the new date rather than under a stale old step.
 */
export async function archiveWithin(ctx: WriteCtx, row: DossierRow): Promise<void> {
  for (const step of await stepsIn(ctx, row.id)) {
    if (!step.done) await putRecord(ctx, 'steps', doneStep(step, ctx.author, ctx.now), step);
  }
  setDossier(ctx, { ...touch(baseDossier(row), ctx.author, ctx.now), status: 'archived' });
}

/** Moves one step to another day, month or hour: refiles the dossier exactly as the binder does. */
export function moveStep(ref: StepRef, change: StepChange, author: string): Promise<UndoInfo> {
  return runWrite(author, async (ctx) => {
    const step = await requireStep(ctx, ref);
    const row = await requireRow(ctx, step.dossierId);
    await putRecord(ctx, 'steps', changedStep(step, change, author, ctx.now), step);
    return undoable(ctx, 'move', row.company);
  });
}

/** Reverts the last undoable action exactly (records, rows and counters), in one transaction. */
export function undoLast(): Promise<UndoInfo | null> {
  return runWrite('', async (ctx) => {
    const entry = await popUndo(ctx.db);
    if (!entry) return null;
    await restorePriors(ctx, priorsOf(entry));
    return { label: entry.label, action: entry.action, subject: entry.subject };
  });
}
