import type { Bridge } from '../../shared/bridge';
import { createWebBridge } from './web-bridge';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in web mode. */
    tickler?: Bridge;
  }
}

let bridge: Bridge | undefined;

/** The platform: the preload's IPC bridge in Electron, the browser bridge otherwise. */
export function getBridge(): Bridge {
  bridge ??= window.tickler ?? createWebBridge();
  return bridge;
}
