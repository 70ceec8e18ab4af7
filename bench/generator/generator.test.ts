import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from './generate.ts';
import type { Manifest } from './generate.ts';
import { loadLayouts } from './layouts.ts';

const root = join(import.meta.dirname, '../..');
const districtsCsvPath = join(root, 'profiles/montana/organization/districts.csv');
const dirs: string[] = [];

async function run(seed: number, defectRate = 0): Promise<{ dir: string; manifest: Manifest }> {
  const dir = mkdtempSync(join(tmpdir(), 'bitterroot-gen-'));
  dirs.push(dir);
  const manifest = await generate({
    scale: 'small',
    schoolYear: 2026,
    outDir: dir,
    seed,
    historyYears: 2,
    defectRate,
    districtsCsvPath,
  });
  return { dir, manifest };
}

function allFiles(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (rel: string): void => {
    for (const e of readdirSync(join(dir, rel), { withFileTypes: true })) {
      const p = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(p);
      else out.set(p, readFileSync(join(dir, p), 'utf8'));
    }
  };
  walk('');
  return out;
}

function rows(dir: string, template: string): string[][] {
  return readdirSync(join(dir, 'districts')).flatMap((d) =>
    readFileSync(join(dir, 'districts', d, `${template}.tsv`), 'utf8')
      .split('\n')
      .slice(1, -1)
      .map((l) => l.split('\t')),
  );
}

let a: { dir: string; manifest: Manifest };
let defective: { dir: string; manifest: Manifest };
beforeAll(async () => {
  a = await run(11);
  defective = await run(11, 0.02);
}, 60_000);
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('generate (small scale)', () => {
  it('is byte-identical for a seed and differs for another seed', async () => {
    const again = await run(11);
    expect(allFiles(again.dir)).toEqual(allFiles(a.dir));
    const other = await run(12);
    expect(allFiles(other.dir).get('districts/0059/student-enrollment.tsv')).not.toEqual(
      allFiles(a.dir).get('districts/0059/student-enrollment.tsv'),
    );
  }, 60_000);

  it('writes the HD header and the template column count on every row (LF only)', () => {
    const layouts = loadLayouts(join(root, 'profiles/montana/templates'));
    for (const [path, text] of allFiles(a.dir)) {
      if (!path.startsWith('districts/')) continue;
      const layout = layouts.find((l) => path.endsWith(`/${l.id}.tsv`))!;
      expect(text).not.toContain('\r');
      const lines = text.split('\n').slice(0, -1);
      expect(lines[0]).toMatch(/^HD\t\d{2}\/\d{2}\/\d{4}\t\d{2}:\d{2}:\d{2}\tMT9\.1$/);
      // One assertion per file, not per row: thousands of expect calls cost seconds and name no line.
      const wrongWidth = lines.slice(1).filter((line) => line.split('\t').length !== layout.columns.length);
      expect(wrongWidth, path).toEqual([]);
    }
  });

  it('carries 9-digit state IDs or blanks for students new to the state (~8–10%)', () => {
    const sd = rows(a.dir, 'student-demographics');
    expect(sd.every((r) => /^(\d{9})?$/.test(r[2]!))).toBe(true);
    const blank = sd.filter((r) => r[2] === '').length / sd.length;
    expect(blank).toBeGreaterThan(0.06);
    expect(blank).toBeLessThan(0.13);
    expect(rows(a.dir, 'student-enrollment').every((r) => /^(\d{9})?$/.test(r[4]!))).toBe(true);
  });

  it('keeps rates near montana-facts.md §2', () => {
    const sd = rows(a.dir, 'student-demographics');
    const n = sd.length;
    expect(n).toBeGreaterThan(2700);
    const share = (k: number) => k / n;
    expect(share(sd.filter((r) => r[11]!.split(',').includes('2')).length)).toBeCloseTo(0.11, 1);
    expect(share(rows(a.dir, 'fram').length)).toBeGreaterThan(0.33);
    expect(share(rows(a.dir, 'fram').length)).toBeLessThan(0.5);
    expect(share(rows(a.dir, 'english-learners').length)).toBeGreaterThan(0.005);
    expect(share(rows(a.dir, 'english-learners').length)).toBeLessThan(0.05);
    const pp = rows(a.dir, 'program-participation');
    expect(pp.filter((r) => r[18] === 'Y').length / pp.length).toBeLessThan(0.08);
    const aa = rows(a.dir, 'eoy-attendance').filter((r) => Number(r[9]) > 0);
    const chronic = aa.filter((r) => Number(r[11]) >= 0.1 * Number(r[9])).length / aa.length;
    expect(chronic).toBeGreaterThan(0.15);
    expect(chronic).toBeLessThan(0.4);
  });

  it('writes a state baseline whose enrollments name registry students', () => {
    const registry = new Set(
      readFileSync(join(a.dir, 'state-baseline/students.tsv'), 'utf8')
        .split('\n')
        .slice(1, -1)
        .map((l) => l.split('\t')[0]),
    );
    const history = readFileSync(join(a.dir, 'state-baseline/enrollments-2025.tsv'), 'utf8')
      .split('\n')
      .slice(1, -1);
    expect(history.length).toBeGreaterThan(2000);
    expect(history.every((l) => registry.has(l.split('\t')[1]))).toBe(true);
    const ids = rows(a.dir, 'student-enrollment')
      .map((r) => r[4]!)
      .filter((id) => id !== '');
    expect(ids.every((id) => registry.has(id))).toBe(true);
  });

  it('lists planted defects at rows that contain them', () => {
    const { manifest, dir } = defective;
    expect(manifest.defects.length).toBeGreaterThan(50);
    expect(new Set(manifest.defects.map((d) => d.kind)).size).toBeGreaterThanOrEqual(5);
    const layouts = loadLayouts(join(root, 'profiles/montana/templates'));
    for (const d of manifest.defects) {
      const layout = layouts.find((l) => d.file.endsWith(`/${l.id}.tsv`))!;
      const cells = readFileSync(join(dir, d.file), 'utf8').split('\n')[d.row - 1]!.split('\t');
      const at = (key: string) => cells[layout.columns.findIndex((c) => c.key === key)]!;
      const iso = (us: string) => `${us.slice(6)}-${us.slice(0, 2)}-${us.slice(3, 5)}`;
      if (d.kind === 'missing-required') expect(at(d.column)).toBe('');
      if (d.kind === 'invalid-code') expect(at(d.column)).toBe('ZZ');
      if (d.kind === 'dates-out-of-order') expect(iso(at('end_date')) < iso(at('start_date'))).toBe(true);
      if (d.kind === 'near-duplicate-identity') expect(at('student_state_id')).toBe('');
      if (d.kind === 'transposed-birth-date') expect(d.description).toContain(iso(at('birth_date')));
      if (d.kind === 'overlapping-primary-enrollment') expect(d.description).toContain(iso(at('start_date')));
    }
  });

  it('adds defects without changing the rest of the output', () => {
    const clean = a.manifest.templates['roster'];
    expect(defective.manifest.templates['roster']).toBe(clean);
  });
});
