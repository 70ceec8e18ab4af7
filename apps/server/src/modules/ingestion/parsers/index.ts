/**
 * Upload-file parsers: Montana tab-separated files with an HD row, CSV/TSV with column names, and XLSX,
 * streamed with bounded memory. Malformed input becomes findings; nothing here throws on file content.
 */
export { normalizeCell, parseDate } from './cells.ts';
export { detectFile } from './detect.ts';
export type { DetectedFile, FileFormat } from './detect.ts';
export type { TextEncoding } from './encoding.ts';
export type { ParseFinding } from './finding.ts';
export { matchHeader } from './header.ts';
export type { HeaderColumn, HeaderMapping } from './header.ts';
export { MAX_ROWS, readRows } from './read-rows.ts';
export type { ParsedRow, ReadOptions } from './read-rows.ts';
