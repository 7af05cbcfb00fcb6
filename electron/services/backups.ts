import fs from 'node:fs/promises';
import path from 'node:path';
import type { BackupInfo, BackupWriteRequest, BackupWriteResult } from '../../shared/bridge';
import { BACKUP_EXTENSIONS, type BackupFormat } from '../../shared/backup/backup-format';
import { DEFAULT_POLICY, planRotation, type RotationPolicy } from '../../shared/backup/rotation';
import { atomicWriteFile } from './files';

type Kind = BackupInfo['kind'];

/**
 * `tickler-<kind>-<UTC timestamp>[-<seq>][-d<dossiers>].xlsx` (a workbook) or `.json.gz` (a
 * stream copy of the binder, shared/backup/backup-format.ts). Names are the only handle the
 * renderer gets, and a name is accepted only if it matches this exactly: no separators, no
 * `..`. The dossier count rides in the name so rotation knows an empty backup without
 * opening a workbook; names without it (older backups) count as not empty.
 */
const NAME_RE = /^tickler-(daily|pre-import|manual)-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z(?:-(\d+))?(?:-d(\d+))?(\.xlsx|\.json\.gz)$/;

function stampOf(kind: Kind, at: Date, seq: number): string {
  return `tickler-${kind}-${at.toISOString().replace(/[:.]/g, '-')}${seq ? `-${seq}` : ''}`;
}

export function backupName(kind: Kind, at: Date, seq = 0, dossiers?: number, format: BackupFormat = 'workbook'): string {
  return `${stampOf(kind, at, seq)}${dossiers === undefined ? '' : `-d${dossiers}`}${BACKUP_EXTENSIONS[format]}`;
}

export function parseBackupName(name: string): { kind: Kind; createdAt: string; seq: number; dossiers?: number } | null {
  const m = NAME_RE.exec(name);
  if (!m) return null;
  const [, kind, day, hh, mm, ss, ms, seq, dossiers] = m;
  const createdAt = `${day}T${hh}:${mm}:${ss}.${ms}Z`;
  if (Number.isNaN(Date.parse(createdAt))) return null;
  return { kind: kind as Kind, createdAt, seq: Number(seq ?? 0), ...(dossiers === undefined ? {} : { dossiers: Number(dossiers) }) };
}

/** Newest first: by time, then by the same-millisecond sequence number. */
function newestFirst(a: BackupInfo, b: BackupInfo): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1;
  return parseBackupName(b.name)!.seq - parseBackupName(a.name)!.seq;
}

/** Backups under `<userData>/backups`, written atomically and rotated (shared/backup/rotation.ts). */
export function createBackupService(dir: string, now: () => Date = () => new Date(), policy: RotationPolicy = DEFAULT_POLICY) {
  async function list(): Promise<BackupInfo[]> {
    let names: string[];
    try {
      names = await fs.readdir(dir);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw err;
    }
    const out: BackupInfo[] = [];
    for (const name of names) {
      const parsed = parseBackupName(name);
      if (!parsed) continue;
      const stat = await fs.stat(path.join(dir, name)).catch(() => null);
      if (!stat?.isFile()) continue;
      const info: BackupInfo = { name, kind: parsed.kind, createdAt: parsed.createdAt, size: stat.size };
      if (parsed.dossiers !== undefined) info.dossiers = parsed.dossiers;
      out.push(info);
    }
    return out.sort(newestFirst);
  }

  async function write(req: BackupWriteRequest): Promise<BackupWriteResult> {
    await fs.mkdir(dir, { recursive: true });
    const at = now();
    const existing = await fs.readdir(dir);
    let seq = 0;
    const taken = (s: number) => existing.some((n) => n.startsWith(stampOf(req.kind, at, s) + '.') || n.startsWith(stampOf(req.kind, at, s) + '-d'));
    while (taken(seq)) seq++;
    const name = backupName(req.kind, at, seq, req.dossiers, req.format);
    await atomicWriteFile(path.join(dir, name), req.data);
    // The one just written is in the list, so rotation sees it (it is the newest of its kind).
    const { remove, prunedManual } = planRotation(await list(), policy);
    for (const old of remove) await fs.unlink(path.join(dir, old)).catch(() => {});
    return { name, kind: req.kind, createdAt: at.toISOString(), size: req.data.byteLength, dossiers: req.dossiers, pruned: prunedManual };
  }

  async function read(name: string): Promise<Uint8Array> {
    if (!parseBackupName(name)) throw new Error(`"${name}" is not a backup name.`);
    try {
      return new Uint8Array(await fs.readFile(path.join(dir, name)));
    } catch {
      throw new Error(`Backup "${name}" was not found.`);
    }
  }

  return { dir, list, write, read };
}
