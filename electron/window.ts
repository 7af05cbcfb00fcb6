import type { Rectangle, WebPreferences } from 'electron';
import { z } from 'zod';

/**
 * The renderer's web preferences: isolated, sandboxed, no Node, web security on. The
 * preload (a single bundled CJS file) is the only bridge to the main process.
 */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  };
}

export const windowStateSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(1),
  height: z.number().int().min(1),
  maximized: z.boolean().default(false),
});
export type WindowState = z.infer<typeof windowStateSchema>;

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 820, maximized: false };
export const MIN_SIZE = { width: 900, height: 600 };

function overlap(a: Rectangle, b: Rectangle): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * Restores a saved window within the displays that exist now: a window saved on a monitor
 * that was since unplugged comes back centred on the primary display, never off-screen,
 * and never larger than the display it lands on.
 */
export function clampWindowState(saved: unknown, workAreas: Rectangle[]): WindowState {
  const parsed = windowStateSchema.safeParse(saved);
  const state = parsed.success ? parsed.data : DEFAULT_WINDOW_STATE;
  const primary = workAreas[0];
  if (!primary) return { ...state, x: undefined, y: undefined };

  const fit = (area: Rectangle) => ({
    width: Math.max(Math.min(state.width, area.width), Math.min(MIN_SIZE.width, area.width)),
    height: Math.max(Math.min(state.height, area.height), Math.min(MIN_SIZE.height, area.height)),
  });

  if (state.x !== undefined && state.y !== undefined) {
    const rect = { x: state.x, y: state.y, width: state.width, height: state.height };
    const best = workAreas.map((a) => ({ a, o: overlap(rect, a) })).sort((p, q) => q.o - p.o)[0]!;
    // Keep the saved place if a good part of the window is visible; it is then pulled fully
    // inside that display, so the title bar can always be grabbed.
    if (best.o >= Math.min(rect.width * rect.height, 100 * 100)) {
      const { width, height } = fit(best.a);
      const x = Math.min(Math.max(state.x, best.a.x), best.a.x + best.a.width - width);
      const y = Math.min(Math.max(state.y, best.a.y), best.a.y + best.a.height - height);
      return { x, y, width, height, maximized: state.maximized };
    }
  }
  const { width, height } = fit(primary);
  return {
    x: primary.x + Math.round((primary.width - width) / 2),
    y: primary.y + Math.round((primary.height - height) / 2),
    width,
    height,
    maximized: state.maximized,
  };
}

/** Reads the saved window state; anything unreadable means "no saved state". */
export async function loadWindowState(file: string, readFile: (f: string) => Promise<string>): Promise<unknown> {
  try {
    return JSON.parse(await readFile(file));
  } catch {
    return undefined;
  }
}

/** The part of a BrowserWindow whose state is persisted. */
export interface StatefulWindow {
  getNormalBounds(): Rectangle;
  isMaximized(): boolean;
  on(event: 'close', listener: () => void): unknown;
}

/** Saves size, position and maximised state when the window closes. */
export function trackWindowState(win: StatefulWindow, save: (state: WindowState) => void): void {
  win.on('close', () => {
    const b = win.getNormalBounds();
    save({ x: b.x, y: b.y, width: b.width, height: b.height, maximized: win.isMaximized() });
  });
}
