import { z } from 'zod';
import { APP_COMMANDS } from '../shared/bridge';
import type { BackupInfo, Bridge, OpenedFile, PrintResult, SaveFileResult } from '../shared/bridge';
import { binderMarkerSchema, type BinderMarker } from '../shared/model/binder-marker';
import type { Settings } from '../shared/model/settings';
import { INVOKE } from './channels';
import { route, type Route } from './ipc';

/** Payload schemas: the renderer is not trusted, so every field is checked in main. */
const fileFilters = z.array(z.object({ name: z.string().max(100), extensions: z.array(z.string().regex(/^[A-Za-z0-9*]{1,10}$/)).max(20) })).max(20).optional();
const bytes = z.instanceof(Uint8Array);
const fileName = z.string().min(1).max(255);

export const payloadSchemas = {
  none: z.undefined(),
  settingsPatch: z.record(z.string(), z.unknown()),
  saveFile: z.object({ suggestedName: fileName, data: bytes, filters: fileFilters }).strict(),
  openFile: z.object({ filters: fileFilters }).strict(),
  writeBackup: z.object({ kind: z.enum(['daily', 'pre-import', 'manual']), data: bytes, dossiers: z.number().int().min(0).max(10_000_000), format: z.enum(['workbook', 'copy']).optional() }).strict(),
  marker: binderMarkerSchema,
  backupName: z.string().min(1).max(255),
  notify: z.object({ title: z.string().max(300), body: z.string().max(2000), tag: z.string().max(300) }).strict(),
  print: z.object({ mode: z.enum(['print', 'pdf']), suggestedName: fileName }).strict(),
  url: z.string().max(4096),
  command: z.enum(APP_COMMANDS),
};

/** The main-process services the routes call. */
export interface RouteServices {
  settings: { get(): Settings; set(patch: unknown): Settings };
  files: { saveFile: Bridge['saveFile']; openFile: Bridge['openFile'] };
  backups: { write: Bridge['writeBackup']; list(): Promise<BackupInfo[]>; read(name: string): Promise<Uint8Array>; openFolder(): Promise<boolean> };
  marker: { get(): BinderMarker | null; set(marker: BinderMarker): void };
  notifications: { notify(req: z.infer<typeof payloadSchemas.notify>): void };
  pdf: { printPage: Bridge['printPage'] };
  openExternal(url: string): Promise<boolean>;
  appInfo(): { version: string; platform: 'electron'; userDataDir: string; backupsDir: string };
  osUserName(): string;
}

export function buildRoutes(s: RouteServices): Record<string, Route> {
  const p = payloadSchemas;
  const routes: Record<(typeof INVOKE)[keyof typeof INVOKE], Route> = {
    [INVOKE.getSettings]: route(p.none, () => s.settings.get()),
    // The settings service applies the strict patch schema (unknown keys refused).
    [INVOKE.setSettings]: route(p.settingsPatch, (patch) => s.settings.set(patch)),
    [INVOKE.saveFile]: route(p.saveFile, (req): Promise<SaveFileResult> => s.files.saveFile(req)),
    [INVOKE.openFile]: route(p.openFile, (req): Promise<OpenedFile | null> => s.files.openFile(req)),
    [INVOKE.writeBackup]: route(p.writeBackup, (req) => s.backups.write(req)),
    [INVOKE.listBackups]: route(p.none, () => s.backups.list()),
    [INVOKE.readBackup]: route(p.backupName, (name) => s.backups.read(name)),
    [INVOKE.openBackupsFolder]: route(p.none, () => s.backups.openFolder()),
    [INVOKE.getBinderMarker]: route(p.none, () => s.marker.get()),
    [INVOKE.setBinderMarker]: route(p.marker, (m) => s.marker.set(m)),
    [INVOKE.notify]: route(p.notify, (req) => s.notifications.notify(req)),
    [INVOKE.printPage]: route(p.print, (req): Promise<PrintResult> => s.pdf.printPage(req)),
    [INVOKE.openExternal]: route(p.url, (url) => s.openExternal(url)),
    [INVOKE.appInfo]: route(p.none, () => s.appInfo()),
    [INVOKE.osUserName]: route(p.none, () => s.osUserName()),
  };
  return routes;
}
