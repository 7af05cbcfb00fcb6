import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createDb, setDb, type DossierRow } from '../../../renderer/data/db';
import { writePortfolio } from '../../../renderer/data/portfolio-repo';
import { deleteRecord, paperRecord, putRecord, runWrite } from '../../../renderer/data/write-context';
import { startReminderService, type ReminderService } from '../../../renderer/reminders/reminder-service';
import type { Step } from '../../../shared/model/records';
import { getHandBacksDue, markHandedBack } from '../../../renderer/data/handback-repo';

const meta = { createdAt: '2026-11-01T00:00:00Z', updatedAt: '2026-11-01T00:00:00Z', author: 'Anna', syncBase: '' };
const D1 = '00000000-0000-4000-8000-000000000001';

function row(id = D1): DossierRow {
  return {
    ...meta, id, company: 'Beta SRL', taxId: '', industry: '', segment: '', territory: '', vip: false, owner: 'Anna',
    tags: [], customFields: {}, notes: '', status: 'active', coveredFor: '', coveredUntil: '', words: [], fileKey: '2026-11-24',
  };
}
function step(id: string, over: Partial<Step> = {}): Step {
  return {
    ...meta, id, dossierId: D1, kind: 'meeting', title: 'Contract', date: '2026-11-24', month: '', time: '10:00',
    durationMin: 60, remindMin: 15, done: false, doneAt: '', ...over,
  };
}

const services: ReminderService[] = [];
afterEach(() => services.splice(0).forEach((s) => s.stop()));

function harness(clock: { now: Date }) {
  const notes: { title: string; body: string; tag: string }[] = [];
  const missed: string[][] = [];
  const service = startReminderService({

    now: () => clock.now,
    timeZone: () => 'Europe/Moscow',
    tickMs: 3_600_000,
    settings: () => ({ reminderMinutes: 15, morningSummaryTime: '' }),
    notify: async (req) => {
      notes.push(req);
    },
    onMissed: (list) => missed.push(list.map((d) => d.step.id)),
    text: {
      reminder: (d) => ({ title: `${d.step.company} ${d.step.time}`, body: d.step.title }),
      summary: (s) => ({ title: 'summary', body: `${s.today}/${s.overdue}/${s.meetings}` }),
      handBack: (due) => ({ title: 'hand back', body: due.map((d) => `${d.ids.length} to ${d.owner} since ${d.ended}`).join('; ') }),
    },
  });
  services.push(service);
  return { service, notes, missed };
}

/** Stored through the bulk writer, so the derived rows, counters and calendar days are there too. */
async function freshDb(steps: Step[], dossiers: DossierRow[] = [row()]): Promise<void> {
  const db = createDb(`rem-${Math.random()}`);
  setDb(db);
  await writePortfolio({ dossiers, steps, contacts: [], history: [], invoices: [], payments: [], holidays: [] });
}

describe('reminder service', () => {
  it('notifies once with a tag that opens the dossier, also across a restart', async () => {
    await freshDb([step('s1')]);
    const clock = { now: new Date('2026-11-24T06:46:00Z') }; // 09:46 MSK; reminder at 09:45
    const a = harness(clock);
    await a.service.tick();
    await a.service.tick();
    expect(a.notes).toEqual([{ title: 'Beta SRL 10:00', body: 'Contract', tag: `dossier:${D1}` }]);
    a.service.stop();
    const b = harness(clock); // the app restarted
    await b.service.tick();
    expect(b.notes).toEqual([]);
    expect(b.missed).toEqual([]);
  });

  it('two services on one database (two windows) show a reminder once between them', async () => {
    await freshDb([step('s1')]);
    const clock = { now: new Date('2026-11-24T06:46:00Z') };
    const a = harness(clock);
    const b = harness(clock);
    await Promise.all([a.service.tick(), b.service.tick()]);
    expect(a.notes.length + b.notes.length).toBe(1);
  });

  it('reminders missed while closed are listed once at the next start, not notified', async () => {
    await freshDb([step('s1', { time: '09:00' }), step('s2', { time: '09:30' })]);
    const clock = { now: new Date('2026-11-24T07:00:00Z') }; // 10:00 local
    const a = harness(clock);
    await a.service.tick();
    expect(a.notes).toEqual([]);
    expect(a.missed).toEqual([['s1', 's2']]);
    await a.service.tick();
    expect(a.missed).toHaveLength(1);
  });

  it('a moved step re-arms; a deleted or completed step never fires', async () => {
    await freshDb([step('s1'), step('s2', { time: '11:00' }), step('s3', { time: '12:00' })]);
    const clock = { now: new Date('2026-11-24T06:46:00Z') };
    const h = harness(clock);
    await h.service.tick();
    expect(h.notes).toHaveLength(1);
    await runWrite('Anna', async (ctx) => {
      const [s1, s2, s3] = (await Promise.all(['s1', 's2', 's3'].map((id) => paperRecord(ctx, 'steps', D1, id)))) as Step[];
      await putRecord(ctx, 'steps', { ...s1!, time: '13:00' }, s1!);
      await deleteRecord(ctx, 'steps', s2!);
      await putRecord(ctx, 'steps', { ...s3!, done: true }, s3!);
    });
    for (const at of ['07:46', '08:46', '09:46']) {
      clock.now = new Date(`2026-11-24T${at}:00Z`);
      await h.service.tick();
    }
    expect(h.notes.map((n) => n.title)).toEqual(['Beta SRL 10:00', 'Beta SRL 13:00']);
  });

  it('the morning summary counts today, overdue and meetings once a day', async () => {
    const [D2, D3] = ['00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000003'];
    await freshDb(
      [
        step('s1', { time: '' }),
        step('late', { dossierId: D2, kind: 'call', date: '2026-11-20', time: '' }),
        step('someday', { dossierId: D3, kind: 'call', date: '', month: '2026-11', time: '' }),
      ],
      [row(), row(D2), row(D3)],
    );
    const clock = { now: new Date('2026-11-24T06:30:00Z') };
    const notes: string[] = [];
    const s = startReminderService({
      now: () => clock.now, timeZone: () => 'Europe/Moscow', tickMs: 3_600_000,
      settings: () => ({ reminderMinutes: 15, morningSummaryTime: '09:00' }),
      notify: async (r) => void notes.push(`${r.tag} ${r.body}`),
      onMissed: () => undefined,
      text: { reminder: () => ({ title: '', body: '' }), summary: (x) => ({ title: 's', body: `${x.today}/${x.overdue}/${x.meetings}` }) },
    });
    services.push(s);
    await s.tick();
    await s.tick();
    expect(notes).toEqual(['today 1/1/1']);
  });
});

describe('the hand-back reminder', () => {
  it('notifies the colleague once a day from the cover\'s last day on, until the hand-back is saved', async () => {
    const covered = { ...row(), owner: 'Anna', coveredFor: 'Anna', coveredBy: 'Boris', coveredFrom: '2026-11-24', coveredUntil: '2026-12-07' };
    await freshDb([step('s1', { date: '2026-12-20', time: '' })], [covered]);
    const clock = { now: new Date('2026-12-06T07:00:00Z') };
    const { service, notes } = harness(clock);
    await service.tick();
    expect(notes.filter((n) => n.title === 'hand back')).toEqual([]);

    clock.now = new Date('2026-12-07T07:00:00Z');
    await service.tick();
    await service.tick();
    expect(notes.filter((n) => n.title === 'hand back')).toEqual([{ title: 'hand back', body: '1 to Anna since 2026-12-07', tag: 'today' }]);

    clock.now = new Date('2026-12-08T07:00:00Z');
    await service.tick();
    expect(notes.filter((n) => n.title === 'hand back')).toHaveLength(2);

    await markHandedBack([covered]);
    clock.now = new Date('2026-12-09T07:00:00Z');
    await service.tick();
    expect(notes.filter((n) => n.title === 'hand back')).toHaveLength(2);
    expect(await getHandBacksDue('2026-12-09')).toEqual([]);
  });
});
