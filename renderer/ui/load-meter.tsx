import { useTranslation } from 'react-i18next';

interface LoadMeterProps {
  count: number;
  capacity: number;
  /** A thin bar without the text, for folder chips and inline readings. */
  compact?: boolean;
}

/** The day's load against capacity, as the paper binder shows it: a thicker or thinner insert. */
export function LoadMeter({ count, capacity, compact }: LoadMeterProps) {
  const { t } = useTranslation();
  const ratio = capacity > 0 ? count / capacity : 0;
  const level = ratio > 1 ? 'over' : ratio >= 0.85 ? 'full' : 'ok';
  const label = t('load.meter', { count, capacity });
  return (
    <span className={`load-meter load-${level}${compact ? ' load-compact' : ''}`} title={label}>
      <span className="load-track" role="meter" aria-valuemin={0} aria-valuemax={capacity} aria-valuenow={count} aria-label={label}>
        <span className="load-fill" style={{ width: `${Math.min(100, ratio * 100)}%` }} />
      </span>
      {!compact && <span className="load-text">{label}</span>}
    </span>
  );
}
