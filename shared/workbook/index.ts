/** The portfolio workbook format: see docs/workbook-format.md. */
export { writePortfolioWorkbook, writePortfolioWorkbookTo, type ExportMeta, type WorkbookMeta, type Language } from './write';
export { readPortfolioWorkbook, type ReadResult, type ReadOptions } from './read';
export { issueMessage, issueLine, groupIssues, groupMessage, rowRanges, type WorkbookIssue, type IssueCode, type IssueGroup } from './issues';
export {
  readSheetTable, tablesOf, guessColumnMapping, mapForeignRows, TARGET_FIELDS,
  type SheetTable, type SheetTables, type TargetField, type ColumnTarget, type ColumnMapping, type ForeignOptions,
  type ForeignMapResult, type RepeatedTaxId,
} from './foreign';
