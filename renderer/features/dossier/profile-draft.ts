/**
 * The client's profile as the card edits it: typed texts in, checked fields out. Pure, so
 * the rules of what saves (an ОКВЭД code in one of its five forms, whole head counts, a
 * registration day) are tested without a screen.
 */
import type { Dossier, Segment } from '../../../shared/model/records';
import { checkOkved } from '../../../shared/portfolio/okved';
import { isNamedVipCriterion, withVipCriteria, type VipCriterion } from '../../../shared/portfolio/profile';

export interface ProfileDraft {
  /** '' = follow the figures (the thresholds in Settings). */
  segment: Segment | '';
  revenue: string;
  headcount: string;
  okved: string;
  /** A day, '' for none, null while the typed text names no day. */
  registeredOn: string | null;
  named: VipCriterion[];
  /** Free criteria, separated by commas. */
  free: string;
  /** A VIP flag with no criterion (set before criteria existed, or by the star): kept while ticked. */
  bareVip: boolean;
}

type ProfileFields = Pick<Dossier, 'segment' | 'annualRevenue' | 'headcount' | 'okved' | 'registeredOn' | 'vipCriteria' | 'vip'>;

export function profileDraftOf(d: ProfileFields): ProfileDraft {
  const criteria = d.vipCriteria ?? [];
  return {
    segment: d.segment,
    revenue: d.annualRevenue === undefined ? '' : String(d.annualRevenue),
    headcount: d.headcount === undefined ? '' : String(d.headcount),
    okved: d.okved ?? '',
    registeredOn: d.registeredOn ?? '',
    named: criteria.filter(isNamedVipCriterion),
    free: criteria.filter((c) => !isNamedVipCriterion(c)).join(', '),
    bareVip: d.vip && criteria.length === 0,
  };
}

export type ProfileError = 'okvedForm' | 'okvedClass' | 'revenue' | 'headcount' | 'registeredOn' | 'registeredFuture';

/** Spaces (1 000 000, also no-break ones) and a decimal comma as people type amounts. */
function readAmount(text: string, whole: boolean): number | undefined | null {
  const t = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (t === '') return undefined;
  if (!(whole ? /^\d+$/ : /^\d+(\.\d+)?$/).test(t)) return null;
  return Number(t);
}

/** The draft's problems, by field; empty when it saves. */
export function profileErrors(d: ProfileDraft, today: string): Partial<Record<'okved' | 'revenue' | 'headcount' | 'registeredOn', ProfileError>> {
  const out: Partial<Record<'okved' | 'revenue' | 'headcount' | 'registeredOn', ProfileError>> = {};
  if (d.okved.trim()) {
    const r = checkOkved(d.okved);
    if (!r.ok) out.okved = r.reason === 'form' ? 'okvedForm' : 'okvedClass';
  }
  if (readAmount(d.revenue, false) === null) out.revenue = 'revenue';
  if (readAmount(d.headcount, true) === null) out.headcount = 'headcount';
  if (d.registeredOn === null) out.registeredOn = 'registeredOn';
  else if (d.registeredOn && d.registeredOn > today) out.registeredOn = 'registeredFuture';
  return out;
}

/** The fields to save (call only when `profileErrors` is empty): cleared texts clear their field. */
export function profilePatchOf(d: ProfileDraft): Omit<ProfileFields, 'segment'> & { segment: Segment | '' } {
  const okved = checkOkved(d.okved);
  const criteria = withVipCriteria([...d.named, ...d.free.split(',')]);
  return {
    segment: d.segment,
    annualRevenue: readAmount(d.revenue, false) ?? undefined,
    headcount: readAmount(d.headcount, true) ?? undefined,
    okved: okved.ok ? okved.code : undefined,
    registeredOn: d.registeredOn || undefined,
    vipCriteria: criteria.vipCriteria,
    vip: criteria.vip || d.bareVip,
  };
}
