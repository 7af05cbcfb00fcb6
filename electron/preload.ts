import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { APP_COMMANDS, type AppCommand, type Bridge } from '../shared/bridge';
import { EVENTS, INVOKE, type InvokeChannel, type IpcResult } from './channels';

/**
 * The sandboxed preload: exposes exactly the Bridge as `window.tickler`. Every call is an
 * asynchronous invoke; main answers `{ ok, value | error }` and a refusal becomes an Error
 * with the main process's message only (no main-process stack reaches the page).
 */
async function call<T>(channel: InvokeChannel, payload?: unknown): Promise<T> {
  // Calls without a payload send no argument at all, which main reads as `undefined`.
  const res = (await (payload === undefined ? ipcRenderer.invoke(channel) : ipcRenderer.invoke(channel, payload))) as IpcResult<T>;
  if (!res.ok) throw new Error(res.error);
  return res.value;
}

/** Subscribes to a main → renderer event; the IPC event object never reaches the page. */
function subscribe<T>(channel: string, accept: (v: unknown) => v is T, handler: (v: T) => void): () => void {
  const listener = (_event: IpcRendererEvent, value: unknown) => {
    if (accept(value)) handler(value);
  };
  ipcRenderer.on(channel, listener);
  return () => {
    ipcRenderer.removeListener(channel, listener);
  };
}

const isCommand = (v: unknown): v is AppCommand => (APP_COMMANDS as readonly unknown[]).includes(v);
const isString = (v: unknown): v is string => typeof v === 'string';

const bridge: Bridge = {
  platform: 'electron',
  getSettings: () => call(INVOKE.getSettings),
  setSettings: (patch) => call(INVOKE.setSettings, patch),
  saveFile: (req) => call(INVOKE.saveFile, req),
  openFile: (req) => call(INVOKE.openFile, req),
  writeBackup: (req) => call(INVOKE.writeBackup, req),
  listBackups: () => call(INVOKE.listBackups),
  readBackup: (name) => call(INVOKE.readBackup, name),
  openBackupsFolder: () => call(INVOKE.openBackupsFolder),
  getBinderMarker: () => call(INVOKE.getBinderMarker),
  setBinderMarker: (marker) => call(INVOKE.setBinderMarker, marker),
  notify: (req) => call(INVOKE.notify, req),
  onNotificationClick: (handler) => subscribe(EVENTS.notificationClick, isString, handler),
  printPage: (req) => call(INVOKE.printPage, req),
  openExternal: (url) => call(INVOKE.openExternal, url),
  onCommand: (handler) => subscribe(EVENTS.command, isCommand, handler),
  appInfo: () => call(INVOKE.appInfo),
  osUserName: () => call(INVOKE.osUserName),
};

contextBridge.exposeInMainWorld('tickler', bridge);
