export * from './catalogue.ts';
export * from './dates.ts';
export * from './row-rule.ts';
export * from './enrollment-rules.ts';
export * from './record-rules.ts';
export * from './cell-checks.ts';
