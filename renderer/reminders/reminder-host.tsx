/**
 * Mounted once in the shell: runs the reminder service for the life of the window, opens
 * the dossier when a notification is clicked, and shows reminders missed while the app was
 * closed as one toast (a list, not a burst of notifications).
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { workCalendarFrom } from '../../shared/dates/working-days';
import { getBridge } from '../bridge';
import { now } from '../ui/clock';
import { formatDay } from '../ui/format';
import { navigate } from '../ui/router';
import { useSettings } from '../ui/settings-context';
import { useToast } from '../ui/toast';
import { startReminderService, type ReminderDue } from './reminder-service';

/** What a notification tag opens: 'dossier:<id>' the dossier, 'today' today's folder. */
export function routeOfTag(tag: string): [string, ...string[]] | null {
  if (tag.startsWith('dossier:') && tag.length > 8) return ['dossier', tag.slice(8)];
  if (tag === 'today') return ['today'];
  return null;
}

export function ReminderHost() {
  const { t, i18n } = useTranslation('calendar');
  const { settings } = useSettings();
  const toast = useToast();
  const latest = useRef({ settings, t, toast, lang: i18n.language });
  latest.current = { settings, t, toast, lang: i18n.language };

  useEffect(
    () =>
      getBridge().onNotificationClick((tag) => {
        const route = routeOfTag(tag);
        if (route) navigate(...route);
      }),
    [],
  );

  useEffect(() => {
    const kindLabel = (d: ReminderDue) => latest.current.t(`common:kind.${d.step.kind}`);
    const service = startReminderService({
      settings: () => ({ ...latest.current.settings, calendar: workCalendarFrom(latest.current.settings) }),
      now,
      notify: (req) => getBridge().notify(req),
      onMissed: (missed) => {
        const list = missed.map((d) => `${d.step.time} ${d.step.company} (${kindLabel(d).toLowerCase()})`).join('; ');
        latest.current.toast({ message: latest.current.t('reminders.missed', { count: missed.length, list }), duration: 0 });
      },
      text: {
        reminder: (d) => {
          const mins = Math.round((d.startsAt.getTime() - now().getTime()) / 60_000);
          const lead = mins > 0 ? latest.current.t('reminders.bodyIn', { count: mins }) : latest.current.t('reminders.bodyNow');
          return {
            title: latest.current.t('reminders.title', { kind: kindLabel(d), time: d.step.time, company: d.step.company }),
            body: d.step.title ? `${lead}: ${d.step.title}` : lead,
          };
        },
        summary: (s) => ({ title: latest.current.t('reminders.summaryTitle'), body: latest.current.t('reminders.summary', { ...s }) }),
        handBack: (due) => ({
          title: latest.current.t('today:handBack.notifyTitle'),
          body: due
            .map((d) => latest.current.t('today:handBack.banner', { count: d.ids.length, owner: d.owner, date: formatDay(d.ended, latest.current.lang, { day: 'numeric', month: 'short' }) }))
            .join('\n'),
        }),
      },
    });
    return () => service.stop();
  }, []);

  return null;
}
