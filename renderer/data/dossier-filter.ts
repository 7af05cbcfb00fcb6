/**
 * The dossier list's filter as one predicate: the data layer applies it to stored rows and
 * the list screen to search results (the search index knows no filters), so both read it alike.
 */
import { foldText } from '../../shared/model/search-words';
import { okvedClassOf } from '../../shared/portfolio/okved';
import { handedOverTo } from '../../shared/portfolio/handover';
import type { DossierSummary, DossierFilter } from './types';

type Filterable = Pick<DossierSummary, 'status' | 'owner' | 'segment' | 'vip' | 'okved' | 'territory' | 'coveredBy' | 'coveredFor' | 'coveredUntil'>;

/** Whether the filter narrows anything but the status (then a count needs the rows). */
export function filtersBeyondStatus(f: DossierFilter): boolean {
  return f.owner !== undefined || f.segment !== undefined || f.vip !== undefined || !!f.industry || !!f.territory?.trim() || !!f.handedOver;
}

export function dossierFilterMatcher(f: DossierFilter): (r: Filterable) => boolean {
  const status = f.status ?? 'active';
  // Territory as typed: case and ё folded, any part of the name ('новосиб' finds 'Новосибирск').
  const territory = f.territory?.trim() ? foldText(f.territory.trim()) : undefined;
  return (r) =>
    (status === 'all' || r.status === status) &&
    (f.owner === undefined || r.owner === f.owner) &&
    (f.segment === undefined || r.segment === f.segment) &&
    (f.vip === undefined || r.vip === f.vip) &&
    (!f.industry || okvedClassOf(r.okved)?.code === f.industry) &&
    (territory === undefined || foldText(r.territory).includes(territory)) &&
    (!f.handedOver || handedOverTo(r) !== undefined);
}
