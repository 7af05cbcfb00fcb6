/**
 * Which backups rotation removes. Pure, so the rule that keeps a manager's history safe
 * is tested on its own (test/unit/shared/backup/rotation.test.ts) and the main process
 * only deletes what this returns.
 *
 * Daily backups follow a grandfather-father-son scheme over the backups that hold
 * dossiers: the newest of each of the last 14 days that have one, of the last 8 ISO weeks
 * and of the last 12 months. "Last" counts periods that have a backup, not calendar
 * periods, so a laptop left closed for a month does not come back to an empty folder.
 * An empty backup (a wiped or new binder) never takes one of those places: at most the
 * newest empty one is kept, so an empty binder can never push a good backup out.
 * Manual backups are kept until they pass a size cap, then the oldest go first (the newest
 * is always kept); the caller tells the user which. Pre-import snapshots keep the newest 10.
 * Periods are UTC: the names carry UTC instants and main has no business guessing zones.
 */

export type BackupKind = 'daily' | 'pre-import' | 'manual';

export interface RotatableBackup {
  name: string;
  kind: BackupKind;
  /** ISO instant (UTC). */
  createdAt: string;
  size: number;
  /** Dossiers the backup holds; unknown (older backups) counts as not empty. */
  dossiers?: number;
}

export interface RotationPolicy {
  days: number;
  weeks: number;
  months: number;
  preImport: number;
  /** Total bytes of manual backups kept. */
  manualBytes: number;
}

export const DEFAULT_POLICY: RotationPolicy = {
  days: 14,
  weeks: 8,
  months: 12,
  preImport: 10,
  manualBytes: 2 * 1024 ** 3,
};

export interface RotationPlan {
  /** Every backup to delete. */
  remove: string[];
  /** The manual backups among them, removed for the size cap: the user is told. */
  prunedManual: string[];
}

export const isEmptyBackup = (b: RotatableBackup): boolean => b.dossiers === 0;

/** Newest first; equal instants by name (the same-millisecond sequence sorts after). */
export function newestFirst(a: RotatableBackup, b: RotatableBackup): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1;
  return a.name < b.name ? 1 : a.name > b.name ? -1 : 0;
}

export const dayOf = (iso: string): string => iso.slice(0, 10);
export const monthOf = (iso: string): string => iso.slice(0, 7);

/** ISO 8601 week, 'YYYY-Www' (the week's Thursday decides the year). */
export function isoWeekOf(iso: string): string {
  const d = new Date(Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)));
  const weekday = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - weekday);
  const year = d.getUTCFullYear();
  const week = Math.ceil(((d.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 + 1) / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The newest backup of each of the `limit` most recent periods (`sorted` is newest first). */
function newestPerPeriod(sorted: RotatableBackup[], periodOf: (iso: string) => string, limit: number): RotatableBackup[] {
  const seen = new Set<string>();
  const out: RotatableBackup[] = [];
  for (const b of sorted) {
    if (seen.size >= limit) break;
    const p = periodOf(b.createdAt);
    if (seen.has(p)) continue;
    seen.add(p);
    out.push(b);
  }
  return out;
}

export function planRotation(list: readonly RotatableBackup[], policy: RotationPolicy = DEFAULT_POLICY): RotationPlan {
  const keep = new Set<string>();
  const of = (kind: BackupKind) => list.filter((b) => b.kind === kind).sort(newestFirst);

  const dailies = of('daily');
  const good = dailies.filter((b) => !isEmptyBackup(b));
  for (const [periodOf, limit] of [[dayOf, policy.days], [isoWeekOf, policy.weeks], [monthOf, policy.months]] as const) {
    for (const b of newestPerPeriod(good, periodOf, limit)) keep.add(b.name);
  }
  const newestEmpty = dailies.find(isEmptyBackup);
  if (newestEmpty) keep.add(newestEmpty.name);

  for (const b of of('pre-import').slice(0, policy.preImport)) keep.add(b.name);

  const prunedManual: string[] = [];
  let bytes = 0;
  for (const [i, b] of of('manual').entries()) {
    bytes += b.size;
    if (i === 0 || bytes <= policy.manualBytes) keep.add(b.name);
    else prunedManual.push(b.name);
  }

  return { remove: list.filter((b) => !keep.has(b.name)).map((b) => b.name), prunedManual };
}
