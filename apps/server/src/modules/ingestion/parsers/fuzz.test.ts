// Property test: thousands of random, truncated, mutated and mixed-encoding byte sequences (seeded, so a
// failure replays exactly) go through detectFile + readRows. Each case must end within its time limit,
// never throw, and finish with rows and/or well-formed findings; text files must read the same whatever
// the chunk size.
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAll } from './parse-all.test-helper.ts';
import type { ParseResult } from './parse-all.test-helper.ts';

type Rng = () => number;

// mulberry32: tiny, fast, deterministic.
function rng(seed: number): Rng {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const int = (r: Rng, n: number): number => Math.floor(r() * n);
const pick = <T>(r: Rng, list: readonly T[]): T => list[int(r, list.length)]!;

const TOKENS = [
  'HD',
  'EN',
  'SD',
  '0001',
  '000123456',
  'Peña',
  'Nguyễn',
  'Zoë',
  '"',
  '""',
  ',',
  '\t',
  '\t',
  '\n',
];
const MORE = [
  '\r\n',
  '\r',
  ' ',
  '\u00a0',
  '\u200b',
  '\u0000',
  '09/15/2024',
  'MT9.1',
  'a',
  '😀',
  '\ufeff',
  '\ufffd',
];
const ENCODINGS = ['utf8', 'utf8-bom', 'utf16le', 'utf16be', 'latin1'] as const;

function encode(text: string, enc: (typeof ENCODINGS)[number]): Buffer {
  if (enc === 'utf8') return Buffer.from(text, 'utf8');
  if (enc === 'utf8-bom') return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
  if (enc === 'latin1') return Buffer.from(text, 'latin1');
  const le = Buffer.from(text, 'utf16le');
  if (enc === 'utf16le') return Buffer.concat([Buffer.from([0xff, 0xfe]), le]);
  return Buffer.concat([Buffer.from([0xfe, 0xff]), le.swap16()]);
}

function randomBytes(r: Rng): Buffer {
  const b = Buffer.alloc(int(r, 3000));
  for (let i = 0; i < b.length; i++) b[i] = int(r, 256);
  return b;
}

function textyBytes(r: Rng): Buffer {
  let text = '';
  const n = int(r, 400);
  for (let i = 0; i < n; i++) text += r() < 0.8 ? pick(r, TOKENS) : pick(r, MORE);
  const bytes = encode(text, pick(r, ENCODINGS));
  return r() < 0.3 ? bytes.subarray(0, int(r, bytes.length + 1)) : bytes;
}

function mutate(r: Rng, seeds: Buffer[]): Buffer {
  const base = Buffer.from(pick(r, seeds));
  switch (int(r, 5)) {
    case 0:
      return base.subarray(0, int(r, base.length + 1));
    case 1: {
      for (let k = int(r, 8) + 1; k > 0 && base.length > 0; k--) base[int(r, base.length)] = int(r, 256);
      return base;
    }
    case 2:
      return Buffer.concat([base, pick(r, seeds)]);
    case 3: {
      const at = int(r, base.length + 1);
      return Buffer.concat([base.subarray(0, at), randomBytes(r).subarray(0, 40), base.subarray(at)]);
    }
    default: {
      const at = int(r, base.length + 1);
      const insert = Buffer.from(pick(r, ['"', '\r', '\n', '\u0000', '\t', ',', '\ud800']), 'utf8');
      return Buffer.concat([base.subarray(0, at), insert, base.subarray(at)]);
    }
  }
}

const CASE_LIMIT_MS = 10_000;

async function withLimit(p: Promise<ParseResult>): Promise<ParseResult> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`case did not finish in ${CASE_LIMIT_MS} ms`)), CASE_LIMIT_MS);
  });
  try {
    return await Promise.race([p, limit]);
  } finally {
    clearTimeout(timer);
  }
}

function checkResult(got: ParseResult): void {
  const all = 'format' in got.detected ? got.findings : [got.detected];
  for (const f of all) {
    expect(f.code).toMatch(/^[A-Z]+(-[A-Z]+)+$/);
    expect(['fatal', 'warning']).toContain(f.severity);
    expect(f.message.length).toBeGreaterThan(10);
    expect(f.fix.length).toBeGreaterThan(10);
    if (f.line !== null) expect(f.line).toBeGreaterThan(0);
  }
  if (!('format' in got.detected)) {
    expect(got.detected.severity).toBe('fatal');
    return;
  }
  expect(got.rows.length + got.findings.length).toBeGreaterThan(0);
  let last = 0;
  for (const row of got.rows) {
    expect(row.line).toBeGreaterThan(last);
    last = row.line;
    for (const c of row.cells) {
      expect(c.includes('\u0000') || !c.isWellFormed() || c !== c.trim()).toBe(false);
    }
  }
}

async function runCase(seed: number, c: { i: number; bytes: Buffer; chunkSize: number }): Promise<void> {
  const path = join(dir, `case-${seed}-${c.i}`);
  await writeFile(path, c.bytes);
  try {
    const got = await withLimit(parseAll(path, { idleMs: 500 }));
    checkResult(got);
    if ('format' in got.detected && got.detected.format !== 'xlsx') {
      expect(await withLimit(parseAll(path, { chunkSize: c.chunkSize }))).toEqual(got);
    }
  } catch (e) {
    const context = `seed ${seed} case ${c.i}: ${c.bytes.subarray(0, 64).toString('hex')}`;
    throw new Error(`${context}\n${(e as Error).message}`, { cause: e });
  }
}

let dir = '';
const seeds: Buffer[] = [];
let workbook = Buffer.alloc(0);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'parse-fuzz-'));
  const fixtures = join(import.meta.dirname, 'fixtures');
  for (const n of readdirSync(fixtures).filter((f) => !f.endsWith('.json'))) {
    seeds.push(readFileSync(join(fixtures, n)));
  }
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('S');
  ws.addRow(['Record Type', 'District Number', 'Start Date']);
  ws.addRow(['EN', '0001', new Date(Date.UTC(2024, 7, 27))]);
  workbook = Buffer.from(await wb.xlsx.writeBuffer());
  seeds.push(workbook);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const groups: [string, number, number, (r: Rng) => Buffer][] = [
  ['random bytes', 1, 600, randomBytes],
  ['random delimited text in random encodings', 2, 1200, textyBytes],
  ['truncated, corrupted and spliced fixtures (incl. xlsx)', 3, 1500, (r) => mutate(r, seeds)],
  // Byte flips inside the compressed parts keep the zip directory intact, so exceljs itself is exercised.
  ['corrupted xlsx workbooks', 4, 300, (r) => mutate(r, [workbook])],
];

describe('fuzz: detectFile + readRows', () => {
  it.each(groups)('%s (seed %i, %i cases)', { timeout: 300_000 }, async (_name, seed, cases, make) => {
    // Cases are generated in order from the seed, then run a few at a time (the work is mostly file I/O).
    const r = rng(seed);
    // Odd and even sizes put boundaries inside BOMs, CRLF pairs, UTF-16 units and UTF-8 sequences
    // (1-byte chunks are covered by the golden tests; here they would only slow the run down).
    const all = Array.from({ length: cases }, (_, i) => ({
      i,
      bytes: make(r),
      chunkSize: pick(r, [5, 7, 13, 32, 257]),
    }));
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < all.length) await runCase(seed, all[next++]!);
    };
    await Promise.all(Array.from({ length: 6 }, worker));
  });
});
