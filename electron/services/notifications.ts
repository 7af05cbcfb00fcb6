import type { BrowserWindow, NotificationConstructorOptions } from 'electron';
import type { NotifyRequest } from '../../shared/bridge';

/** The part of Electron's Notification class used here; tests pass a fake. */
export interface NotificationLike {
  on(event: 'click' | 'close', listener: () => void): unknown;
  show(): void;
}
export interface NotificationClass {
  new (options: NotificationConstructorOptions): NotificationLike;
  isSupported(): boolean;
}

export interface NotificationDeps {
  Notification: NotificationClass;
  getWindow(): BrowserWindow | null;
  /** Tells the renderer which notification was clicked. */
  sendClick(tag: string): void;
}

export function createNotificationService(deps: NotificationDeps) {
  // Notifications are held until closed: a collected one loses its click handler.
  const live = new Set<NotificationLike>();
  return {
    notify(req: NotifyRequest): void {
      if (!deps.Notification.isSupported()) return;
      const n = new deps.Notification({ title: req.title, body: req.body });
      live.add(n);
      n.on('click', () => {
        live.delete(n);
        const win = deps.getWindow();
        if (win) {
          if (win.isMinimized()) win.restore();
          win.show();
          win.focus();
        }
        deps.sendClick(req.tag);
      });
      n.on('close', () => live.delete(n));
      n.show();
    },
    get liveCount() {
      return live.size;
    },
  };
}
