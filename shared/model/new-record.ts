/**
 * Creating and touching records: every new record gets an id, timestamps, its author and
 * an empty sync base (never exchanged through a workbook); every change bumps updatedAt
 * and the author, so merge can tell whose edit is newer.
 */
import { newId, nowIso } from './ids';
import type { RecordMeta } from './records';

export function stamp<T extends object>(fields: T, author: string, now: string = nowIso()): T & RecordMeta {
  return { ...fields, id: newId(), createdAt: now, updatedAt: now, author, syncBase: '' };
}

export function touch<T extends RecordMeta>(rec: T, author: string, now: string = nowIso()): T {
  return { ...rec, updatedAt: now, author };
}
