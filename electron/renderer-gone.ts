/**
 * The window's renderer process died (a crash, out of memory, killed): without a handler
 * the manager is left in front of a blank window. This offers a reload, in the menu's
 * language; after repeated crashes in a short time it offers to quit instead of looping.
 */
export interface GoneDetails {
  reason: string;
  exitCode?: number;
}

export interface GoneDeps {
  lang: 'ru' | 'en' | 'ro';
  ask(opts: { type: 'error'; title: string; message: string; detail: string; buttons: string[]; defaultId: number; cancelId: number }): Promise<{ response: number }>;
  reload(): void;
  quit(): void;
  now?: () => number;
}

const TEXT = {
  en: {
    title: 'Tickler CRM',
    message: 'The window stopped working.',
    detail: 'Your binder is stored on disk; reloading opens it again. Reason: {reason}.',
    again: 'The window stopped several times in a row. Reason: {reason}. You can reload once more or quit and start the app again.',
    reload: 'Reload',
    quit: 'Quit',
  },
  ru: {
    title: 'Tickler CRM',
    message: 'Окно перестало работать.',
    detail: 'Картотека хранится на диске; после перезагрузки она откроется снова. Причина: {reason}.',
    again: 'Окно перестало работать несколько раз подряд. Причина: {reason}. Можно перезагрузить ещё раз или выйти и запустить программу заново.',
    reload: 'Перезагрузить',
    quit: 'Выйти',
  },
  ro: {
    title: 'Tickler CRM',
    message: 'Fereastra a încetat să funcționeze.',
    detail: 'Biblioraftul este păstrat pe disc; la reîncărcare se deschide din nou. Motivul: {reason}.',
    again: 'Fereastra a încetat să funcționeze de mai multe ori la rând. Motivul: {reason}. Puteți reîncărca încă o dată sau ieși și porni aplicația din nou.',
    reload: 'Reîncarcă',
    quit: 'Ieșire',
  },
} as const;

/** Crashes within this window count as "in a row". */
export const REPEAT_WINDOW_MS = 60_000;
export const REPEATS = 3;

export function createRendererGoneHandler(deps: GoneDeps) {
  const now = deps.now ?? Date.now;
  const recent: number[] = [];
  return async (details: GoneDetails): Promise<'ignored' | 'reloaded' | 'quit'> => {
    // A clean exit is the window closing, not a crash.
    if (details.reason === 'clean-exit') return 'ignored';
    const t = now();
    while (recent.length && t - recent[0]! > REPEAT_WINDOW_MS) recent.shift();
    recent.push(t);
    const text = TEXT[deps.lang];
    const looping = recent.length >= REPEATS;
    const { response } = await deps.ask({
      type: 'error',
      title: text.title,
      message: text.message,
      detail: (looping ? text.again : text.detail).replace('{reason}', details.reason),
      buttons: [text.reload, text.quit],
      defaultId: looping ? 1 : 0,
      // Closing the box reloads, unless the window keeps dying.
      cancelId: looping ? 1 : 0,
    });
    if (response === 0) {
      deps.reload();
      return 'reloaded';
    }
    deps.quit();
    return 'quit';
  };
}
