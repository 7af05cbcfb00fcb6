/**
 * Record identity and time stamps. UUIDs (not counters) because two managers' workbooks
 * are merged by id, and ids created on different machines must never collide.
 * crypto.randomUUID exists only in secure contexts; the renderer served over plain http
 * from another host would lack it, so a v4 UUID is then built from getRandomValues.
 */

export function newId(): string {
  const c = globalThis.crypto;
  if (typeof c.randomUUID === 'function') return c.randomUUID();
  const b = c.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40; // version 4
  b[8] = (b[8]! & 0x3f) | 0x80; // RFC 4122 variant
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The current instant as an ISO string (UTC), the format of createdAt/updatedAt. */
export function nowIso(): string {
  return new Date().toISOString();
}
