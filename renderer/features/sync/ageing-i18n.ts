import type { Translation } from '../../ui/i18n/translation';

/** The ageing report's button, sheets and columns (the 'sync' namespace's `ageing`). */
export const en = {
  button: 'Receivables ageing',
  sheet: { clients: 'Ageing by client', totals: 'Totals by currency' },
  col: { currency: 'Currency', total: 'Total open', invoices: 'Invoices', clients: 'Clients' },
};

export const ru: Translation<typeof en> = {
  button: 'Старение дебиторской задолженности',
  sheet: { clients: 'По клиентам', totals: 'Итоги по валютам' },
  col: { currency: 'Валюта', total: 'Всего к оплате', invoices: 'Счетов', clients: 'Клиентов' },
};

export const ro: Translation<typeof en> = {
  button: 'Vechimea creanțelor',
  sheet: { clients: 'Pe clienți', totals: 'Totaluri pe monede' },
  col: { currency: 'Moneda', total: 'Total de încasat', invoices: 'Facturi', clients: 'Clienți' },
};
