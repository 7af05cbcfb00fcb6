import type { BrowserWindow, Dialog, MessageBoxOptions } from 'electron';
import type { MenuLocale } from './menu';
import type { ConfirmInsecureLink } from './security';

const TEXT = {
  en: {
    message: (host: string) => `Open ${host} over an unprotected connection?`,
    detail: 'The link uses http, not https: what you see and send on that page can be read or changed on the way.',
    open: 'Open',
    cancel: 'Cancel',
  },
  ru: {
    message: (host: string) => `Открыть ${host} по незащищённому соединению?`,
    detail: 'Ссылка использует http, а не https: то, что вы увидите и отправите на этой странице, могут прочитать или подменить по дороге.',
    open: 'Открыть',
    cancel: 'Отмена',
  },
  ro: {
    message: (host: string) => `Deschideți ${host} printr-o conexiune neprotejată?`,
    detail: 'Linkul folosește http, nu https: ce vedeți și trimiteți pe acea pagină poate fi citit sau modificat pe drum.',
    open: 'Deschideți',
    cancel: 'Anulare',
  },
} as const;

// A long link is cut in the dialog (the host is named in full above it).
const MAX_SHOWN = 300;

/** The question before a plain-http link leaves the app: the host, the link, Cancel by default. */
export function insecureLinkPrompt(locale: MenuLocale, url: string): MessageBoxOptions {
  const l = TEXT[locale];
  const shown = url.length > MAX_SHOWN ? `${url.slice(0, MAX_SHOWN)}…` : url;
  return {
    type: 'warning',
    title: 'Tickler CRM',
    message: l.message(new URL(url).host),
    detail: `${shown}\n\n${l.detail}`,
    buttons: [l.open, l.cancel],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
  };
}

export interface InsecureLinkConfirmDeps {
  dialog: Pick<Dialog, 'showMessageBox'>;
  getWindow(): BrowserWindow | null;
  /** The interface language at the moment of asking. */
  locale(): MenuLocale;
}

/** Asks in a message box over the app window; only the Open button opens the link. */
export function createInsecureLinkConfirm(deps: InsecureLinkConfirmDeps): ConfirmInsecureLink {
  return async (url) => {
    const options = insecureLinkPrompt(deps.locale(), url);
    const win = deps.getWindow();
    const { response } = win ? await deps.dialog.showMessageBox(win, options) : await deps.dialog.showMessageBox(options);
    return response === 0;
  };
}
