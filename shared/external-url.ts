/** Schemes the app may hand to the system: web links, e-mail and phone calls. */
export const ALLOWED_EXTERNAL_SCHEMES = ['https:', 'http:', 'mailto:', 'tel:'] as const;

export function isAllowedExternalUrl(url: string): boolean {
  try {
    return (ALLOWED_EXTERNAL_SCHEMES as readonly string[]).includes(new URL(url).protocol);
  } catch {
    return false;
  }
}
