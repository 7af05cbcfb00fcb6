/**
 * The two formats a backup file can have: a portfolio workbook ("Back up now", and every
 * backup written before stream copies) and a stream copy of the binder (snapshots before
 * an import, daily backups: gzipped dexie-export-import JSON, renderer/data/backup-stream.ts).
 * The file's first bytes tell them apart on reading; the extension says it to the manager.
 */
export type BackupFormat = 'workbook' | 'copy';

export const BACKUP_EXTENSIONS: Record<BackupFormat, string> = { workbook: '.xlsx', copy: '.json.gz' };
