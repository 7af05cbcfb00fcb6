import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { newId, nowIso } from '../../../../shared/model/ids';

describe('newId', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('makes distinct UUIDs that the record schema accepts', () => {
    const ids = Array.from({ length: 200 }, newId);
    expect(new Set(ids).size).toBe(200);
    for (const id of ids) expect(z.uuid().safeParse(id).success).toBe(true);
  });

  it('still makes v4 UUIDs where randomUUID is missing (insecure context)', () => {
    const real = globalThis.crypto;
    vi.stubGlobal('crypto', { getRandomValues: (a: Uint8Array) => real.getRandomValues(a) });
    const ids = Array.from({ length: 50 }, newId);
    expect(new Set(ids).size).toBe(50);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('nowIso', () => {
  it('is an ISO instant in UTC', () => {
    expect(nowIso()).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });
});
