/**
 * Parser throughput and memory: `node throughput.bench.ts <tsv|csv|tsv-1252> [rows]` writes an enrollment-like file
 * to the temp folder, then times detectFile + readRows over it and prints rows/s and peak RSS.
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { spawn } from 'node:child_process';
import { detectFile, readRows } from './index.ts';

const LAST = ['Peña', 'Nguyễn', 'Smith', "O'Brien", 'Running Crane', 'Johnson'];
const FIRST = ['Maria', 'Thanh', 'John', 'Aiyana', 'Sam'];

// kinds: tsv, csv, tsv-1252 (Windows-1252 bytes, so detection takes the byte-scan path).
async function writeFile(path: string, kind: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  const format = kind === 'csv' ? 'csv' : 'tsv';
  const encoding = kind === 'tsv-1252' ? 'latin1' : 'utf8';
  const d = format === 'tsv' ? '\t' : ',';
  const header =
    format === 'tsv'
      ? 'HD\t09/01/2024\t10:00:00\tMT9.1'
      : 'Record Type,District Number,School Number,Calendar Number,Student State ID,Student Local ID,Last Name,First Name,Grade Level,Start Date,Start Status,End Date,End Status,Service Type,Year,Hours,Absent,Exclude,Extracurricular Only,ADA Enrolled,ADA Present';
  let buf = header + '\r\n';
  for (let i = 0; i < rows; i++) {
    const last = encoding === 'latin1' && i % 6 === 1 ? 'Nguyen' : LAST[i % LAST.length]!;
    const name = format === 'csv' && i % 10 === 0 ? `"${last}, Jr."` : last;
    const cells = ['EN', String(i % 400).padStart(4, '0'), String(i % 900).padStart(4, '0'), '001'];
    cells.push(String(i).padStart(9, '0'), String(100000 + i), name, FIRST[i % FIRST.length]!, '09');
    cells.push('08/27/2024', '01', i % 7 === 0 ? '06/05/2025' : '', i % 7 === 0 ? '100' : '', 'P', '2025');
    cells.push('1080', '3', '', 'N', '176', '171.5');
    buf += cells.join(d) + '\r\n';
    if (buf.length > 1 << 16) {
      if (!out.write(buf, encoding)) await once(out, 'drain');
      buf = '';
    }
  }
  out.end(buf, encoding);
  await once(out, 'finish');
}

async function measure(path: string): Promise<void> {
  const size = (await stat(path)).size;
  const baseRss = process.memoryUsage().rss;
  const t0 = performance.now();
  const detected = await detectFile(path);
  const t1 = performance.now();
  let n = 0;
  let findings = 0;
  if ('format' in detected) {
    for await (const row of readRows(path, detected, () => findings++)) n += row.cells.length > 0 ? 1 : 0;
  }
  const t2 = performance.now();
  const mb = (b: number): string => `${(b / 1048576).toFixed(1)} MB`;
  const enc = 'format' in detected ? detected.encoding : detected.code;
  console.log(
    JSON.stringify({
      file: `${mb(size)} ${enc}`,
      rows: n,
      findings,
      detectMs: Math.round(t1 - t0),
      readMs: Math.round(t2 - t1),
      rowsPerSecRead: Math.round(n / ((t2 - t1) / 1000)),
      rowsPerSecDetectAndRead: Math.round(n / ((t2 - t0) / 1000)),
      rssAtStart: mb(baseRss),
      peakRss: mb(process.resourceUsage().maxRSS * 1024),
    }),
  );
}

if (process.argv[2] === 'read') {
  await measure(process.argv[3]!);
} else {
  const kind = process.argv[2] ?? 'tsv';
  const rows = Number(process.argv[3] ?? 1_000_000);
  const dir = await mkdtemp(join(tmpdir(), 'parse-bench-'));
  const path = join(dir, `enrollment.${kind}`);
  await writeFile(path, kind, rows);
  // A fresh process, so peak RSS is the parser's and not the generator's.
  const child = spawn(
    process.execPath,
    [...(process.env.BENCH_NODE_ARGS?.split(' ') ?? []), import.meta.filename, 'read', path],
    { stdio: 'inherit' },
  );
  await once(child, 'exit');
  await rm(dir, { recursive: true });
}
