import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  dueReminders,
  localDay,
  reminderKey,
  zonedInstant,
  type ReminderSettings,
  type ReminderStep,
} from '../../../shared/reminders/schedule';
import { workCalendarFrom } from '../../../shared/dates/working-days';
import { defaultSettings } from '../../../shared/model/settings';

const settings: ReminderSettings = { reminderMinutes: 15, morningSummaryTime: '' };
const MSK = 'Europe/Moscow';
const BUH = 'Europe/Bucharest';

function step(over: Partial<ReminderStep> = {}): ReminderStep {
  return {
    id: 's1',
    dossierId: 'd1',
    kind: 'meeting',
    title: '',
    date: '2026-11-24',
    time: '10:00',
    remindMin: 10,
    done: false,
    ...over,
  };
}

describe('zonedInstant', () => {
  it('Moscow is UTC+3 all year (no DST)', () => {
    expect(zonedInstant('2026-01-15', '10:00', MSK).toISOString()).toBe('2026-01-15T07:00:00.000Z');
    expect(zonedInstant('2026-07-15', '10:00', MSK).toISOString()).toBe('2026-07-15T07:00:00.000Z');
    expect(zonedInstant('2026-03-29', '03:30', MSK).toISOString()).toBe('2026-03-29T00:30:00.000Z');
  });

  it('Bucharest switches between +2 and +3 on the last Sundays of March and October', () => {
    expect(zonedInstant('2026-03-28', '10:00', BUH).toISOString()).toBe('2026-03-28T08:00:00.000Z');
    expect(zonedInstant('2026-03-29', '10:00', BUH).toISOString()).toBe('2026-03-29T07:00:00.000Z');
    expect(zonedInstant('2026-10-24', '10:00', BUH).toISOString()).toBe('2026-10-24T07:00:00.000Z');
    expect(zonedInstant('2026-10-25', '10:00', BUH).toISOString()).toBe('2026-10-25T08:00:00.000Z');
  });

  it('a skipped hour (spring forward 03:00 -> 04:00) moves forward; a repeated hour takes its first occurrence', () => {
    // 03:30 does not exist on 29 March in Bucharest: it becomes 04:30 EEST (01:30Z).
    expect(zonedInstant('2026-03-29', '03:30', BUH).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    // 03:30 happens twice on 25 October: first at EEST (00:30Z).
    expect(zonedInstant('2026-10-25', '03:30', BUH).toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });

  it('round-trips every quarter hour of the change days back to the same local day', () => {
    for (const date of ['2026-03-29', '2026-10-25']) {
      for (let m = 0; m < 24 * 60; m += 15) {
        const time = `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
        expect(localDay(zonedInstant(date, time, BUH), BUH)).toBe(date);
      }
    }
  });
});

describe('dueReminders', () => {
  const at = (iso: string) => new Date(iso);

  it('fires N minutes before a timed step, in the user zone', () => {
    const s = step(); // 10:00 MSK = 07:00Z, remind 10 min before = 06:50Z
    expect(dueReminders([s], new Set(), at('2026-11-24T06:49:00Z'), settings, MSK).fire).toEqual([]);
    const r = dueReminders([s], new Set(), at('2026-11-24T06:50:00Z'), settings, MSK);
    expect(r.fire.map((f) => f.step.id)).toEqual(['s1']);
    expect(r.fire[0]!.key).toBe(reminderKey('s1', at('2026-11-24T07:00:00Z')));
  });

  it('uses the settings default when the step has none, and nothing when both are off', () => {
    const s = step({ remindMin: -1 }); // default 15 → 06:45Z
    expect(dueReminders([s], new Set(), at('2026-11-24T06:46:00Z'), settings, MSK).fire).toHaveLength(1);
    expect(dueReminders([s], new Set(), at('2026-11-24T06:46:00Z'), { ...settings, reminderMinutes: -1 }, MSK).fire).toHaveLength(0);
  });

  it('ignores done steps, untimed steps and month-filed steps', () => {
    const now = at('2026-11-24T06:55:00Z');
    const steps = [step({ id: 'a', done: true }), step({ id: 'b', time: '' }), step({ id: 'c', date: '', time: '10:00' })];
    const r = dueReminders(steps, new Set(), now, settings, MSK);
    expect(r.fire).toEqual([]);
    expect(r.missed).toEqual([]);
  });

  it('never fires a key already recorded', () => {
    const now = at('2026-11-24T06:52:00Z');
    const first = dueReminders([step()], new Set(), now, settings, MSK);
    const fired = new Set(first.fire.map((f) => f.key));
    expect(dueReminders([step()], fired, now, settings, MSK).fire).toEqual([]);
  });

  it('a changed time re-arms the reminder; a deleted step never fires', () => {
    const fired = new Set([reminderKey('s1', zonedInstant('2026-11-24', '10:00', MSK))]);
    const moved = step({ time: '12:00' }); // 09:00Z, remind at 08:50Z
    expect(dueReminders([moved], fired, at('2026-11-24T08:51:00Z'), settings, MSK).fire).toHaveLength(1);
    expect(dueReminders([], new Set(), at('2026-11-24T06:51:00Z'), settings, MSK).fire).toEqual([]);
  });

  it('after a restart, reminders due while closed are missed (listed), not fired', () => {
    const steps = [step({ id: 'a', time: '09:00' }), step({ id: 'b', time: '10:00' }), step({ id: 'c', time: '15:00' })];
    const r = dueReminders(steps, new Set(), at('2026-11-24T07:30:00Z'), settings, MSK); // 10:30 local
    expect(r.fire).toEqual([]);
    expect(r.missed.map((m) => m.step.id)).toEqual(['a', 'b']);
    const fired = new Set(r.missed.map((m) => m.key));
    const again = dueReminders(steps, fired, at('2026-11-24T07:31:00Z'), settings, MSK);
    expect(again.missed).toEqual([]);
  });

  it('a clock jump forward turns the skipped reminders into missed ones', () => {
    const s = step({ time: '10:00' });
    const r = dueReminders([s], new Set(), at('2026-11-24T09:00:00Z'), settings, MSK);
    expect(r.fire).toEqual([]);
    expect(r.missed).toHaveLength(1);
  });

  it('the morning summary is due once a day from its time', () => {
    const s = { ...settings, morningSummaryTime: '09:00' };
    expect(dueReminders([], new Set(), at('2026-11-24T05:59:00Z'), s, MSK).summary).toBeNull();
    const r = dueReminders([], new Set(), at('2026-11-24T06:00:00Z'), s, MSK);
    expect(r.summary).toEqual({ key: 'summary@2026-11-24', day: '2026-11-24' });
    expect(dueReminders([], new Set([r.summary!.key]), at('2026-11-24T08:00:00Z'), s, MSK).summary).toBeNull();
    expect(dueReminders([], new Set(), at('2026-11-24T06:00:00Z'), { ...s, morningSummaryTime: '' }, MSK).summary).toBeNull();
  });

  it('the morning summary keeps to the working calendar: none on weekends and holidays, yes on a moved working Saturday', () => {
    const calendar = workCalendarFrom({ ...defaultSettings(), holidayCountry: 'ru', extraWorkingDays: ['2025-11-01'] });
    const s = { ...settings, morningSummaryTime: '09:00', calendar };
    const morning = (day: string) => dueReminders([], new Set(), at(`${day}T07:00:00Z`), s, MSK).summary;
    expect(morning('2026-11-28')).toBeNull(); // Saturday
    expect(morning('2026-11-29')).toBeNull(); // Sunday
    expect(morning('2026-11-04')).toBeNull(); // Wednesday, National Unity Day
    expect(morning('2027-01-05')).toBeNull(); // Tuesday, New Year holidays
    expect(morning('2026-11-27')).toEqual({ key: 'summary@2026-11-27', day: '2026-11-27' }); // Friday
    expect(morning('2025-11-01')).toEqual({ key: 'summary@2025-11-01', day: '2025-11-01' }); // the Saturday worked
    // A timed step on a holiday still reminds: the manager set it on purpose.
    const r = dueReminders([step({ date: '2026-11-04', time: '10:00' })], new Set(), at('2026-11-04T06:51:00Z'), s, MSK);
    expect(r.fire).toHaveLength(1);
  });

  it('across the October change in Bucharest a 10:00 meeting reminds at 09:50 local time', () => {
    const s = step({ date: '2026-10-25', time: '10:00' }); // EET (+2): 08:00Z
    expect(dueReminders([s], new Set(), at('2026-10-25T07:49:00Z'), settings, BUH).fire).toEqual([]);
    expect(dueReminders([s], new Set(), at('2026-10-25T07:50:00Z'), settings, BUH).fire).toHaveLength(1);
  });

  it('property: replaying ticks while recording keys shows each reminder at most once', () => {
    const arbStep = fc.record({
      id: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
      date: fc.constantFrom('2026-03-28', '2026-03-29', '2026-10-25', '2026-11-24'),
      time: fc.constantFrom('', '00:30', '03:30', '04:00', '09:00', '23:45'),
      remindMin: fc.integer({ min: -1, max: 180 }),
      done: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(arbStep, { selector: (s) => s.id, maxLength: 5 }),
        fc.array(fc.integer({ min: -600, max: 3000 }), { minLength: 1, maxLength: 40 }),
        fc.constantFrom(MSK, BUH),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 39 }), fc.constantFrom('', '10:15', '03:30')), { maxLength: 3 }),
        (raw, minutes, tz, edits) => {
          let steps = raw.map((r) => step(r));
          const fired = new Set<string>();
          const shown: string[] = [];
          // Ticks move back and forth (clock changes) over a few days.
          const base = Date.parse('2026-03-27T00:00:00Z');
          minutes.forEach((m, i) => {
            for (const [at, time] of edits) if (at === i && steps[0]) steps = [{ ...steps[0], time }, ...steps.slice(1)];
            const r = dueReminders(steps, fired, new Date(base + m * 60_000 * 3), settings, tz);
            for (const d of [...r.fire, ...r.missed]) {
              shown.push(d.key);
              fired.add(d.key);
              expect(d.step.done).toBe(false);
            }
          });
          expect(new Set(shown).size).toBe(shown.length);
        },
      ),
    );
  });
});
