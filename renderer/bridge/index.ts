import type { Bridge } from '../../shared/bridge';
import { installCommandShortcuts } from './command-shortcuts';
import { createWebBridge } from './web-bridge';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in web mode. */
    tickler?: Bridge;
  }
}

let bridge: Bridge | undefined;

/**
 * The platform: the preload's IPC bridge in Electron (where the menu's accelerators send
 * commands), otherwise the browser bridge with the same shortcuts handled in the page.
 */
export function getBridge(): Bridge {
  if (!bridge) {
    if (window.tickler) {
      bridge = window.tickler;
    } else {
      const web = createWebBridge();
      installCommandShortcuts(window, web.dispatchCommand);
      bridge = web;
    }
  }
  return bridge;
}
