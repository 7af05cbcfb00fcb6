import { describe, expect, it } from 'vitest';
import { memoizeText } from '../../../renderer/features/calendar/memoize-text';

describe('memoizeText', () => {
  it('builds each distinct text once and hands back the same text for the same arguments', () => {
    const calls: string[] = [];
    const hint = memoizeText((count: number, off: boolean) => {
      calls.push(`${count}/${off}`);
      return `${count} planned${off ? ', day off' : ''}`;
    });
    expect([hint(3, false), hint(3, true), hint(3, false), hint(12, false)]).toEqual(['3 planned', '3 planned, day off', '3 planned', '12 planned']);
    expect(calls).toEqual(['3/false', '3/true', '12/false']);
  });
});
