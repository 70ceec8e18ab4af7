export * from './result.ts';
export * from './school-year.ts';
export * from './dates.ts';
export * from './calendar-rules.ts';
export * from './organization/index.ts';
export * from './identity/index.ts';
export * from './early-warning/index.ts';
export * from './access/index.ts';
