/**
 * Amounts in words, as Russian payment documents and claims write them next to the figures
 * ("5 500 000,00 ₽ (пять миллионов пятьсот тысяч рублей 00 копеек)"), and Romanian ones in
 * lei. n2words (zero dependencies, 70 languages, currency forms with the right plural
 * endings) does the grammar; other languages and currencies get figures only.
 */
import { toCurrency as ruCurrency } from 'n2words/ru-RU';
import { toCurrency as roCurrency } from 'n2words/ro-RO';

export function amountInWords(amount: number, currency: string, lang: string): string | undefined {
  if (!Number.isFinite(amount) || amount < 0) return undefined;
  const rounded = Math.round(amount * 100) / 100;
  if (lang === 'ru' && currency === 'RUB') return ruCurrency(rounded);
  if (lang === 'ro' && currency === 'RON') return roCurrency(rounded);
  return undefined;
}
