import { describe, expect, it } from 'vitest';
import { coverState, handBacksDue, handedOverTo, handoverCover, isReturn, reassign, rotationWarning } from '../../../shared/portfolio/handover';

describe('the end of a cover', () => {
  const cover = { coveredFor: 'Анна', coveredFrom: '2026-12-07', coveredUntil: '2026-12-18' };
  it('is upcoming before the leave, active during it, and asks to hand back from its last day on', () => {
    expect(coverState(cover, '2026-12-06')).toBe('upcoming');
    expect(coverState(cover, '2026-12-07')).toBe('active');
    expect(coverState(cover, '2026-12-17')).toBe('active');
    expect(coverState(cover, '2026-12-18')).toBe('hand-back');
    expect(coverState(cover, '2027-01-10')).toBe('hand-back');
  });
  it('a dossier without a cover, or a cover without an end, never asks', () => {
    expect(coverState({ coveredFor: '', coveredUntil: '2026-12-01' }, '2027-01-01')).toBe('none');
    expect(coverState({ coveredFor: 'Анна', coveredUntil: '' }, '2027-01-01')).toBe('active');
  });
});

describe('rotation at most once a year', () => {
  it('warns until the same day a year after the last reassignment', () => {
    const d = { ownerHistory: ['2025-03-01 Олег', '2025-12-01 Анна'] };
    expect(rotationWarning(d, '2026-11-30')).toEqual({ lastRotation: '2025-12-01' });
    expect(rotationWarning(d, '2026-12-01')).toBeUndefined();
    expect(rotationWarning({ ownerHistory: [] }, '2026-12-01')).toBeUndefined();
    expect(rotationWarning({}, '2026-12-01')).toBeUndefined();
  });
  it('a leap day rotation warns until 28 February of the next year', () => {
    expect(rotationWarning({ ownerHistory: ['2024-02-29 Олег'] }, '2025-02-27')).toBeDefined();
    expect(rotationWarning({ ownerHistory: ['2024-02-29 Олег'] }, '2025-02-28')).toBeUndefined();
  });
  it('a permanent reassignment keeps the former owner in the history and ends any cover', () => {
    const r = reassign({ owner: 'Анна', ownerHistory: ['2024-01-10 Олег'] }, 'Иван', '2026-12-01');
    expect(r).toEqual({ owner: 'Иван', ownerHistory: ['2024-01-10 Олег', '2026-12-01 Анна'], coveredFor: '', coveredUntil: '', coveredFrom: undefined });
    expect(reassign({ owner: 'Иван' }, 'Иван', '2026-12-01').ownerHistory).toBeUndefined();
  });
});

describe('hand-backs due', () => {
  const d = (id: string, coveredFor: string, coveredUntil: string, status = 'active') => ({ id, coveredFor, coveredUntil, coveredFrom: '2026-12-01', status });
  it('groups the dossiers whose cover ended by the manager on leave, from the cover\'s last day on', () => {
    const dossiers = [d('a', 'Анна', '2026-12-11'), d('b', 'Анна', '2026-12-12'), d('c', 'Олег', '2026-12-20'), d('e', 'Анна', '2026-12-10', 'archived'), d('f', '', '')];
    expect(handBacksDue(dossiers, '2026-12-11')).toEqual([{ owner: 'Анна', ended: '2026-12-11', ids: ['a'] }]);
    expect(handBacksDue(dossiers, '2026-12-12')).toEqual([{ owner: 'Анна', ended: '2026-12-12', ids: ['a', 'b'] }]);
    expect(handBacksDue(dossiers, '2026-12-10')).toEqual([]);
  });

  it('tells a handed-over dossier (the owner\'s binder) from a covered one (the colleague\'s)', () => {
    const { copy, home } = handoverCover('Анна', 'Борис', '2026-12-01', '2026-12-12');
    expect(handedOverTo(home)).toEqual({ to: 'Борис', until: '2026-12-12' });
    expect(handedOverTo(copy)).toBeUndefined();
    expect(isReturn(home, copy)).toBe(true);
    expect(isReturn(copy, copy)).toBe(false);
  });
});
