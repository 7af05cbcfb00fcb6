/** The portfolio workbook format: see docs/workbook-format.md. */
export { writePortfolioWorkbook, portfolioToWorkbook, type ExportMeta, type WorkbookMeta, type Language } from './write';
export { readPortfolioWorkbook, type ReadResult, type ReadOptions } from './read';
export { issueMessage, issueLine, type WorkbookIssue, type IssueCode } from './issues';
export {
  readSheetTable, tablesOf, guessColumnMapping, mapForeignRows, TARGET_FIELDS,
  type SheetTable, type SheetTables, type TargetField, type ForeignOptions,
} from './foreign';
