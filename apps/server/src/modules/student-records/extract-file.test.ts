import { describe, expect, it } from 'vitest';
import type { Template } from '@bitterroot/contracts';
import { csvLine, extractText, montanaHeader, tsvLine } from './extract-file.ts';

const template = {
  id: 'x',
  recordType: 'XX',
  columns: [
    { key: 'record_type', label: 'Record Type' },
    { key: 'name', label: 'Name, full' },
  ],
} as unknown as Template;

async function text(format: 'tsv' | 'csv', pages: string[][][]): Promise<string> {
  let out = '';
  async function* source() {
    yield* pages;
  }
  for await (const chunk of extractText(template, format, source(), new Date(2025, 7, 28, 14, 5, 9)))
    out += chunk;
  return out;
}

describe('extract file text', () => {
  it('stamps the Montana HD row with the local date and time', () => {
    expect(montanaHeader(new Date(2025, 7, 28, 14, 5, 9))).toBe('HD\t08/28/2025\t14:05:09\tMT9.1');
  });

  it('quotes a TSV cell only where the reader would misread it', () => {
    expect(tsvLine(['O"Brien', 'a, b', '=1'])).toBe('O"Brien\ta, b\t=1');
    expect(tsvLine(['"quoted" start', 'tab\there', 'line\nbreak'])).toBe(
      '"""quoted"" start"\t"tab\there"\t"line\nbreak"',
    );
  });

  it('neutralises formula cells in CSV and quotes by RFC 4180', () => {
    expect(csvLine(['=SUM(A1)', '+1', '-2', '@x', 'a,b', 'say "hi"', ''])).toBe(
      `'=SUM(A1),'+1,'-2,'@x,"a,b","say ""hi""",`,
    );
  });

  it('writes the HD row then LF rows for TSV, and a BOM, labels and CRLF rows for CSV', async () => {
    expect(await text('tsv', [[['XX', 'Ann']], [['XX', 'Bo']]])).toBe(
      'HD\t08/28/2025\t14:05:09\tMT9.1\nXX\tAnn\nXX\tBo\n',
    );
    expect(await text('csv', [[['XX', 'Ann']]])).toBe('\uFEFFRecord Type,"Name, full"\r\nXX,Ann\r\n');
    expect(await text('tsv', [])).toBe('HD\t08/28/2025\t14:05:09\tMT9.1\n');
  });
});
