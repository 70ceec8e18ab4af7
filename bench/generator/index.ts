export { generate } from './generate.ts';
export type { GenerateOptions, Manifest } from './generate.ts';
export type { DefectEntry } from './defects.ts';
export type { ScaleName } from './scale.ts';
export { ENROLLMENT_COLUMNS, STAFF_COLUMNS, STUDENT_COLUMNS } from './baseline.ts';
