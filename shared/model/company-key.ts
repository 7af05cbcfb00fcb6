/**
 * The name two dossiers of one company share however it was typed: folded (case, ё,
 * diacritics), quotes and punctuation gone, legal forms dropped. «ООО "Ромашка"»,
 * 'Ромашка ООО' and 'ромашка' are one company; 'Ромашка-Юг' is another. Used to warn
 * about duplicates before new dossiers are written, never to merge anything.
 */
import { foldText, isLegalForm } from './search-words';

/** Legal forms written out in full, folded: a paste from a registry extract has them. */
const SPELLED_FORMS = [
  'общество с ограниченной ответственностью',
  'публичное акционерное общество',
  'непубличное акционерное общество',
  'закрытое акционерное общество',
  'открытое акционерное общество',
  'акционерное общество',
  'индивидуальный предприниматель',
  'societate cu raspundere limitata',
  'societate pe actiuni',
  'limited liability company',
];

/** The company's words without legal forms, joined by one space; '' when nothing is left. */
export function companyKey(name: string): string {
  let folded = ` ${foldText(name).replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  for (const form of SPELLED_FORMS) folded = folded.split(` ${form} `).join(' ');
  return folded
    .split(' ')
    .filter((w) => w !== '' && !isLegalForm(w))
    .join(' ');
}

/** A tax id reduced to its digits, so '7707 083893' and '7707083893' compare equal. */
export function taxIdKey(taxId: string): string {
  return taxId.replace(/\D/g, '');
}
