/**
 * In December, until next year's working calendar is confirmed in Settings, the binder says
 * so: January's folders rest on it (Russia's decree moves the New Year days off), and the
 * manager who never opens Settings would not learn it otherwise.
 */
import { useTranslation } from 'react-i18next';
import { holidayCountryOf, yearToConfirm } from '../../../shared/dates/working-days';
import { navigate } from '../../ui/router';
import { useSettings } from '../../ui/settings-context';

export function CalendarCheckBanner({ today }: { today: string }) {
  const { t } = useTranslation('binder');
  const { settings } = useSettings();
  const year = yearToConfirm(today, holidayCountryOf(settings), settings.confirmedCalendarYears);
  if (year === undefined) return null;
  return (
    <div className="month-opening" role="status" data-testid="calendar-check">
      <strong>{t('calendarCheck', { year })}</strong>
      <button type="button" className="btn btn-small" onClick={() => navigate('settings')}>{t('calendarCheckOpen')}</button>
    </div>
  );
}
