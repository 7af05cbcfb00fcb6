import { describe, expect, it } from 'vitest';
import { printTargetOf } from '../../../renderer/features/print/print-commands';
import { routeOfTag } from '../../../renderer/reminders/reminder-host';

describe('the print command', () => {
  it('prints the dossier through its print view, and today\'s call sheet from Today and the calendar', () => {
    expect(printTargetOf('#/dossier/abc')).toEqual(['print', 'dossier', 'abc', 'auto']);
    expect(printTargetOf('#/today')).toEqual(['print', 'today', 'auto']);
    expect(printTargetOf('#/calendar')).toEqual(['print', 'today', 'auto']);
  });
  it('leaves the print views (they print themselves) and screens without a printed form alone', () => {
    expect(printTargetOf('#/print/today')).toBeNull();
    expect(printTargetOf('#/settings')).toBeNull();
    expect(printTargetOf('#/dossier')).toBeNull();
  });
});

describe('notification tags', () => {
  it('open the dossier or today', () => {
    expect(routeOfTag('dossier:42')).toEqual(['dossier', '42']);
    expect(routeOfTag('today')).toEqual(['today']);
    expect(routeOfTag('dossier:')).toBeNull();
    expect(routeOfTag('other')).toBeNull();
  });
});
