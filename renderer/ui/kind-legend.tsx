import { useTranslation } from 'react-i18next';
import { STEP_KINDS } from '../../shared/model/records';

/**
 * What the coloured dot before a company means: the kind of the planned step (a timed
 * step shows its hour instead). Shown under the folder lists and in the help dialog.
 */
export function KindLegend() {
  const { t } = useTranslation();
  return (
    <span className="kind-legend" aria-label={t('legend.title')} data-testid="kind-legend">
      {STEP_KINDS.map((k) => (
        <span key={k} className="kind-legend-item">
          <span className={`kind-dot kind-${k}`} aria-hidden /> {t(`kind.${k}`)}
        </span>
      ))}
    </span>
  );
}
