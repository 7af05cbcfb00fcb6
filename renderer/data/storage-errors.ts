/**
 * A full disk or an exhausted browser quota. Dexie reports it as an error named
 * QuotaExceededError, or as an AbortError of the transaction that carries it in `inner`
 * (sometimes nested again); the DOMException itself has the same name.
 */
export function isQuotaError(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const named = e as { name?: unknown; inner?: unknown; cause?: unknown };
    if (named.name === 'QuotaExceededError') return true;
    e = named.inner ?? named.cause;
  }
  return false;
}
