/**
 * Where an active dossier is filed: under its earliest open step. A day step files under
 * its day ('YYYY-MM-DD'), a month step under its month ('YYYY-MM'). For ordering a month
 * step counts as the 1st of its month, and when a day step falls in the same month as a
 * month step the day step wins: an exact date beats "sometime in July", so the dossier is
 * not hidden in a month folder while something is due on a known day.
 */
import { DAY_RE, MONTH_RE, type Step } from './records';

type FilingStep = Pick<Step, 'date' | 'month' | 'done'>;

export function isDayKey(key: string): boolean {
  return DAY_RE.test(key);
}

export function isMonthKey(key: string): boolean {
  return MONTH_RE.test(key);
}

/** The step's folder key, or undefined for a step that has neither a valid date nor month. */
export function stepKey(step: Pick<Step, 'date' | 'month'>): string | undefined {
  if (step.date && isDayKey(step.date)) return step.date;
  if (step.month && isMonthKey(step.month)) return step.month;
  return undefined;
}

/**
 * Sort key: a day sorts as itself, a month as 'YYYY-MM-~' ('~' sorts after every digit),
 * i.e. after every day of its own month and before the next month: a month step is
 * "the 1st" against other months and later days, and loses to any exact day in its month.
 */
function orderKey(key: string): string {
  return isMonthKey(key) ? `${key}-~` : key;
}

/**
 * Orders two folder keys the way the binder files them (negative: a first). A month key
 * comes after the days of its own month and before the days of later months.
 */
export function compareFileKeys(a: string, b: string): number {
  const ka = orderKey(a);
  const kb = orderKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

export function earliestOpenStep<T extends FilingStep>(steps: T[]): T | undefined {
  let best: T | undefined;
  let bestKey = '';
  for (const s of steps) {
    if (s.done) continue;
    const key = stepKey(s);
    if (key === undefined) continue;
    if (best === undefined || compareFileKeys(key, bestKey) < 0) {
      best = s;
      bestKey = key;
    }
  }
  return best;
}

/**
 * The folder of a dossier with these steps, as a rule in one line: the oracle the tests
 * compare stored rows with (and the demo generator's check). The app derives it in
 * renderer/data/derive-row.ts from earliestOpenStep, which also gives the next step.
 */
export function fileKeyOf(steps: FilingStep[]): string | undefined {
  const s = earliestOpenStep(steps);
  return s ? stepKey(s) : undefined;
}
