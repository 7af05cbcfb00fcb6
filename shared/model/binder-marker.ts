import { z } from 'zod';

/**
 * The binder's marker, kept outside IndexedDB (electron-store in Electron, localStorage in
 * the browser): which database this is and how many dossiers it last held. Electron has
 * wiped IndexedDB on an upgrade (electron#38616) and reset it on a full disk
 * (electron#41877); without the marker the app would open on an empty binder as if it
 * were a first run and then write empty backups over good ones.
 */
export const binderMarkerSchema = z
  .object({
    /** A random id, also stored in the database's kv ('binder.id'). */
    binderId: z.string().min(1).max(100),
    /** Dossiers of every status: archiving keeps them, so the count only grows in normal use. */
    dossiers: z.number().int().min(0),
    updatedAt: z.string().max(40),
  })
  .strict();
export type BinderMarker = z.infer<typeof binderMarkerSchema>;

/** What the app finds on start: null when there is no database at all. */
export interface BinderState {
  binderId?: string;
  dossiers: number;
}

export type BinderProblem = 'missing' | 'empty' | 'replaced' | 'shrunk';
export type BinderCheck = { ok: true } | { ok: false; problem: BinderProblem; expected: number; found: number };

/**
 * "Much smaller": fewer than half the dossiers the marker remembers, and at least
 * MIN_LOST fewer. Dossiers are never deleted one by one (archiving keeps them), so in
 * normal use the count only drops when the manager restores an older backup or undoes an
 * import, and both rewrite the marker right after. The marker is written after the
 * database commits, though, so a crash in between can leave it a little ahead: the margin
 * keeps that from stopping the app. Losing half the binder is never that; it is storage
 * lost under the app (a partial eviction, a broken upgrade), and the manager must decide.
 */
export const MUCH_SMALLER_FRACTION = 0.5;
export const MIN_LOST = 10;

export function isMuchSmaller(expected: number, found: number): boolean {
  return found < expected * MUCH_SMALLER_FRACTION && expected - found >= MIN_LOST;
}

/** The start-up rule: whether the database may be opened as the manager's binder. */
export function checkBinder(marker: BinderMarker | null, state: BinderState | null): BinderCheck {
  if (!marker || marker.dossiers === 0) return { ok: true };
  const expected = marker.dossiers;
  const fail = (problem: BinderProblem, found: number): BinderCheck => ({ ok: false, problem, expected, found });
  if (!state) return fail('missing', 0);
  if (state.dossiers === 0) return fail('empty', 0);
  // Another database in its place that has lost dossiers; one with as many or more (a
  // profile copied in) loses nothing and is adopted.
  if (state.binderId !== marker.binderId && state.dossiers < expected) return fail('replaced', state.dossiers);
  if (isMuchSmaller(expected, state.dossiers)) return fail('shrunk', state.dossiers);
  return { ok: true };
}
