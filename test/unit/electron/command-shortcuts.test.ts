import { describe, expect, it, vi } from 'vitest';
import { commandForKey, installCommandShortcuts, type KeyLike } from '../../../renderer/bridge/command-shortcuts';

const key = (code: string, mods: Partial<KeyLike> = {}): KeyLike => ({ code, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });

describe('web-mode shortcuts', () => {
  it.each([
    [key('KeyN', { ctrlKey: true }), 'new-dossier'],
    [key('KeyO', { ctrlKey: true }), 'import'],
    [key('KeyE', { ctrlKey: true }), 'export'],
    [key('KeyP', { ctrlKey: true }), 'print'],
    [key('KeyF', { ctrlKey: true }), 'find'],
    [key('KeyF', { metaKey: true }), 'find'],
    [key('Digit1', { altKey: true }), 'go-today'],
    [key('Digit2', { altKey: true }), 'go-binder'],
    [key('Digit3', { altKey: true }), 'go-calendar'],
    [key('Digit4', { altKey: true }), 'go-dossiers'],
    [key('Digit5', { altKey: true }), 'go-sync'],
    [key('Digit6', { altKey: true }), 'go-settings'],
    [key('F1'), 'help'],
  ])('match the menu accelerators (%o → %s)', (e, command) => {
    expect(commandForKey(e)).toBe(command);
  });

  it.each([
    key('KeyN'),
    key('KeyN', { ctrlKey: true, shiftKey: true }),
    key('KeyN', { ctrlKey: true, altKey: true }),
    key('KeyC', { ctrlKey: true }),
    key('Digit7', { altKey: true }),
    key('Digit1', { altKey: true, ctrlKey: true }),
    key('Digit1'),
  ])('leave other keys alone (%o)', (e) => {
    expect(commandForKey(e)).toBeNull();
  });

  it('dispatch the command and stop the browser default; uninstall removes the listener', () => {
    const target = new EventTarget();
    const dispatch = vi.fn();
    const uninstall = installCommandShortcuts(target as unknown as Window, dispatch);
    const press = (init: Partial<KeyLike> & { code: string; repeat?: boolean }) => {
      const e = Object.assign(new Event('keydown', { cancelable: true }), { ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, repeat: false, isComposing: false, ...init });
      target.dispatchEvent(e);
      return e;
    };
    expect(press({ code: 'KeyP', ctrlKey: true }).defaultPrevented).toBe(true);
    expect(dispatch).toHaveBeenCalledWith('print');
    expect(press({ code: 'KeyA' }).defaultPrevented).toBe(false);
    press({ code: 'Digit2', altKey: true, repeat: true });
    expect(dispatch).toHaveBeenCalledTimes(1);
    uninstall();
    press({ code: 'KeyF', ctrlKey: true });
    expect(dispatch).toHaveBeenCalledTimes(1);
  });
});
