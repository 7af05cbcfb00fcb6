import { describe, expect, it } from 'vitest';
import { checkOkved, okvedClassName, okvedClassOf, searchOkved } from '../../../shared/portfolio/okved';
import { OKVED_CLASSES } from '../../../shared/portfolio/okved-classes';
import { DEFAULT_SEGMENT_THRESHOLDS as T, effectiveSegment, isNewCompany, segmentFromFigures, withVipCriteria } from '../../../shared/portfolio/profile';

describe('ОКВЭД codes', () => {
  it('accepts the five forms NN, NN.N, NN.NN, NN.NN.N, NN.NN.NN and names the class', () => {
    for (const code of ['46', '46.9', '46.90', '46.90.1', '46.90.12']) {
      const r = checkOkved(code);
      expect(r.ok && r.cls.ru).toBe('Торговля оптовая');
    }
    expect(checkOkved(' 62,01 ')).toMatchObject({ ok: true, code: '62.01' });
  });
  it('refuses other forms and classes that do not exist', () => {
    for (const code of ['4', '469', '46.', '46.901', '46.90.123', '46..9', 'AB.12', '46.9.1']) expect(checkOkved(code)).toEqual({ ok: false, reason: 'form' });
    expect(checkOkved('04.11')).toEqual({ ok: false, reason: 'class' });
    expect(checkOkved('34')).toEqual({ ok: false, reason: 'class' });
    expect(okvedClassOf('')).toBeUndefined();
  });
  it('keeps every two-digit class once, with Russian and English names', () => {
    expect(new Set(OKVED_CLASSES.map((c) => c.code)).size).toBe(OKVED_CLASSES.length);
    expect(OKVED_CLASSES.length).toBe(88);
    expect(searchOkved('оптов').map((c) => c.code)).toContain('46');
    expect(searchOkved('62').map((c) => c.code)).toEqual(['62']);
  });
  it('names the class in Romanian by its CAEN division, and finds it by a Romanian word', () => {
    const wholesale = okvedClassOf('46.90')!;
    expect(okvedClassName(wholesale, 'ro')).toBe('Comerț cu ridicata, cu excepția autovehiculelor și motocicletelor');
    expect(okvedClassName(wholesale, 'ru')).toBe('Торговля оптовая');
    expect(okvedClassName(wholesale, 'en')).toBe('Wholesale trade');
    for (const c of OKVED_CLASSES) expect(c.ro, c.code).not.toBe(c.en);
    expect(searchOkved('ridicata').map((c) => c.code)).toContain('46');
  });
});

describe('size segment', () => {
  it('follows the larger of the two figures, bounds inclusive', () => {
    expect(segmentFromFigures(800_000_000, 100, T)).toBe('small');
    expect(segmentFromFigures(800_000_001, 10, T)).toBe('medium');
    expect(segmentFromFigures(10, 251, T)).toBe('large');
    expect(segmentFromFigures(undefined, 250, T)).toBe('medium');
    expect(segmentFromFigures(undefined, undefined, T)).toBeUndefined();
  });
  it('a segment set by hand wins over the figures', () => {
    expect(effectiveSegment({ segment: 'large', headcount: 5 }, T)).toBe('large');
    expect(effectiveSegment({ segment: '', headcount: 5 }, T)).toBe('small');
    expect(effectiveSegment({ segment: '' }, T)).toBe('');
  });
});

describe('new company and VIP criteria', () => {
  it('is new from its registration day until the day before its first anniversary', () => {
    expect(isNewCompany('2025-12-02', '2026-12-01')).toBe(true);
    expect(isNewCompany('2025-12-01', '2026-12-01')).toBe(false);
    expect(isNewCompany('2026-12-01', '2026-12-01')).toBe(true);
    expect(isNewCompany('2026-12-02', '2026-12-01')).toBe(false);
    expect(isNewCompany(undefined, '2026-12-01')).toBe(false);
  });
  it('keeps the VIP flag true while any criterion is set, so older versions still read VIP', () => {
    expect(withVipCriteria(['group-member', ' Знакомый губернатора ', 'group-member', ''])).toEqual({ vip: true, vipCriteria: ['group-member', 'Знакомый губернатора'] });
    expect(withVipCriteria([' '])).toEqual({ vip: false, vipCriteria: undefined });
  });
});
