import type { Segment, StepKind } from '../../../shared/model/records';
import type { NewDossierInput } from '../../data/types';
import type { NextDate } from '../../ui/next-date-picker';

/** What the quick-entry form and the paste list collect for one client. */
export interface QuickClient {
  company: string;
  contactName: string;
  phone: string;
  email: string;
  taxId: string;
  segment: Segment | '';
}

/** Maps a quick-entry client and its first step to the data layer's create request. */
export function toNewDossierInput(
  c: QuickClient,
  step: { kind: StepKind; next: NextDate; time: string },
  owner: string,
): NewDossierInput {
  const phone = c.phone.trim();
  const email = c.email.trim();
  const name = c.contactName.trim();
  // A phone or e-mail without a name still belongs to someone: the card shows it under the company.
  const hasContact = name !== '' || phone !== '' || email !== '';
  return {
    company: c.company.trim(),
    taxId: c.taxId.replace(/\s+/g, ''),
    segment: c.segment,
    // The manager who enters a client owns it until a team lead reassigns it.
    owner,
    contacts: hasContact ? [{ name: name || c.company.trim(), phones: phone ? [phone] : [], emails: email ? [email] : [] }] : [],
    next: { ...step.next, kind: step.kind, ...(step.time && 'date' in step.next ? { time: step.time } : {}) },
  };
}
