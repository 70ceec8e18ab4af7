/**
 * Test helper: runs detectFile + readRows over one file and collects everything, the shape the golden
 * files store.
 */
import { detectFile, readRows } from './index.ts';
import type { DetectedFile, ParsedRow, ParseFinding, ReadOptions } from './index.ts';

/** Everything the parsers said about one file. */
export type ParseResult = {
  detected: DetectedFile | ParseFinding;
  rows: ParsedRow[];
  findings: ParseFinding[];
};

/** Detects and reads a whole file into memory (tests only: files are small). */
export async function parseAll(path: string, options: ReadOptions = {}): Promise<ParseResult> {
  const detected = await detectFile(path, options);
  const rows: ParsedRow[] = [];
  const findings: ParseFinding[] = [];
  if ('format' in detected) {
    for await (const row of readRows(path, detected, (f) => findings.push(f), options)) rows.push(row);
  }
  return { detected, rows, findings };
}
