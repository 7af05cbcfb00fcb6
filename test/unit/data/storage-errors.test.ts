import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { isQuotaError } from '../../../renderer/data/storage-errors';

describe('isQuotaError', () => {
  it('finds a quota error however Dexie wraps it', () => {
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    expect(isQuotaError(quota)).toBe(true);
    expect(isQuotaError(new Dexie.AbortError('Transaction aborted', quota))).toBe(true);
    expect(isQuotaError(new Dexie.AbortError('outer', new Dexie.AbortError('inner', quota)))).toBe(true);
    expect(isQuotaError(new Error('wrapped', { cause: quota }))).toBe(true);
  });

  it('does not take other failures for a full disk', () => {
    expect(isQuotaError(new Dexie.AbortError('Transaction aborted', new Dexie.ConstraintError('key exists')))).toBe(false);
    expect(isQuotaError(new Error('QuotaExceededError'))).toBe(false);
    expect(isQuotaError(null)).toBe(false);
    expect(isQuotaError('QuotaExceededError')).toBe(false);
  });
});
