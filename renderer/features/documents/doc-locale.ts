/** The documents' language: the 'documents' strings and the UI language's money and day formats. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { amountInWords, type DocLocale } from '../../../shared/receivables/documents';
import { formatDay, formatMoney } from '../../ui/format';

export function useDocLocale(): DocLocale {
  const { t, i18n } = useTranslation('documents');
  const lang = i18n.language;
  return useMemo(
    () => ({
      t: (key, params) => t(key, params ?? {}),
      money: (amount, currency) => formatMoney(amount, currency, lang),
      day: (d) => formatDay(d, lang, { day: 'numeric', month: 'long', year: 'numeric' }),
      words: (amount, currency) => amountInWords(amount, currency, lang),
    }),
    [t, lang],
  );
}
