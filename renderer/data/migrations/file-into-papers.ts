/**
 * Filing per-record tables into the papers (one value per dossier), shared by the
 * released migrations v4 (contacts, invoices, history logs) and v6 (steps). Frozen like
 * them: papers here have the shape v6 left them in, and nothing here may change; a later
 * migration that files something else gets its own function.
 */
import type { Table } from 'dexie';
import { eachDossierRange, groupByDossier, keyRange, type UpgradeTx } from './raw-tables';

interface RecordV6 {
  id: string;
  dossierId: string;
}
interface StepV6 extends RecordV6 {
  date: string;
  month: string;
  done: boolean;
}
/** A dossier's papers as versions 4 to 7 store them. */
export interface PapersV6 {
  dossierId: string;
  contacts: RecordV6[];
  invoices: RecordV6[];
  steps: StepV6[];
  /** The day and month keys of the open steps. */
  openKeys: string[];
  history: RecordV6[];
}

const emptyPapers = (dossierId: string): PapersV6 => ({ dossierId, contacts: [], invoices: [], steps: [], openKeys: [], history: [] });

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;
const MONTH_RE = /^\d{4}-\d{2}$/;

function openKeysOf(steps: readonly StepV6[]): string[] {
  const keys = new Set<string>();
  for (const s of steps) {
    if (s.done) continue;
    const key = DAY_RE.test(s.date) ? s.date : MONTH_RE.test(s.month) ? s.month : undefined;
    if (key) keys.add(key);
  }
  return [...keys];
}

type ListKind = 'contacts' | 'invoices' | 'steps';

/** The papers with `records` put in: same id replaced, new ones added (the steps' keys follow). */
function withRecords(papers: PapersV6, kind: ListKind, records: readonly RecordV6[]): PapersV6 {
  if (records.length === 0) return papers;
  const incoming = new Map(records.map((r) => [r.id, r]));
  const list = [...(papers[kind] as RecordV6[]).filter((r) => !incoming.has(r.id)), ...incoming.values()];
  if (kind === 'steps') return { ...papers, steps: list as StepV6[], openKeys: openKeysOf(list as StepV6[]) };
  return { ...papers, [kind]: list };
}

/** A table of an earlier schema version whose records move into the papers. */
export interface PaperSource {
  table: string;
  /** Its index by dossier id (':id' when that is its key). */
  index: string;
  file(papers: PapersV6, records: never[]): PapersV6;
}

/** Records of a kind kept in a table with a dossierId index. */
export const recordsOfKind = (kind: ListKind, table: string): PaperSource => ({ table, index: 'dossierId', file: (p, recs: RecordV6[]) => withRecords(p, kind, recs) });

/**
 * The records of `sources` filed into the papers. The dossier keys are walked in ranges of
 * 5,000, each range's records read with one range read per table, so every dossier's
 * papers are written once and memory stays bounded. The ranges cover every key: records
 * of a dossier that no longer exists are kept too. Papers stored by an earlier version get
 * the fields this one added.
 */
export async function fileIntoPapers(tx: UpgradeTx, sources: readonly PaperSource[], range = 5_000): Promise<void> {
  const papers = tx.table('papers') as Table<PapersV6, string>;
  await eachDossierRange(tx, range, async (lo, hi) => {
    const [stored, ...read] = await Promise.all([
      keyRange(papers, ':id', lo, hi),
      ...sources.map((src) => keyRange(tx.table(src.table) as Table<RecordV6, string>, src.index, lo, hi)),
    ]);
    const filed = new Map(stored.map((p) => [p.dossierId, { ...emptyPapers(p.dossierId), ...p }]));
    sources.forEach((src, i) => {
      for (const [id, recs] of groupByDossier(read[i]!)) filed.set(id, src.file(filed.get(id) ?? emptyPapers(id), recs as never[]));
    });
    await papers.bulkPut([...filed.values()]);
  });
}
