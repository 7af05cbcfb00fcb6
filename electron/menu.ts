import type { MenuItemConstructorOptions } from 'electron';
import type { AppCommand } from '../shared/bridge';

export type MenuLocale = 'ru' | 'en' | 'ro';

export const MENU_LABELS = {
  en: {
    file: '&File', newDossier: 'New dossier', import: 'Import…', export: 'Export…', backup: 'Backup now', print: 'Print…',
    edit: '&Edit', view: '&View', today: 'Today', binder: 'Binder', calendar: 'Calendar', dossiers: 'Dossiers',
    sync: 'Sync', settings: 'Settings', find: 'Find…', undo: 'Undo', help: '&Help', shortcuts: 'Keyboard shortcuts', about: 'About Tickler CRM',
  },
  ru: {
    file: '&Файл', newDossier: 'Новое досье', import: 'Импорт…', export: 'Экспорт…', backup: 'Резервная копия сейчас', print: 'Печать…',
    edit: '&Правка', view: '&Вид', today: 'Сегодня', binder: 'Картотека', calendar: 'Календарь', dossiers: 'Досье',
    sync: 'Синхронизация', settings: 'Настройки', find: 'Найти…', undo: 'Отменить', help: '&Справка', shortcuts: 'Сочетания клавиш', about: 'О программе Tickler CRM',
  },
  ro: {
    file: '&Fișier', newDossier: 'Dosar nou', import: 'Import…', export: 'Export…', backup: 'Copie de siguranță acum', print: 'Tipărire…',
    edit: '&Editare', view: '&Vizualizare', today: 'Azi', binder: 'Biblioraft', calendar: 'Calendar', dossiers: 'Dosare',
    sync: 'Sincronizare', settings: 'Setări', find: 'Caută…', undo: 'Anulează', help: '&Ajutor', shortcuts: 'Scurtături de tastatură', about: 'Despre Tickler CRM',
  },
} as const;

type LabelKey = keyof (typeof MENU_LABELS)['en'];

/** Command items: [label, command, accelerator]. The command doubles as the item id. */
const FILE_ITEMS: [LabelKey, AppCommand, string?][] = [
  ['newDossier', 'new-dossier', 'CmdOrCtrl+N'],
  ['import', 'import', 'CmdOrCtrl+O'],
  ['export', 'export', 'CmdOrCtrl+E'],
  ['backup', 'backup'],
  ['print', 'print', 'CmdOrCtrl+P'],
];
const VIEW_ITEMS: [LabelKey, AppCommand, string?][] = [
  ['today', 'go-today', 'Alt+1'],
  ['binder', 'go-binder', 'Alt+2'],
  ['calendar', 'go-calendar', 'Alt+3'],
  ['dossiers', 'go-dossiers', 'Alt+4'],
  ['sync', 'go-sync', 'Alt+5'],
  ['settings', 'go-settings', 'Alt+6'],
  ['find', 'find', 'CmdOrCtrl+F'],
];

export interface MenuOptions {
  locale: MenuLocale;
  isDev: boolean;
  isMac: boolean;
  /** Delivers a command to the renderer (the focused window). */
  send(command: AppCommand): void;
}

/** The application menu as a template: pure, so labels, shortcuts and commands are testable. */
export function buildMenuTemplate(opts: MenuOptions): MenuItemConstructorOptions[] {
  const l = MENU_LABELS[opts.locale];
  const items = (list: [LabelKey, AppCommand, string?][]): MenuItemConstructorOptions[] =>
    list.map(([label, command, accelerator]) => ({ id: command, label: l[label], accelerator, click: () => opts.send(command) }));

  const file = items(FILE_ITEMS);
  const view = items(VIEW_ITEMS);
  return [
    ...(opts.isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: l.file,
      submenu: [...file.slice(0, 3), { type: 'separator' }, file[3]!, file[4]!, { type: 'separator' }, opts.isMac ? { role: 'close' } : { role: 'quit' }],
    },
    // Undo is the app's command: the renderer undoes the last refile or move, or the text
    // field's own edit when one has the focus (a role would only ever do the latter).
    { label: l.edit, submenu: [{ id: 'undo', label: l.undo, accelerator: 'CmdOrCtrl+Z', click: () => opts.send('undo') }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }] },
    {
      label: l.view,
      submenu: [
        ...view.slice(0, 6),
        { type: 'separator' },
        view[6]!,
        // Reload and the developer tools only while developing: a user has no use for them.
        ...(opts.isDev ? [{ type: 'separator' as const }, { role: 'reload' as const }, { role: 'toggleDevTools' as const }] : []),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { role: 'togglefullscreen' },
      ],
    },
    {
      label: l.help,
      submenu: [
        { id: 'help', label: l.shortcuts, accelerator: 'F1', click: () => opts.send('help') },
        { type: 'separator' },
        { label: l.about, role: 'about' },
      ],
    },
  ];
}

/** The chosen language, or before the first run the system's, as the renderer decides it. */
export function menuLocaleOf(language: MenuLocale | null, systemLocale: string): MenuLocale {
  if (language) return language;
  const l = systemLocale.toLowerCase();
  if (/^(ro|mo)\b/.test(l)) return 'ro';
  return /^(ru|be|uk|kk)\b/.test(l) ? 'ru' : 'en';
}
