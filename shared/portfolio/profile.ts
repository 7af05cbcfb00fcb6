/**
 * The client's profile: the size segment from revenue and headcount, "new company", and
 * VIP by named criteria. Pure rules over the dossier's profile fields.
 */
import { addMonths, compareDays } from '../dates/calendar-day';
import type { Dossier, Segment } from '../model/records';
import { defaultSettings, type Settings } from '../model/settings';

/** Upper bounds of the small and medium segments (inclusive); above medium is large. */
export type SegmentThresholds = Settings['segmentThresholds'];

/** The settings' defaults (Russia's SME law, 209-ФЗ): Settings may change them (other currency, other law). */
export const DEFAULT_SEGMENT_THRESHOLDS: SegmentThresholds = defaultSettings().segmentThresholds;

const RANK: Record<Segment, number> = { small: 0, medium: 1, large: 2 };

function sizeBy(value: number | undefined, smallMax: number, mediumMax: number): Segment | undefined {
  if (value === undefined || !(value > 0)) return undefined;
  return value <= smallMax ? 'small' : value <= mediumMax ? 'medium' : 'large';
}

/**
 * The segment the figures give: as in the SME law, a company passing either bound is in the
 * larger segment; undefined when neither figure is known.
 */
export function segmentFromFigures(revenue: number | undefined, headcount: number | undefined, t: SegmentThresholds): Segment | undefined {
  const a = sizeBy(revenue, t.smallMaxRevenue, t.mediumMaxRevenue);
  const b = sizeBy(headcount, t.smallMaxHeadcount, t.mediumMaxHeadcount);
  if (!a) return b;
  if (!b) return a;
  return RANK[a] >= RANK[b] ? a : b;
}

/** The segment shown: the one set by hand wins; otherwise the figures'; '' when neither. */
export function effectiveSegment(d: Pick<Dossier, 'segment' | 'annualRevenue' | 'headcount'>, t: SegmentThresholds): Segment | '' {
  return d.segment || segmentFromFigures(d.annualRevenue, d.headcount, t) || '';
}

/** Registered less than a year before today (the registration day itself counts as new). */
export function isNewCompany(registeredOn: string | undefined, today: string): boolean {
  if (!registeredOn) return false;
  return compareDays(registeredOn, today) <= 0 && compareDays(addMonths(registeredOn, 12), today) > 0;
}

/** The named VIP criteria (the portfolio articles' list); any other text is a free criterion. */
export const VIP_CRITERIA = ['group-member', 'significant-subsidiary', 'influential-owner', 'underrepresented-industry'] as const;
export type VipCriterion = (typeof VIP_CRITERIA)[number];

export function isNamedVipCriterion(c: string): c is VipCriterion {
  return (VIP_CRITERIA as readonly string[]).includes(c);
}

/**
 * The VIP fields after the criteria change: `vip` stays the "any criterion" flag, so a
 * workbook read by an older version (which knows only the flag) still says VIP. A dossier
 * that had only the flag keeps it while it has no criteria.
 */
export function withVipCriteria(criteria: readonly string[]): { vipCriteria?: string[]; vip: boolean } {
  const clean = [...new Set(criteria.map((c) => c.trim()).filter((c) => c !== ''))];
  return clean.length ? { vipCriteria: clean, vip: true } : { vipCriteria: undefined, vip: false };
}
