import type { TFunction } from 'i18next';
import { validateTaxId } from '../../../shared/model/tax-id';

/**
 * The inline verdict on a typed INN: an error blocks saving (a wrong INN breaks matching
 * with accounting), an empty one is fine (often unknown for a cold prospect).
 */
export function taxIdVerdict(value: string, t: TFunction): { error?: string; ok?: string } {
  const r = validateTaxId(value);
  if (r.ok) return { ok: t(`dossier:taxId.${r.kind}`) };
  if (r.reason === 'empty') return {};
  return { error: t(`dossier:taxId.${r.reason}`) };
}
