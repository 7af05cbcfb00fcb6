import type { BackupFormat } from './backup/backup-format';
import type { BinderMarker } from './model/binder-marker';
import type { Settings, SettingsPatch } from './model/settings';

/**
 * The one contract between the renderer and the platform. The preload implements it
 * with IPC (window.tickler); renderer/bridge/web-bridge.ts implements it for the browser.
 * Everything is async: no synchronous IPC, not even at start-up.
 */
export interface Bridge {
  readonly platform: 'electron' | 'web';

  getSettings(): Promise<Settings>;
  /** Validates and stores a partial update; returns the whole stored settings. */
  setSettings(patch: SettingsPatch): Promise<Settings>;

  /** Save dialog (Electron) or a download (web). `saved: false` when the user cancelled. */
  saveFile(req: SaveFileRequest): Promise<SaveFileResult>;
  /** Open dialog (Electron) or a file input (web). `null` when the user cancelled. */
  openFile(req: OpenFileRequest): Promise<OpenedFile | null>;

  /** Automatic backups: atomic files under the user data folder (Electron) or a download (web). */
  writeBackup(req: BackupWriteRequest): Promise<BackupWriteResult>;
  listBackups(): Promise<BackupInfo[]>;
  readBackup(name: string): Promise<Uint8Array>;
  /** Shows the backups folder in the system's file manager (Electron); false where there is none. */
  openBackupsFolder(): Promise<boolean>;

  /** The binder's marker, kept outside IndexedDB so a wiped database is noticed (binder-marker.ts). */
  getBinderMarker(): Promise<BinderMarker | null>;
  setBinderMarker(marker: BinderMarker): Promise<void>;

  /** A desktop notification; `onNotificationClick` gets its `tag`. */
  notify(req: NotifyRequest): Promise<void>;
  onNotificationClick(handler: (tag: string) => void): Unsubscribe;

  /** Print the current window (or save as PDF where the platform can). */
  printPage(req: PrintRequest): Promise<PrintResult>;

  /** Opens http(s), mailto and tel links in the system handler; other schemes are refused. */
  openExternal(url: string): Promise<boolean>;

  /** Application menu and global shortcuts arrive as commands. */
  onCommand(handler: (command: AppCommand) => void): Unsubscribe;

  appInfo(): Promise<{ version: string; platform: 'electron' | 'web'; userDataDir?: string; backupsDir?: string }>;

  /** The computer's user (full name where known, else the login), to prefill the manager's name; '' in a browser. */
  osUserName(): Promise<string>;
}

export type Unsubscribe = () => void;

export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface SaveFileRequest {
  suggestedName: string;
  data: Uint8Array;
  filters?: FileFilter[];
}
export interface SaveFileResult {
  saved: boolean;
  /** Full path (Electron) or the downloaded name (web). */
  path?: string;
}

export interface OpenFileRequest {
  filters?: FileFilter[];
}
export interface OpenedFile {
  name: string;
  data: Uint8Array;
}

export interface BackupWriteRequest {
  /** 'daily' backups rotate; 'pre-import' snapshots are kept for undo. */
  kind: 'daily' | 'pre-import' | 'manual';
  data: Uint8Array;
  /** Dossiers in the backup: rotation never lets an empty one push a good one out. */
  dossiers: number;
  /** What `data` is (backup-format.ts); a workbook when absent. */
  format?: BackupFormat;
}
export interface BackupInfo {
  name: string;
  kind: 'daily' | 'pre-import' | 'manual';
  createdAt: string;
  size: number;
  /** Absent for backups written before the count was recorded. */
  dossiers?: number;
}
export interface BackupWriteResult extends BackupInfo {
  /** Older manual backups removed to stay under the size cap: the user is told. */
  pruned: string[];
}

export interface NotifyRequest {
  title: string;
  body: string;
  /** Returned by onNotificationClick, e.g. 'dossier:<id>'. */
  tag: string;
}

export interface PrintRequest {
  /** 'pdf' saves a PDF (Electron's printToPDF; the print dialog in web mode). */
  mode: 'print' | 'pdf';
  suggestedName: string;
}
export interface PrintResult {
  done: boolean;
  path?: string;
}

export const APP_COMMANDS = [
  'new-dossier',
  'import',
  'export',
  'backup',
  'print',
  'go-today',
  'go-binder',
  'go-calendar',
  'go-dossiers',
  'go-sync',
  'go-settings',
  'find',
  'undo',
  'help',
] as const;
export type AppCommand = (typeof APP_COMMANDS)[number];
