/**
 * The content hash of a record: what the record says, not who touched it when. Merge
 * compares these instead of timestamps, because two machines' clocks and a person editing
 * a workbook in Excel (who never updates "Updated") cannot be trusted to order edits.
 */

/** Bookkeeping fields: excluded from the content. */
export const META_FIELDS: ReadonlySet<string> = new Set(['id', 'createdAt', 'updatedAt', 'author', 'syncBase']);

/**
 * Canonical value: custom fields without empty values (an empty custom column means "no
 * such field") and with sorted keys, so the same content always hashes the same.
 */
function canonicalValue(key: string, v: unknown): unknown {
  if (key === 'customFields' && v && typeof v === 'object') {
    const out: Record<string, string> = {};
    for (const k of Object.keys(v).sort()) {
      const x = (v as Record<string, string>)[k];
      if (x !== '' && x !== undefined) out[k] = x;
    }
    return out;
  }
  return v;
}

/** Sorted content keys per record shape: records of one kind share a shape, so this is sorted once. */
const shapes = new Map<string, string[]>();

function sortedContentKeys(record: object): string[] {
  const keys = Object.keys(record);
  const shape = keys.join('\u0001');
  let sorted = shapes.get(shape);
  if (!sorted) {
    sorted = keys.filter((k) => !META_FIELDS.has(k)).sort();
    if (shapes.size < 1000) shapes.set(shape, sorted);
  }
  return sorted;
}

export function contentFields(record: object): string[] {
  return sortedContentKeys(record).filter((k) => (record as Record<string, unknown>)[k] !== undefined);
}

export function fieldText(record: object, field: string): string {
  return JSON.stringify(canonicalValue(field, (record as Record<string, unknown>)[field]) ?? null);
}

export function canonicalContent(record: object): string {
  let s = '';
  for (const k of sortedContentKeys(record)) {
    const v = (record as Record<string, unknown>)[k];
    if (v === undefined) continue;
    s += `${k}:${typeof v === 'string' ? JSON.stringify(v) : JSON.stringify(canonicalValue(k, v))},`;
  }
  return s;
}

/** Two 32-bit multiply-xorshift lanes (cyrb53-style) over UTF-16 units: 64 bits as 16 hex digits. */
function hash64(s: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}

export function contentHash(record: object): string {
  return hash64(canonicalContent(record));
}

/**
 * A record as stored after an exchange: its syncBase is the content both sides agreed on.
 * One the merge left without a base (a created or taken record: the base is its content)
 * gets its own content hash here, where it is stored, so that a large import hashes chunk
 * by chunk while the database works instead of all at once before.
 */
export function withSyncBase<T extends { syncBase: string }>(rec: T): T {
  return rec.syncBase ? rec : { ...rec, syncBase: contentHash(rec) };
}
