/** The letterhead, the addressee and the signature every document shares. */
import { fileSafe } from '../../file-safe';
import type { DocClient, DocLocale, DocParty, DocSender, DocSignature } from './model';


/** "label: value" for each filled requisite, in letterhead order. */
function labelled(loc: DocLocale, pairs: [string, string][]): string[] {
  return pairs.filter(([, v]) => v.trim()).map(([k, v]) => `${loc.t(`req.${k}`)}: ${v}`);
}

export function senderParty(s: DocSender, loc: DocLocale): DocParty {
  const r = s.requisites;
  const company = r.company.trim() || s.managerName;
  return {
    heading: loc.t('from'),
    lines: [
      company,
      ...labelled(loc, [['inn', r.inn], ['kpp', r.kpp], ['ogrn', r.ogrn], ['cui', r.cui], ['regCom', r.regCom]]),
      ...(r.address.trim() ? [r.address.trim()] : []),
      ...labelled(loc, [['phone', r.managerPhone], ['email', r.managerEmail]]),
    ],
  };
}

export function clientParty(c: DocClient, loc: DocLocale): DocParty {
  const contact = [c.contactPosition, c.contactName].filter((x) => x.trim()).join(' ');
  return {
    heading: loc.t('to'),
    lines: [c.company, ...labelled(loc, [['taxId', c.taxId]]), ...(contact ? [contact] : [])],
  };
}

/** Where the client pays: the bank lines of the requisites (Russian account or IBAN), empty when none is set. */
export function bankLines(s: DocSender, loc: DocLocale): string[] {
  const r = s.requisites;
  return labelled(loc, [['bank', r.bank], ['bic', r.bic], ['account', r.account], ['corrAccount', r.corrAccount], ['iban', r.iban]]);
}

export function senderSignature(s: DocSender, loc: DocLocale): DocSignature {
  return { heading: s.requisites.company.trim() || loc.t('from'), position: s.requisites.managerPosition, name: s.managerName };
}

/** "Dear Ivan Petrov," or "Dear Sirs," when the dossier names nobody. */
export function salutation(c: DocClient, loc: DocLocale): string {
  return c.contactName.trim() ? loc.t('dear', { name: c.contactName.trim() }) : loc.t('dearSirs');
}

/** An amount as the language writes it on a document: figures, and words where that is the custom. */
export function amountText(amount: number, currency: string, loc: DocLocale): string {
  const words = loc.words(amount, currency);
  return words ? `${loc.money(amount, currency)} (${words})` : loc.money(amount, currency);
}

export { fileSafe };
