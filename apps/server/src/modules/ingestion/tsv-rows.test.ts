import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tsvRowBatches, type TsvRowOptions } from './tsv-rows.ts';

// The reader must split lines exactly as the readline-based readline-based reader it replaced: \n, \r\n
// and a lone \r all end a line, a byte-order mark at a line's start goes, blank lines are skipped, and
// the first line is a header when it is an HD row (or always, for baseline files).
async function reference(path: string, options: TsvRowOptions): Promise<string[][]> {
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  const rows: string[][] = [];
  let first = true;
  for await (const raw of lines) {
    const line = raw.replace(/^\uFEFF/, '');
    if (first) {
      first = false;
      if (options.skipHeader === 'names' || line.startsWith('HD\t')) continue;
    }
    if (line.trim() === '') continue;
    rows.push(line.split('\t', options.width));
  }
  return rows;
}

async function read(path: string, options: TsvRowOptions): Promise<string[][]> {
  const rows: string[][] = [];
  for await (const batch of tsvRowBatches(path, options)) rows.push(...batch);
  return rows;
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tsv-rows-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const CASES: Record<string, string> = {
  'HD header, LF': 'HD\t06/30/2026\nSD\t0001\t1\nSD\t0002\t2\n',
  'no trailing newline': 'HD\tx\nSD\t1\t2',
  'CRLF and lone CR': '\uFEFFHD\tx\r\nSD\ta\r\nSD\tb\rSD\tc\r\r\nSD\td\r',
  'blank and whitespace lines': '\n  \nSD\t1\n\t\n \u00a0\nSD\t2\n\n',
  'first line is data': 'SD\t1\t2\t3\t4\nSD\t5\n',
  'BOM on a later line': 'HD\t1\n\uFEFFSD\t1\n',
  'short and long rows': 'HD\t1\nSD\nSD\t1\t2\t3\t4\t5\t6\t7\nSD\t\t\t\n',
  'accents and backslashes': 'HD\t1\nSD\tPeña\\N\tNguyễn\n',
};

describe('TSV rows', () => {
  for (const [name, text] of Object.entries(CASES))
    it(`match the line reader: ${name}`, async () => {
      const path = join(dir, 'case.tsv');
      await writeFile(path, text);
      for (const options of [
        { skipHeader: 'hd', width: 3 },
        { skipHeader: 'names', width: 2 },
      ] as const)
        expect(await read(path, options)).toEqual(await reference(path, options));
    });

  it('match the line reader across read buffers (lines split between reads, CRLF on the seam)', async () => {
    const path = join(dir, 'big.tsv');
    const lines: string[] = ['HD\tbig'];
    for (let i = 0; i < 60_000; i++)
      lines.push(`SD\t${i}\tMüller-${'é'.repeat(i % 7)}\t${i % 11 === 0 ? '' : 'x'}`);
    // Mixed endings so a \r\n pair and multi-byte characters land on read-buffer boundaries somewhere.
    const text = lines.map((l, i) => l + (i % 3 === 0 ? '\r\n' : i % 3 === 1 ? '\n' : '\r')).join('');
    await writeFile(path, text);
    const options = { skipHeader: 'hd', width: 4 } as const;
    const ours = await read(path, options);
    expect(ours).toHaveLength(60_000);
    expect(ours).toEqual(await reference(path, options));
  });
});
