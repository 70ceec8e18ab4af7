/**
 * Decides what an uploaded file is before any row is read: XLSX or delimited text, which encoding, whether
 * it starts with a Montana `HD` row and/or a column-name row, and the record type of the first data row.
 */
import { open } from 'node:fs/promises';
import { normalizeCell } from './cells.ts';
import { binaryMagic, bomEncoding, checkUtf8, guessUtf16, looksBinary } from './encoding.ts';
import type { TextEncoding } from './encoding.ts';
import { emptyFile, finding, noRows, notTabular } from './finding.ts';
import type { ParseFinding } from './finding.ts';
import type { RawRecord } from './records.ts';
import { textRecords } from './text-source.ts';
import { xlsxRecords } from './xlsx.ts';
import type { XlsxOptions } from './xlsx.ts';
import { checkXlsxZip, isZip } from './xlsx-zip.ts';

/** The three kinds of upload file; `montana-tsv` is any tab-separated file. */
export type FileFormat = 'montana-tsv' | 'csv' | 'xlsx';

/** What detectFile learned; readRows takes it back to read the same file. */
export type DetectedFile = {
  format: FileFormat;
  encoding: TextEncoding;
  hasHdRow: boolean;
  headerNames: string[] | null;
  /** Physical line (sheet row) of the column-name row, for header findings; null without one. */
  headerLine: number | null;
  recordType: string | null;
};

const HEAD_BYTES = 1 << 16;

/** Inspects a file; returns what it is, or the one fatal finding that says why it cannot be read. */
export async function detectFile(
  path: string,
  options: XlsxOptions = {},
): Promise<DetectedFile | ParseFinding> {
  try {
    return await detect(path, options);
  } catch {
    return unreadableFile();
  }
}

/** The finding for a file the server could not open or read (deleted, permissions, disk error). */
export function unreadableFile(): ParseFinding {
  return finding(
    'FILE-READ',
    'fatal',
    'The uploaded file could not be read on the server.',
    'Upload the file again; if this keeps happening, contact the help desk.',
  );
}

async function detect(path: string, options: XlsxOptions): Promise<DetectedFile | ParseFinding> {
  const head = await readHead(path);
  if (head.length === 0) return emptyFile();
  if (isZip(head)) {
    const bad = await checkXlsxZip(path);
    if (bad !== null) return bad;
    const found: ParseFinding[] = [];
    const batches = xlsxRecords(path, (f) => found.push(f), options);
    return await classify('xlsx', 'utf-8', unwrapXlsx(batches), () => found[0] ?? null);
  }
  const magic = binaryMagic(head);
  if (magic !== null) return notTabular(magic);
  const guessed = bomEncoding(head) ?? guessUtf16(head);
  const isUtf16 = guessed === 'utf-16le' || guessed === 'utf-16be';
  // Control characters show in any single-byte decoding, so binary is ruled out before the UTF-8 check.
  if (looksBinary(new TextDecoder(isUtf16 ? guessed : 'windows-1252').decode(head))) {
    return notTabular('a binary file');
  }
  const encoding = isUtf16 ? guessed : await textEncoding(path, guessed);
  if (typeof encoding !== 'string') return encoding;
  const delimiter = sniffDelimiter(
    new TextDecoder(encoding === 'utf-8-bom' ? 'utf-8' : encoding).decode(head),
  );
  if (typeof delimiter !== 'string') return delimiter;
  const format = delimiter === ',' ? 'csv' : 'montana-tsv';
  const batches = textRecords(path, encoding, delimiter);
  return await classify(format, encoding, unwrapText(batches), () => null);
}

async function readHead(path: string): Promise<Buffer> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await fh.read(buf, 0, HEAD_BYTES, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

async function textEncoding(path: string, bom: TextEncoding | null): Promise<TextEncoding | ParseFinding> {
  const verdict = await checkUtf8(path, bom === 'utf-8-bom' ? 3 : 0);
  if (verdict.valid) return bom ?? 'utf-8';
  // Bad bytes and no well-formed multibyte characters: a legacy Windows export (Excel's "CSV" on Windows).
  if (bom === null && verdict.multibyte === 0) return 'windows-1252';
  return finding(
    'FILE-ENCODING',
    'fatal',
    `The file mixes two text encodings (first seen on line ${verdict.firstBadLine}), so names with accents would be garbled.`,
    'Open the file and save it again as "UTF-8" (in Excel: Save As → "CSV UTF-8"), then upload that copy.',
    verdict.firstBadLine,
  );
}

// Tabs or commas on the first line that has either decide; a lone column defaults to tabs (Montana format).
function sniffDelimiter(sample: string): string | ParseFinding {
  const lines = sample.split(/\r\n|\r|\n/, 50);
  for (const line of lines) {
    const tabs = line.split('\t').length - 1;
    const commas = line.split(',').length - 1;
    if (tabs > 0 || commas > 0) return tabs >= commas ? '\t' : ',';
  }
  if (lines.some((l) => l.includes(';'))) {
    return finding(
      'FILE-FORMAT',
      'fatal',
      'The columns in this file are separated by semicolons, which this upload does not read.',
      'Save the file as tab-separated text or as "CSV (comma delimited)", or upload the .xlsx workbook.',
    );
  }
  return '\t';
}

async function* unwrapText(batches: ReturnType<typeof textRecords>): AsyncGenerator<RawRecord[]> {
  for await (const b of batches) yield b.records;
}

async function* unwrapXlsx(batches: ReturnType<typeof xlsxRecords>): AsyncGenerator<RawRecord[]> {
  yield* batches;
}

/** True for a value shaped like a record type: two capital letters (`SD`, `EN`) or Montana's `504` (§3.1). */
export function looksLikeRecordType(value: string): boolean {
  return /^([A-Z]{2}|[0-9]{3})$/.test(value);
}

async function classify(
  format: FileFormat,
  encoding: TextEncoding,
  source: AsyncGenerator<RawRecord[]>,
  failure: () => ParseFinding | null,
): Promise<DetectedFile | ParseFinding> {
  const first: RawRecord[] = [];
  for await (const batch of source) {
    for (const rec of batch) {
      const cells = rec.cells.map(normalizeCell);
      if (cells.some((c) => c !== '')) first.push({ line: rec.line, cells });
    }
    if (first.length >= 3) break;
  }
  if (first.length === 0) return failure() ?? emptyFile();
  let i = 0;
  const hasHdRow = first[0]!.cells[0]!.toUpperCase() === 'HD';
  if (hasHdRow) i++;
  const next = first[i];
  if (next === undefined) return failure() ?? noRows();
  const named = !looksLikeRecordType(next.cells[0] ?? '');
  const data = named ? first[i + 1] : next;
  if (data === undefined) return failure() ?? noRows();
  return {
    format,
    encoding,
    hasHdRow,
    headerNames: named ? next.cells : null,
    headerLine: named ? next.line : null,
    recordType: data.cells[0] || null,
  };
}
