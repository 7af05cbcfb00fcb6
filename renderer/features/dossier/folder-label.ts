import type { TFunction } from 'i18next';
import { isMonthKey } from '../../../shared/model/filing';
import { formatDay, formatMonth, formatWeekday } from '../../ui/format';

/**
 * A folder key as the manager names the insert: "Wed 25 Nov" for a day folder,
 * "December folder" for a month folder. Used by counters, toasts and the dossier header.
 */
export function folderLabel(key: string, lang: string, t: TFunction): string {
  if (isMonthKey(key)) return t('dossier:new.monthFolder', { month: formatMonth(key, lang, { month: 'long', year: 'numeric' }) });
  return `${formatWeekday(key, lang)} ${formatDay(key, lang, { day: 'numeric', month: 'short' })}`;
}
