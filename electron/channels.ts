/**
 * IPC channel names shared by main and preload. Kept free of imports so the sandboxed
 * preload bundle stays tiny and requires nothing but 'electron'.
 */
export const INVOKE = {
  getSettings: 'settings:get',
  setSettings: 'settings:set',
  saveFile: 'file:save',
  openFile: 'file:open',
  writeBackup: 'backup:write',
  listBackups: 'backup:list',
  readBackup: 'backup:read',
  openBackupsFolder: 'backup:open-folder',
  getBinderMarker: 'marker:get',
  setBinderMarker: 'marker:set',
  notify: 'notify',
  printPage: 'print',
  openExternal: 'open-external',
  appInfo: 'app-info',
  osUserName: 'os:user-name',
} as const;
export type InvokeChannel = (typeof INVOKE)[keyof typeof INVOKE];

/** Main → renderer events. */
export const EVENTS = {
  command: 'app:command',
  notificationClick: 'notification:click',
} as const;

/**
 * What every invoke returns: errors travel as a message the renderer can show, never as
 * a thrown error whose main-process stack would reach the window.
 */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: string };
