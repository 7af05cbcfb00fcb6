import type { AppCommand } from '../../shared/bridge';

/** The parts of a KeyboardEvent that decide the command. */
export interface KeyLike {
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

/** Ctrl (Cmd on a Mac) + letter: the same accelerators as the Electron File and View menus. */
const CTRL_KEYS: Record<string, AppCommand> = {
  KeyN: 'new-dossier',
  KeyO: 'import',
  KeyE: 'export',
  KeyP: 'print',
  KeyF: 'find',
};
/** Alt + digit: the screens, in sidebar order. */
const ALT_DIGITS: Record<string, AppCommand> = {
  Digit1: 'go-today',
  Digit2: 'go-binder',
  Digit3: 'go-calendar',
  Digit4: 'go-dossiers',
  Digit5: 'go-sync',
  Digit6: 'go-settings',
};

/**
 * The command a key press means, or null. Physical key codes, not characters, so the
 * shortcuts work the same on a Russian keyboard layout (Ctrl+N is Ctrl+Т there).
 */
export function commandForKey(e: KeyLike): AppCommand | null {
  if (e.shiftKey) return null;
  const ctrl = e.ctrlKey !== e.metaKey; // exactly one of them
  if (ctrl && !e.altKey) return CTRL_KEYS[e.code] ?? null;
  if (e.altKey && !e.ctrlKey && !e.metaKey) return ALT_DIGITS[e.code] ?? null;
  if (!e.ctrlKey && !e.metaKey && !e.altKey && e.code === 'F1') return 'help';
  return null;
}

/**
 * Web mode's stand-in for the application menu: the same shortcuts arrive as the same
 * commands, so features subscribe with `bridge.onCommand` on both platforms. The browser's
 * own action (print dialog, find bar) is suppressed where the browser lets a page do so.
 */
export function installCommandShortcuts(target: Pick<Window, 'addEventListener' | 'removeEventListener'>, dispatch: (c: AppCommand) => void): () => void {
  const onKey = (e: KeyboardEvent) => {
    if (e.repeat || e.isComposing) return;
    const command = commandForKey(e);
    if (!command) return;
    e.preventDefault();
    dispatch(command);
  };
  target.addEventListener('keydown', onKey);
  return () => target.removeEventListener('keydown', onKey);
}
