import { describe, expect, it, vi } from 'vitest';
import { EventEmitter } from 'node:events';
import { clampWindowState, DEFAULT_WINDOW_STATE, loadWindowState, trackWindowState } from '../../../electron/window';

const laptop = { x: 0, y: 0, width: 1920, height: 1040 };
const rightMonitor = { x: 1920, y: 0, width: 2560, height: 1400 };

describe('window state', () => {
  it('restores a window that is on a current display as it was', () => {
    const s = clampWindowState({ x: 2000, y: 100, width: 1400, height: 900, maximized: true }, [laptop, rightMonitor]);
    expect(s).toEqual({ x: 2000, y: 100, width: 1400, height: 900, maximized: true });
  });

  it('centres a window saved on a monitor that is gone onto the primary display', () => {
    const s = clampWindowState({ x: 2000, y: 100, width: 1400, height: 900, maximized: false }, [laptop]);
    expect(s).toEqual({ x: 260, y: 70, width: 1400, height: 900, maximized: false });
  });

  it('shrinks a window larger than its display and pulls it back inside', () => {
    const s = clampWindowState({ x: -50, y: 10, width: 3000, height: 2000 }, [laptop]);
    expect(s).toMatchObject({ x: 0, y: 0, width: 1920, height: 1040 });
  });

  it('never puts the title bar above the top of the display', () => {
    const s = clampWindowState({ x: 100, y: -400, width: 1200, height: 800 }, [laptop]);
    expect(s.y).toBeGreaterThanOrEqual(0);
  });

  it('uses the default size for missing or damaged state', () => {
    for (const saved of [undefined, null, 'x', { width: 'wide' }, { width: -1, height: 5 }]) {
      const s = clampWindowState(saved, [laptop]);
      expect(s).toMatchObject({ width: DEFAULT_WINDOW_STATE.width, height: DEFAULT_WINDOW_STATE.height, maximized: false });
      expect(s.x! + s.width).toBeLessThanOrEqual(laptop.width);
    }
  });

  it('reads unreadable state files as no state', async () => {
    expect(await loadWindowState('/nope', async () => Promise.reject(new Error('ENOENT')))).toBeUndefined();
    expect(await loadWindowState('/bad', async () => '{oops')).toBeUndefined();
    expect(await loadWindowState('/ok', async () => '{"width":1000,"height":700}')).toEqual({ width: 1000, height: 700 });
  });

  it('saves the normal bounds and maximised flag on close', () => {
    const win = Object.assign(new EventEmitter(), {
      getNormalBounds: () => ({ x: 10, y: 20, width: 1000, height: 700 }),
      isMaximized: () => true,
    });
    const save = vi.fn();
    trackWindowState(win, save);
    win.emit('close');
    expect(save).toHaveBeenCalledWith({ x: 10, y: 20, width: 1000, height: 700, maximized: true });
  });
});
