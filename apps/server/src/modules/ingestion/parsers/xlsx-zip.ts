/**
 * Checks a zip file's central directory before exceljs sees it: only a workbook with a worksheet goes on,
 * so a zipped folder, a Word file or a truncated upload becomes one clear finding instead of a parser error.
 */
import { open } from 'node:fs/promises';
import { finding, notTabular } from './finding.ts';
import type { ParseFinding } from './finding.ts';

/** True when the bytes start like a zip archive (the container of .xlsx). */
export function isZip(head: Uint8Array): boolean {
  return head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
}

/** Null when the zip holds an Excel workbook with at least one sheet, else the finding to report. */
export async function checkXlsxZip(path: string): Promise<ParseFinding | null> {
  const names = await zipEntryNames(path);
  if (names === null) return damaged();
  const has = (re: RegExp): boolean => names.some((n) => re.test(n));
  if (has(/^xl\/workbook\.xml$/) && has(/^xl\/worksheets\/sheet\d+\.xml$/)) return null;
  if (has(/^word\//)) return notTabular('a Word document');
  if (has(/^ppt\//)) return notTabular('a PowerPoint file');
  if (names.includes('content.xml')) {
    return finding(
      'FILE-FORMAT',
      'fatal',
      'This is an OpenDocument file (LibreOffice or Google Sheets .ods), which cannot be read directly.',
      'Open it and use "Save as" to save it as Excel .xlsx or as CSV, then upload that file.',
    );
  }
  return notTabular('a zip archive of other files');
}

function damaged(): ParseFinding {
  return finding(
    'FILE-FORMAT',
    'fatal',
    'The Excel file is damaged or incomplete and cannot be opened.',
    'Open the file in Excel, save it again as .xlsx, and upload the new copy (or export it as CSV).',
  );
}

// The end-of-central-directory record sits in the last 22 bytes plus an optional comment of up to 64 KiB.
const EOCD_SEARCH = 22 + 0xffff;
// Workbooks have tens of entries; a directory bigger than this is not one worth opening.
const MAX_DIRECTORY = 4 << 20;

async function zipEntryNames(path: string): Promise<string[] | null> {
  const fh = await open(path, 'r');
  try {
    const { size } = await fh.stat();
    const tailLen = Math.min(size, EOCD_SEARCH);
    const tail = Buffer.alloc(tailLen);
    await fh.read(tail, 0, tailLen, size - tailLen);
    const eocd = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    if (eocd < 0 || eocd + 22 > tail.length) return null;
    const dirSize = tail.readUInt32LE(eocd + 12);
    const dirOffset = tail.readUInt32LE(eocd + 16);
    if (dirSize > MAX_DIRECTORY || dirOffset + dirSize > size) return null;
    const dir = Buffer.alloc(dirSize);
    await fh.read(dir, 0, dirSize, dirOffset);
    return directoryNames(dir);
  } finally {
    await fh.close();
  }
}

function directoryNames(dir: Buffer): string[] | null {
  const names: string[] = [];
  let p = 0;
  while (p + 46 <= dir.length) {
    if (dir.readUInt32LE(p) !== 0x02014b50) return null;
    const nameLen = dir.readUInt16LE(p + 28);
    const rest = nameLen + dir.readUInt16LE(p + 30) + dir.readUInt16LE(p + 32);
    if (p + 46 + rest > dir.length) return null;
    names.push(dir.toString('utf8', p + 46, p + 46 + nameLen));
    p += 46 + rest;
  }
  return names.length > 0 ? names : null;
}
