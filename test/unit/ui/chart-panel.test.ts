import { describe, expect, it } from 'vitest';
import { formatterFor } from '../../../renderer/ui/chart-panel';

// The table under a chart is what a manager copies into a report: its numbers must read as the locale writes them.
describe('chart numbers follow the interface language', () => {
  it('writes shares as percentages', () => {
    expect(formatterFor({ kind: 'percent' }, 'en')(0.8)).toBe('80%');
    expect(formatterFor({ kind: 'percent' }, 'ru')(0.955).replace(/\s/g, ' ')).toBe('95,5 %');
  });
  it('writes Romanian money in lei and Russian money in roubles, whole units', () => {
    expect(formatterFor({ kind: 'money', currency: 'RON' }, 'ro')(1234.4).replace(/\s/g, ' ')).toBe('1.234 lei');
    expect(formatterFor({ kind: 'money', currency: 'RUB' }, 'ru')(1234.6).replace(/\s/g, ' ')).toBe('1 235 ₽');
  });
  it('writes plain counts with the locale grouping', () => {
    expect(formatterFor(undefined, 'ru')(12345).replace(/\s/g, ' ')).toBe('12 345');
    expect(formatterFor({ kind: 'number' }, 'en')(12345)).toBe('12,345');
  });
});
