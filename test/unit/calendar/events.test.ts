import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CalendarItem } from '../../../renderer/data/calendar-repo';
import { agendaEvents, changeForDrop, dateOfKey, dayKeyOf, monthEvents, toEvent, visibleRange } from '../../../renderer/features/calendar/events';
import { dayRangeLabel } from '../../../renderer/features/calendar/localizer';

function item(over: Partial<CalendarItem> = {}): CalendarItem {
  return { id: 's', dossierId: 'd', company: 'Alfa', kind: 'call', title: '', date: '2026-11-24', time: '', durationMin: 0, remindMin: -1, ...over };
}

describe('visibleRange', () => {
  it('month: the whole Monday-first grid plus a day each side', () => {
    // November 2026: grid Mon 26 Oct .. Sun 6 Dec.
    expect(visibleRange('month', new Date(2026, 10, 24))).toEqual({ from: '2026-10-25', to: '2026-12-07' });
  });
  it('week: Monday to Sunday plus a day each side', () => {
    expect(visibleRange('week', new Date(2026, 10, 26))).toEqual({ from: '2026-11-22', to: '2026-11-30' });
  });
  it('day and agenda', () => {
    expect(visibleRange('day', new Date(2026, 10, 24))).toEqual({ from: '2026-11-23', to: '2026-11-25' });
    expect(visibleRange('agenda', new Date(2026, 10, 24))).toEqual({ from: '2026-11-23', to: '2026-12-08' });
  });
});

describe('toEvent', () => {
  it('a timed step sits in its slot for its duration; an untimed one is all-day', () => {
    const m = toEvent(item({ time: '10:00', durationMin: 90, kind: 'meeting', title: 'Contract' }));
    expect(m.start).toEqual(dateOfKey('2026-11-24', '10:00'));
    expect(m.end).toEqual(dateOfKey('2026-11-24', '11:30'));
    expect(m.allDay).toBe(false);
    expect(m.title).toBe('Alfa — Contract');
    expect(toEvent(item()).allDay).toBe(true);
    // No duration: a call still gets a visible half hour.
    expect(toEvent(item({ time: '09:00' })).end).toEqual(dateOfKey('2026-11-24', '09:30'));
  });
});

describe('monthEvents', () => {
  it('property: each day shows at most the cap, and shown + hidden equals the day total', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 200 }), (days) => {
        const items = days
          .map((d, i) => item({ id: `s${i}`, date: `2026-11-0${d}` }))
          .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
        const events = monthEvents(items, 3);
        for (let d = 1; d <= 5; d++) {
          const day = `2026-11-0${d}`;
          const total = items.filter((x) => x.date === day).length;
          const evs = events.filter((e) => (e.item?.date ?? e.day) === day);
          expect(evs.length).toBeLessThanOrEqual(3);
          const shown = evs.filter((e) => e.kind !== 'more').length;
          const hidden = evs.find((e) => e.kind === 'more')?.hidden ?? 0;
          expect(shown + hidden).toBe(total);
        }
      }),
    );
  });
});

describe('changeForDrop', () => {
  const timed = toEvent(item({ time: '10:00' }));
  const untimed = toEvent(item());
  it('month view moves the day and keeps the hour', () => {
    expect(changeForDrop(timed, dateOfKey('2026-11-27', '10:00'), false, 'month')).toEqual({ date: '2026-11-27' });
    expect(changeForDrop(untimed, dateOfKey('2026-11-27'), true, 'month')).toEqual({ date: '2026-11-27' });
  });
  it('time grid sets the hour; the all-day row clears it', () => {
    expect(changeForDrop(untimed, dateOfKey('2026-11-25', '14:30'), false, 'week')).toEqual({ date: '2026-11-25', time: '14:30' });
    expect(changeForDrop(timed, dateOfKey('2026-11-25'), true, 'week')).toEqual({ date: '2026-11-25', time: '' });
    expect(changeForDrop(timed, dateOfKey('2026-11-25', '10:00'), false, 'day')).toEqual({ date: '2026-11-25' });
  });
});

describe('agendaEvents', () => {
  const item = (id: string, company: string, time = '') => ({ id, dossierId: id, company, kind: 'call' as const, title: '', date: '2026-12-01', time, durationMin: 0, remindMin: -1 });
  it('puts the timed items first in time order, then the all-day ones A-Z, each on its own day', () => {
    const events = agendaEvents([item('1', 'Zeta'), item('2', 'Alfa'), item('3', 'Meeting', '14:00'), item('4', 'Early', '09:00')].map(toEvent));
    const order = [...events].sort((a, b) => +a.start - +b.start).map((e) => e.title);
    expect(order).toEqual(['Early', 'Meeting', 'Alfa', 'Zeta']);
    for (const e of events) expect(dayKeyOf(e.start)).toBe('2026-12-01');
    expect(events.filter((e) => e.allDay)).toHaveLength(2);
  });
});

describe('dayRangeLabel', () => {
  it('writes a range of days in words in the UI language, never as 01/12/2026', () => {
    const [a, b] = [new Date(2026, 11, 1), new Date(2026, 11, 15)];
    expect(dayRangeLabel(a, b, 'en-GB')).toMatch(/^1\s?–\s?15\sDecember\s2026$/);
    expect(dayRangeLabel(a, b, 'ru')).toMatch(/^1\s?–\s?15\sдекабря\s2026\sг\.$/);
    expect(dayRangeLabel(new Date(2026, 10, 30), new Date(2026, 11, 6), 'ru')).toMatch(/^30 ноября\s?–\s?6\sдекабря\s2026\sг\.$/);
  });
});
