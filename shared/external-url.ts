/**
 * What the app does with a link that leaves it: web pages over https, e-mail and phone calls
 * go to the system; a plain-http page is opened only after the user agrees (it can be read
 * or changed on the way); everything else (file:, smb:, javascript:, custom handlers) never.
 */
export type ExternalUrlVerdict = 'open' | 'ask' | 'refuse';

// One address: no spaces, quotes, brackets or separators that a mail client could read as
// a second recipient or a header.
const ADDRESS_RE = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:".]+(\.[^\s@<>()[\]\\,;:".]+)+$/;
// Digits with the usual separators, an optional leading +, an optional extension.
const PHONE_RE = /^\+?[\d\s().-]*\d[\d\s().-]*(;ext=\d+)?$/;
// Fields a mail client fills in; others (attach=, attachment=) could make it attach a local file.
const MAILTO_FIELDS: ReadonlySet<string> = new Set(['subject', 'body', 'cc', 'bcc']);

function decode(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

const isAddressList = (list: string): boolean => list.split(',').every((a) => ADDRESS_RE.test(a.trim()));

/** mailto: with at least one valid recipient, valid cc/bcc, and no field beyond subject and body. */
export function isValidMailto(url: URL): boolean {
  const to = decode(url.pathname);
  if (!to || !isAddressList(to)) return false;
  for (const [field, value] of url.searchParams) {
    const name = field.toLowerCase();
    if (!MAILTO_FIELDS.has(name)) return false;
    if ((name === 'cc' || name === 'bcc') && !isAddressList(value)) return false;
  }
  return true;
}

export function externalUrlVerdict(url: string): ExternalUrlVerdict {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return 'refuse';
  }
  switch (u.protocol) {
    case 'https:':
      return u.hostname ? 'open' : 'refuse';
    case 'http:':
      return u.hostname ? 'ask' : 'refuse';
    case 'mailto:':
      return isValidMailto(u) ? 'open' : 'refuse';
    case 'tel:': {
      const number = decode(u.pathname);
      return number && PHONE_RE.test(number) && u.search === '' ? 'open' : 'refuse';
    }
    default:
      return 'refuse';
  }
}

/** A link the app may hand on at all (https, mailto, tel, and http after asking). */
export function isAllowedExternalUrl(url: string): boolean {
  return externalUrlVerdict(url) !== 'refuse';
}
