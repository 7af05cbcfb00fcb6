import { describe, expect, it } from 'vitest';
import { activityByDay, activityByWeek, trendLine } from '../../../shared/portfolio/kpi';

// Instants at local noon, so the test reads the same in every time zone.
const at = (day: string, h = 12) => new Date(`${day}T${String(h).padStart(2, '0')}:00:00`).toISOString();
const h = (dossierId: string, day: string, kind: 'call' | 'meeting' | 'email', outcome: '' | 'agreed' | 'request' = '') => ({ dossierId, at: at(day), kind, outcome });

describe('activity KPIs', () => {
  it('counts calls, meetings and requests per day, zeros included', () => {
    const days = activityByDay([h('a', '2026-11-30', 'call'), h('a', '2026-11-30', 'call', 'request'), h('b', '2026-12-01', 'meeting'), h('b', '2026-12-01', 'email', 'request'), h('c', '2026-12-03', 'call')], '2026-11-30', '2026-12-02');
    expect(days).toEqual([
      { day: '2026-11-30', calls: 2, meetings: 0, requests: 1 },
      { day: '2026-12-01', calls: 0, meetings: 1, requests: 1 },
      { day: '2026-12-02', calls: 0, meetings: 0, requests: 0 },
    ]);
  });

  it('weeks start on Monday; call and meeting days, new prospects and first agreements per week', () => {
    const history = [
      h('a', '2026-11-29', 'call'), // Sunday: the week before
      h('a', '2026-11-30', 'call'), h('a', '2026-12-02', 'call'), h('b', '2026-12-01', 'meeting'),
      h('b', '2026-12-06', 'meeting', 'agreed'), h('b', '2026-12-08', 'meeting', 'agreed'), // only the first agreement closes
    ];
    const dossiers = [{ id: 'a', createdAt: at('2026-11-30') }, { id: 'b', createdAt: at('2026-12-07') }];
    const weeks = activityByWeek(history, dossiers, '2026-11-30', '2026-12-07');
    expect(weeks.map((w) => [w.day, w.calls, w.meetings, w.callDays, w.meetingDays, w.newProspects, w.closed])).toEqual([
      ['2026-11-30', 2, 2, 2, 2, 1, 1],
      ['2026-12-07', 0, 1, 0, 1, 1, 0],
    ]);
  });

  it('the trend is the least-squares line', () => {
    expect(trendLine([1, 2, 3])).toEqual([1, 2, 3]);
    expect(trendLine([2, 0, 4, 2])).toEqual([1.4, 1.8, 2.2, 2.6]);
    expect(trendLine([5])).toEqual([5]);
  });
});

describe('income of assigned clients', () => {
  it('sums each owner’s clients’ revenue of the last 365 days in the main currency, largest first', async () => {
    const { incomeByOwner } = await import('../../../shared/portfolio/kpi');
    const dossiers = [{ id: 'a', owner: 'Анна' }, { id: 'b', owner: 'Анна' }, { id: 'c', owner: 'Борис' }, { id: 'd', owner: '' }];
    const inv = (dossierId: string, amount: number, issuedOn = '2026-11-30', currency = 'RUB') => ({ dossierId, amount, issuedOn, currency });
    expect(incomeByOwner(dossiers, [inv('a', 100.1), inv('b', 0.2), inv('c', 500), inv('c', 1000, '2025-11-30'), inv('d', 7, '2026-11-30', 'EUR')], '2026-12-01', 'RUB')).toEqual([
      { owner: 'Борис', clients: 1, revenue: 500 },
      { owner: 'Анна', clients: 2, revenue: 100.3 },
      { owner: '', clients: 1, revenue: 0 },
    ]);
  });
});
