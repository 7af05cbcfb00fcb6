import { describe, expect, it } from 'vitest';
import { stamp, touch } from '../../../../shared/model/new-record';
import { recordMeta } from '../../../../shared/model/records';

describe('stamp and touch', () => {
  it('gives a new record valid, unique metadata', () => {
    const a = stamp({ company: 'A' }, 'Анна', '2026-05-12T08:00:00.000Z');
    const b = stamp({ company: 'B' }, 'Анна', '2026-05-12T08:00:00.000Z');
    expect(recordMeta.safeParse(a).success).toBe(true);
    expect(a).toMatchObject({ company: 'A', author: 'Анна', createdAt: '2026-05-12T08:00:00.000Z', updatedAt: '2026-05-12T08:00:00.000Z', syncBase: '' });
    expect(a.id).not.toBe(b.id);
  });

  it('touch moves updatedAt and author, keeps identity and creation', () => {
    const a = stamp({ company: 'A' }, 'Анна', '2026-05-12T08:00:00.000Z');
    const t = touch(a, 'Ion', '2026-05-13T09:00:00.000Z');
    expect(t).toEqual({ ...a, updatedAt: '2026-05-13T09:00:00.000Z', author: 'Ion' });
    expect(a.author).toBe('Анна');
  });
});
