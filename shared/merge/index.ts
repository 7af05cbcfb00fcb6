/** Merge rules for import and handover: see docs/workbook-format.md ("Merge"). */
export { contentHash, withSyncBase } from './content-hash';
export {
  planMerge, fieldDiffs, RECORD_KINDS,
  type MergePlan, type RecordKind, type AnyRecord, type FieldDiff, type PlanEntry, type UpdateEntry,
  type ConflictEntry, type UnchangedEntry, type DuplicateEntry, type DuplicateReason,
} from './plan';
export { applyMergePlan, applyChanges, type MergeResolutions, type MergeResult, type MergeSummary, type Side } from './apply';
export { type FilingConflict, type FilingSide } from './filing';
