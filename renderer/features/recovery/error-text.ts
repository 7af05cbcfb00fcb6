import i18next from 'i18next';
import { isQuotaError } from '../../data/storage-errors';

/**
 * What the user reads when an action fails: a full disk gets its own message (nothing was
 * saved; free space, try again), anything else the generic one with the error's message.
 */
export function errorText(err: unknown): string {
  if (isQuotaError(err)) return i18next.t('recovery:quota');
  return i18next.t('common:state.error', { message: err instanceof Error ? err.message : String(err) });
}
