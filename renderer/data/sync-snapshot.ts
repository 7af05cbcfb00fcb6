/**
 * Snapshots and backups must restore exactly. The workbook writes a record's "Version" as
 * its syncBase, or its content hash when it has none, because for an export that hash is
 * what both sides agree on. In a snapshot that would turn "never exchanged" into "agreed
 * on the current content" after a restore, and a later merge could then take a colleague's
 * change over an edit made since their export without showing a conflict. So before a
 * snapshot is written, an empty syncBase is stored as a marker no content hash can equal,
 * and the marker is turned back into '' when the snapshot is read.
 */
import type { Portfolio } from '../../shared/model/records';
import { RECORD_KINDS, type RecordKind } from '../../shared/merge/plan';

export const NEVER_EXCHANGED = 'never';

type Kind = RecordKind;
const KINDS: readonly Kind[] = RECORD_KINDS;

function mapBases(p: Portfolio, from: string, to: string): Portfolio {
  const out: Portfolio = { ...p };
  for (const k of KINDS) {
    (out[k] as { syncBase: string }[]) = (p[k] as { syncBase: string }[]).map((r) => (r.syncBase === from ? { ...r, syncBase: to } : r));
  }
  return out;
}

/** Before writing a snapshot or backup workbook. */
export function forSnapshot(p: Portfolio): Portfolio {
  return mapBases(p, '', NEVER_EXCHANGED);
}

/** After reading one back, before it replaces the database. */
export function fromSnapshot(p: Portfolio): Portfolio {
  return mapBases(p, NEVER_EXCHANGED, '');
}
