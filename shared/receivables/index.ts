export * from './open-amount';
export * from './ageing';
export * from './ladder';
export * from './payment-steps';
export * from './ageing-by-client';
