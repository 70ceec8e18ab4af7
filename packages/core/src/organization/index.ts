export * from './types.ts';
export * from './grades.ts';
export * from './district-seed.ts';
export * from './calendars.ts';
export * from './schools.ts';
export * from './build.ts';
export { townOf } from './names.ts';
