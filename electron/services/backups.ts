import fs from 'node:fs/promises';
import path from 'node:path';
import type { BackupInfo, BackupWriteRequest } from '../../shared/bridge';
import { atomicWriteFile } from './files';

type Kind = BackupInfo['kind'];

/** How many of each kind survive rotation; manual backups are never removed. */
export const KEEP: Record<Kind, number> = { daily: 14, 'pre-import': 10, manual: Infinity };

/**
 * `tickler-<kind>-<UTC timestamp>.xlsx`. Names are the only handle the renderer gets, and
 * a name is accepted only if it matches this exactly: no separators, no `..`.
 */
const NAME_RE = /^tickler-(daily|pre-import|manual)-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z(?:-(\d+))?\.xlsx$/;

export function backupName(kind: Kind, at: Date, seq = 0): string {
  const stamp = at.toISOString().replace(/[:.]/g, '-');
  return `tickler-${kind}-${stamp}${seq ? `-${seq}` : ''}.xlsx`;
}

export function parseBackupName(name: string): { kind: Kind; createdAt: string; seq: number } | null {
  const m = NAME_RE.exec(name);
  if (!m) return null;
  const [, kind, day, hh, mm, ss, ms, seq] = m;
  const createdAt = `${day}T${hh}:${mm}:${ss}.${ms}Z`;
  if (Number.isNaN(Date.parse(createdAt))) return null;
  return { kind: kind as Kind, createdAt, seq: Number(seq ?? 0) };
}

/** Newest first: by time, then by the same-millisecond sequence number. */
function newestFirst(a: BackupInfo, b: BackupInfo): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1;
  return parseBackupName(b.name)!.seq - parseBackupName(a.name)!.seq;
}

/** The names rotation removes: everything beyond the newest KEEP[kind] of each kind. */
export function namesToRotate(list: BackupInfo[]): string[] {
  const out: string[] = [];
  for (const kind of Object.keys(KEEP) as Kind[]) {
    out.push(...list.filter((b) => b.kind === kind).sort(newestFirst).slice(KEEP[kind]).map((b) => b.name));
  }
  return out;
}

/** Backups under `<userData>/backups`, written atomically and rotated per kind. */
export function createBackupService(dir: string, now: () => Date = () => new Date()) {
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
      if (stat?.isFile()) out.push({ name, kind: parsed.kind, createdAt: parsed.createdAt, size: stat.size });
    }
    return out.sort(newestFirst);
  }

  async function write(req: BackupWriteRequest): Promise<BackupInfo> {
    await fs.mkdir(dir, { recursive: true });
    const at = now();
    const existing = new Set(await fs.readdir(dir));
    let seq = 0;
    while (existing.has(backupName(req.kind, at, seq))) seq++;
    const name = backupName(req.kind, at, seq);
    await atomicWriteFile(path.join(dir, name), req.data);
    for (const old of namesToRotate(await list())) {
      await fs.unlink(path.join(dir, old)).catch(() => {});
    }
    return { name, kind: req.kind, createdAt: at.toISOString(), size: req.data.byteLength };
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
