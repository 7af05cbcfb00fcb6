export * from './model';
export * from './reminder-letter';
export * from './reconciliation';
export * from './claim-letter';
export * from './amount-words';
export * from './workbook';
