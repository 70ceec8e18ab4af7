/**
 * Small readers for trusted Montana TSV files (generated or baseline). The rows themselves stream
 * through `tsv-rows.ts`; district uploads go through the validating upload pipeline instead.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

/** Reads the column names of a baseline file (its first line). */
export async function readHeaderNames(path: string): Promise<string[]> {
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  for await (const line of lines) {
    lines.close();
    return line
      .replace(/^\uFEFF/, '')
      .split('\t')
      .map((s) => s.trim());
  }
  return [];
}
