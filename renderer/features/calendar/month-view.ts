/**
 * react-big-calendar's month view, laid out once on opening instead of twice.
 *
 * The library's month view first renders a dummy grid (day headers and one blank event)
 * only to measure how many event rows fit in a week row, forces a layout, then renders
 * the real grid with that row limit. On a busy month that was about a third of the time
 * to the painted calendar. This view renders the real grid straight away with the
 * library's default limit and measures the same quantities on it (a week row, its heading
 * row, an event row); only if the real limit differs does it render again, as the library
 * would have. A window resize still goes through the library's own measuring pass.
 */
import type { ComponentType } from 'react';
import * as month from 'react-big-calendar/lib/Month';
import type { ViewStatic } from 'react-big-calendar';
import { unwrapDefault } from './cjs-default';

/** The part of the library's class this view relies on (react-big-calendar 1.20, lib/Month.js). */
interface MonthState {
  rowLimit: number;
  needLimitMeasure: boolean;
  date: Date | null;
}
interface MonthProps {
  date: Date;
  events: readonly object[];
  localizer: { neq(a: Date, b: Date | null, unit: string): boolean };
}
interface MonthInstance {
  props: MonthProps;
  state: MonthState;
  containerRef: { current: HTMLElement | null };
  setState(s: Partial<MonthState>): void;
  componentDidMount(): void;
  componentDidUpdate(prevProps: MonthProps, prevState: MonthState): void;
}
type MonthClass = (new (props: MonthProps) => MonthInstance) & ViewStatic & {
  getDerivedStateFromProps(props: MonthProps, state: MonthState): Partial<MonthState>;
};

const LibraryMonth = unwrapDefault<MonthClass>(month);

/**
 * How many rows of events a week row holds, computed as the library's DateContentRow does
 * (the row's height less its heading, over one event row's height), or undefined when the
 * grid shows no event to measure (then no limit is needed yet).
 */
export function rowLimitOf(grid: HTMLElement): number | undefined {
  const week = grid.querySelector<HTMLElement>('.rbc-month-row');
  const heading = week?.querySelector<HTMLElement>('.rbc-row-content > .rbc-row');
  const eventRow = grid.querySelector('.rbc-month-row .rbc-row-segment .rbc-event')?.closest<HTMLElement>('.rbc-row');
  if (!week || !eventRow) return undefined;
  const height = (el: HTMLElement) => el.getBoundingClientRect().height;
  const eventHeight = height(eventRow);
  if (eventHeight <= 0) return undefined;
  return Math.max(Math.floor((height(week) - (heading ? height(heading) : 0)) / eventHeight), 1);
}

class MonthLaidOutOnce extends LibraryMonth {
  constructor(props: MonthProps) {
    super(props);
    this.state = { ...this.state, needLimitMeasure: false };
  }

  /** The library asks for its measuring pass whenever the month changes; this view measures the real grid instead. */
  static getDerivedStateFromProps(props: MonthProps, state: MonthState): Partial<MonthState> {
    return { ...LibraryMonth.getDerivedStateFromProps(props, state), needLimitMeasure: state.needLimitMeasure };
  }

  componentDidMount(): void {
    super.componentDidMount();
    this.fitRows();
  }

  componentDidUpdate(prevProps: MonthProps, prevState: MonthState): void {
    super.componentDidUpdate(prevProps, prevState);
    const monthChanged = this.props.localizer.neq(this.props.date, prevProps.date, 'month');
    const measured = prevState.needLimitMeasure && !this.state.needLimitMeasure;
    if (!this.state.needLimitMeasure && !measured && (monthChanged || prevProps.events !== this.props.events)) this.fitRows();
  }

  /** Renders again only when the grid holds a different number of event rows than it was laid out for. */
  private fitRows(): void {
    const grid = this.containerRef.current;
    const limit = grid ? rowLimitOf(grid) : undefined;
    if (limit !== undefined && limit !== this.state.rowLimit) this.setState({ rowLimit: limit });
  }
}

/** The month view for `<Calendar views={{ month: MonthView, ... }}>`. */
export const MonthView = MonthLaidOutOnce as unknown as ComponentType<object> & ViewStatic;
