import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkBinder, isMuchSmaller, MIN_LOST, type BinderMarker } from '../../../../shared/model/binder-marker';

const marker = (dossiers: number, binderId = 'b1'): BinderMarker => ({ binderId, dossiers, updatedAt: '2026-11-24T06:00:00.000Z' });

describe('the binder marker rule', () => {
  it('lets a first start, or a binder that was empty, through', () => {
    expect(checkBinder(null, null)).toEqual({ ok: true });
    expect(checkBinder(null, { dossiers: 0 })).toEqual({ ok: true });
    expect(checkBinder(marker(0), null)).toEqual({ ok: true });
  });

  it('stops on a missing or empty database the marker says held dossiers', () => {
    expect(checkBinder(marker(300), null)).toEqual({ ok: false, problem: 'missing', expected: 300, found: 0 });
    expect(checkBinder(marker(300), { binderId: 'b1', dossiers: 0 })).toMatchObject({ ok: false, problem: 'empty' });
    expect(checkBinder(marker(1), { dossiers: 0 })).toMatchObject({ ok: false, problem: 'empty' });
  });

  it('stops on a much smaller binder: under half, and at least 10 dossiers fewer', () => {
    expect(checkBinder(marker(300), { binderId: 'b1', dossiers: 149 })).toMatchObject({ ok: false, problem: 'shrunk', found: 149 });
    expect(checkBinder(marker(300), { binderId: 'b1', dossiers: 150 })).toEqual({ ok: true });
    // A marker a few dossiers ahead (a crash between commit and marker write) is no alarm.
    expect(checkBinder(marker(12), { binderId: 'b1', dossiers: 5 })).toEqual({ ok: true });
    expect(checkBinder(marker(300), { binderId: 'b1', dossiers: 310 })).toEqual({ ok: true });
  });

  it('stops on another database in its place that has fewer dossiers, adopts one with as many', () => {
    expect(checkBinder(marker(300), { binderId: 'other', dossiers: 299 })).toMatchObject({ ok: false, problem: 'replaced' });
    expect(checkBinder(marker(300), { dossiers: 299 })).toMatchObject({ ok: false, problem: 'replaced' });
    expect(checkBinder(marker(300), { binderId: 'other', dossiers: 300 })).toEqual({ ok: true });
  });

  it('never lets a binder with under half of the remembered dossiers through', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200_000 }), fc.integer({ min: 0, max: 200_000 }), fc.boolean(), (expected, found, sameId) => {
        const r = checkBinder(marker(expected), { binderId: sameId ? 'b1' : 'b2', dossiers: found });
        if (found === 0) expect(r.ok).toBe(false);
        if (found < expected / 2 && expected - found >= MIN_LOST) expect(r.ok).toBe(false);
        if (found >= expected) expect(r.ok).toBe(true);
        expect(isMuchSmaller(expected, found)).toBe(found < expected / 2 && expected - found >= MIN_LOST);
      }),
    );
  });
});
