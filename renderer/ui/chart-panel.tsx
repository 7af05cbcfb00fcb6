import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js';
import { localeTag } from './i18n';

/*
 * Only the pieces our charts use are registered, so the bundle carries bars, lines and two
 * linear axes, not the whole library (chart.js is tree-shakeable this way).
 */
Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Tooltip, Legend);

/** How a series' numbers are written: plain, as a share (0.42 -> 42 %), or as money. */
export type SeriesFormat = { kind: 'number' } | { kind: 'percent' } | { kind: 'money'; currency: string };

export interface ChartSeries {
  label: string;
  values: readonly number[];
  type: 'bar' | 'line';
  format?: SeriesFormat;
  /** A second scale on the right, for a share drawn over amounts (the Pareto line). */
  rightAxis?: boolean;
}

interface ChartPanelProps {
  title: string;
  /** One label per point, shared by every series (weeks, clients, classes). */
  labels: readonly string[];
  series: readonly ChartSeries[];
  /** Header of the table's first column (what a label names: "Week", "Client"). */
  labelHeader?: string;
  height?: number;
  testId?: string;
}

/*
 * Fixed colours readable on the light and the dark theme alike; canvas cannot read CSS
 * variables without a layout pass per draw, and a chart's colours must not change meaning
 * between themes.
 */
const PALETTE = ['#2f6fdf', '#e07b1f', '#21824b', '#8a4fd1', '#c4331d', '#0f8f9f'];

export function formatterFor(format: SeriesFormat | undefined, lang: string): (n: number) => string {
  const locale = localeTag(lang);
  if (format?.kind === 'percent') {
    const f = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
    return (n) => f.format(n);
  }
  if (format?.kind === 'money') {
    // Same rule as formatMoney: Romanian writes "lei", not "RON".
    const f = new Intl.NumberFormat(locale, { style: 'currency', currency: format.currency, currencyDisplay: lang === 'ro' ? 'narrowSymbol' : 'symbol', maximumFractionDigits: 0 });
    return (n) => f.format(n);
  }
  const f = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  return (n) => f.format(n);
}

/**
 * One chart with its numbers: the chart on a canvas, or, one click away, the same numbers
 * as a table (for reading exact figures, copying, and screen readers). Both are drawn from
 * the same props, so they cannot disagree; numbers follow the interface language.
 */
export function ChartPanel({ title, labels, series, labelHeader, height = 260, testId }: ChartPanelProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const tableId = useId();
  const formatters = useMemo(() => series.map((s) => formatterFor(s.format, lang)), [series, lang]);

  useEffect(() => {
    if (view !== 'chart' || !canvasRef.current) return;
    const leftFormat = formatterFor(series.find((s) => !s.rightAxis)?.format, lang);
    const rightFormat = formatterFor(series.find((s) => s.rightAxis)?.format, lang);
    const hasRight = series.some((s) => s.rightAxis);
    const config: ChartConfiguration<'bar' | 'line', number[], string> = {
      type: 'bar',
      data: {
        labels: [...labels],
        datasets: series.map((s, i) => ({
          type: s.type,
          label: s.label,
          data: [...s.values],
          yAxisID: s.rightAxis ? 'right' : 'left',
          backgroundColor: PALETTE[i % PALETTE.length],
          borderColor: PALETTE[i % PALETTE.length],
          borderWidth: s.type === 'line' ? 2 : 0,
          pointRadius: s.type === 'line' && s.values.length > 60 ? 0 : 2,
          order: s.type === 'line' ? 0 : 1,
        })),
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        // No animation: the chart is a reading, and a redraw on every live update must not flicker.
        animation: false,
        locale: localeTag(lang),
        interaction: { mode: 'index', intersect: false },
        plugins: {
          legend: { position: 'bottom' },
          tooltip: { callbacks: { label: (ctx) => `${ctx.dataset.label}: ${formatters[ctx.datasetIndex]!(Number(ctx.raw))}` } },
        },
        scales: {
          x: { ticks: { autoSkip: true, maxRotation: 0 } },
          left: { type: 'linear', position: 'left', beginAtZero: true, ticks: { callback: (v) => leftFormat(Number(v)) } },
          ...(hasRight ? { right: { type: 'linear' as const, position: 'right' as const, min: 0, max: 1, grid: { drawOnChartArea: false }, ticks: { callback: (v: string | number) => rightFormat(Number(v)) } } } : {}),
        },
      },
    };
    const chart = new Chart(canvasRef.current, config);
    return () => chart.destroy();
  }, [view, labels, series, lang, formatters]);

  return (
    <figure className="chart-panel" data-testid={testId}>
      <figcaption className="chart-head">
        <span className="chart-title">{title}</span>
        <button type="button" className="chart-toggle" aria-controls={tableId} onClick={() => setView(view === 'chart' ? 'table' : 'chart')}>
          {view === 'chart' ? t('chart.showTable') : t('chart.showChart')}
        </button>
      </figcaption>
      {view === 'chart' ? (
        <div className="chart-canvas" style={{ height }}>
          <canvas ref={canvasRef} role="img" aria-label={title} />
        </div>
      ) : (
        <div className="chart-table-wrap" id={tableId}>
          <table className="chart-table">
            <thead>
              <tr>
                <th scope="col">{labelHeader ?? t('chart.label')}</th>
                {series.map((s) => <th key={s.label} scope="col">{s.label}</th>)}
              </tr>
            </thead>
            <tbody>
              {labels.map((label, row) => (
                <tr key={`${label}-${row}`}>
                  <th scope="row">{label}</th>
                  {series.map((s, i) => <td key={s.label}>{formatters[i]!(s.values[row] ?? 0)}</td>)}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </figure>
  );
}
