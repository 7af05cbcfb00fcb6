import type {
  AppCommand,
  BackupInfo,
  Bridge,
  OpenedFile,
  OpenFileRequest,
  SaveFileRequest,
} from '../../shared/bridge';
import { BACKUP_EXTENSIONS } from '../../shared/backup/backup-format';
import { z } from 'zod';
import { binderMarkerSchema } from '../../shared/model/binder-marker';
import { defaultSettings, settingsPatchSchema, settingsSchema, type Settings } from '../../shared/model/settings';
import { salvageSettings } from '../../shared/model/settings-salvage';
import { isAllowedExternalUrl } from '../../shared/external-url';

const SETTINGS_KEY = 'tickler.settings';
const BACKUPS_KEY = 'tickler.backups';
/** Outside IndexedDB on purpose: a cleared database leaves it, and the app notices (binder-marker.ts). */
const MARKER_KEY = 'tickler.binderMarker';

function readSettings(storage: Storage): Settings {
  try {
    const raw = storage.getItem(SETTINGS_KEY);
    if (!raw) return defaultSettings();
    // Field by field: one bad value must not reset `onboarded` and send the manager to the first run.
    return salvageSettings(JSON.parse(raw)).settings;
  } catch {
    return defaultSettings();
  }
}

/** Offers bytes as a download: the browser's stand-in for a save dialog. */
function download(name: string, data: Uint8Array): void {
  const blob = new Blob([data as BlobPart]);
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A hidden file input: the browser's stand-in for an open dialog. */
function pickFile(req: OpenFileRequest): Promise<OpenedFile | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = (req.filters ?? []).flatMap((f) => f.extensions.map((e) => '.' + e)).join(',');
    input.style.display = 'none';
    input.addEventListener('change', async () => {
      const file = input.files?.[0];
      input.remove();
      if (!file) return resolve(null);
      resolve({ name: file.name, data: new Uint8Array(await file.arrayBuffer()) });
    });
    input.addEventListener('cancel', () => {
      input.remove();
      resolve(null);
    });
    document.body.appendChild(input);
    input.click();
  });
}

/** The web bridge plus the entry point the page's keyboard shortcuts send commands through. */
export interface WebBridge extends Bridge {
  dispatchCommand(command: AppCommand): void;
}

/** The Bridge for web mode and the end-to-end tests: downloads, file inputs, localStorage. */
export function createWebBridge(storage: Storage = window.localStorage): WebBridge {
  const commandHandlers = new Set<(c: AppCommand) => void>();
  const clickHandlers = new Set<(tag: string) => void>();

  return {
    platform: 'web',
    async getSettings() {
      return readSettings(storage);
    },
    async setSettings(patch) {
      const parsed = settingsPatchSchema.safeParse(patch);
      if (!parsed.success) throw new Error('Invalid settings: ' + z.prettifyError(parsed.error).replace(/\n+/g, '; '));
      const valid = parsed.data;
      const next = settingsSchema.parse({ ...readSettings(storage), ...valid });
      storage.setItem(SETTINGS_KEY, JSON.stringify(next));
      return next;
    },
    async saveFile(req: SaveFileRequest) {
      download(req.suggestedName, req.data);
      return { saved: true, path: req.suggestedName };
    },
    openFile: pickFile,
    async writeBackup(req) {
      const createdAt = new Date().toISOString();
      const name = `tickler-${req.kind}-${createdAt.replace(/[:.]/g, '-')}${BACKUP_EXTENSIONS[req.format ?? 'workbook']}`;
      download(name, req.data);
      const info: BackupInfo = { name, kind: req.kind, createdAt, size: req.data.byteLength, dossiers: req.dossiers };
      const list: BackupInfo[] = JSON.parse(storage.getItem(BACKUPS_KEY) ?? '[]');
      storage.setItem(BACKUPS_KEY, JSON.stringify([info, ...list].slice(0, 30)));
      // Downloads are the user's files: nothing here is ever pruned.
      return { ...info, pruned: [] };
    },
    async listBackups() {
      return JSON.parse(storage.getItem(BACKUPS_KEY) ?? '[]') as BackupInfo[];
    },
    async readBackup(name) {
      throw new Error(`In browser mode backups are downloads: open "${name}" with Restore from file.`);
    },
    async openBackupsFolder() {
      return false;
    },
    async getBinderMarker() {
      try {
        const parsed = binderMarkerSchema.safeParse(JSON.parse(storage.getItem(MARKER_KEY) ?? 'null'));
        return parsed.success ? parsed.data : null;
      } catch {
        return null;
      }
    },
    async setBinderMarker(marker) {
      storage.setItem(MARKER_KEY, JSON.stringify(binderMarkerSchema.parse(marker)));
    },
    async notify(req) {
      if (typeof Notification === 'undefined') return;
      if (Notification.permission === 'default') await Notification.requestPermission();
      if (Notification.permission !== 'granted') return;
      const n = new Notification(req.title, { body: req.body, tag: req.tag });
      n.onclick = () => {
        window.focus();
        clickHandlers.forEach((h) => h(req.tag));
      };
    },
    onNotificationClick(handler) {
      clickHandlers.add(handler);
      return () => {
        clickHandlers.delete(handler);
      };
    },
    async printPage() {
      window.print();
      return { done: true };
    },
    async openExternal(url) {
      if (!isAllowedExternalUrl(url)) return false;
      window.open(url, '_blank', 'noopener,noreferrer');
      return true;
    },
    onCommand(handler) {
      commandHandlers.add(handler);
      return () => {
        commandHandlers.delete(handler);
      };
    },
    dispatchCommand(command) {
      commandHandlers.forEach((h) => h(command));
    },
    // A page cannot know who is logged into the computer: the manager types the name.
    async osUserName() {
      return '';
    },
    async appInfo() {
      return { version: import.meta.env.VITE_APP_VERSION ?? '0.1.0', platform: 'web' as const };
    },
  };
}
