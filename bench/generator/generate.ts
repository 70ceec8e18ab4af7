import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseDistrictSeedCsv } from '@bitterroot/core';
import type { OrgSchool } from '@bitterroot/core';
import { openBaseline } from './baseline.ts';
import { makeCalendarBook } from './calendar-book.ts';
import { idAllocators } from './context.ts';
import type { GenContext } from './context.ts';
import type { Enrollment } from './current-year.ts';
import type { DefectEntry } from './defects.ts';
import { districtProfiles } from './demography.ts';
import { generateDistrict, rowSink } from './district.ts';
import { openDistrictFiles } from './district-writer.ts';
import { loadLayouts } from './layouts.ts';
import type { Manifest } from './manifest.ts';
import { makeDestinationPicker, makeOrigins } from './origins.ts';
import { makeRng } from './prng.ts';
import { scaleDistricts } from './scale.ts';
import type { ScaleName } from './scale.ts';
import { writeStudentRows } from './student-rows.ts';
import { headerRow } from './tsv.ts';

export type { Manifest } from './manifest.ts';

/** Generator options (see bench/generator/README.md). */
export interface GenerateOptions {
  scale: ScaleName;
  schoolYear: number;
  outDir: string;
  seed: number;
  historyYears: number;
  defectRate: number;
  districtsCsvPath: string;
  /** Template folder; defaults to profiles/montana/templates next to the district list's folder. */
  templatesDir?: string;
  onProgress?: (msg: string) => void;
}

function context(o: GenerateOptions): GenContext {
  const parsed = parseDistrictSeedCsv(readFileSync(o.districtsCsvPath, 'utf8'));
  if (!parsed.ok)
    throw new Error(`district list: ${parsed.error.map((e) => `line ${e.line}: ${e.message}`).join('; ')}`);
  const book = makeCalendarBook(parsed.value);
  const org = book.org(o.schoolYear);
  const scaled = scaleDistricts(org.districts, o.scale);
  const schoolsByDistrict = new Map<string, OrgSchool[]>();
  for (const s of org.schools)
    schoolsByDistrict.set(s.districtNumber, [...(schoolsByDistrict.get(s.districtNumber) ?? []), s]);
  return {
    seed: o.seed,
    schoolYear: o.schoolYear,
    historyYears: o.historyYears,
    firstYear: o.schoolYear - Math.max(1, o.historyYears),
    defectRate: o.defectRate,
    book,
    org,
    scaled,
    profiles: districtProfiles(scaled),
    schoolsByDistrict,
    ...idAllocators(),
  };
}

/** Writes moves into districts after every district's own rows, appending to the already written files. */
function writeIncoming(
  ctx: GenContext,
  o: GenerateOptions,
  layouts: ReturnType<typeof loadLayouts>,
  lines: Map<string, number>,
  pending: Map<string, Enrollment[]>,
  defects: DefectEntry[],
  nextLocalId: (d: string) => string,
): void {
  for (const sd of ctx.scaled) {
    const d = sd.district.districtNumber;
    const list = pending.get(d);
    if (!list) continue;
    const files = openDistrictFiles(o.outDir, d, layouts, ctx.schoolYear, defects, lines);
    const sink = rowSink(ctx, d, files, 'incoming');
    const rng = makeRng(ctx.seed, `incoming:${d}`);
    for (const en of list) writeStudentRows(ctx, rng, sink, { ...en, localId: nextLocalId(d) }, true);
    for (const [k, v] of files.close()) lines.set(k, v);
  }
}

/** Generates a deterministic synthetic statewide data set in the Montana upload format; returns its manifest. */
export async function generate(o: GenerateOptions): Promise<Manifest> {
  const ctx = context(o);
  const layouts = loadLayouts(o.templatesDir ?? join(dirname(dirname(o.districtsCsvPath)), 'templates'));
  rmSync(join(o.outDir, 'districts'), { recursive: true, force: true });
  mkdirSync(o.outDir, { recursive: true });
  const origins = makeOrigins(ctx.org);
  const pick = makeDestinationPicker(ctx.scaled, ctx.schoolsByDistrict);
  const baseline = openBaseline(join(o.outDir, 'state-baseline'), o.schoolYear, o.historyYears);
  const defects: DefectEntry[] = [];
  const lines = new Map<string, number>();
  const pending = new Map<string, Enrollment[]>();
  const students = { current: 0, newToState: 0 };
  for (const [i, sd] of ctx.scaled.entries()) {
    const files = openDistrictFiles(o.outDir, sd.district.districtNumber, layouts, o.schoolYear, defects);
    const stats = generateDistrict(ctx, origins, sd, files, baseline, pick, pending);
    for (const [k, v] of files.close()) lines.set(k, v);
    students.current += stats.students;
    students.newToState += stats.newToState;
    if ((i + 1) % 25 === 0 || i + 1 === ctx.scaled.length)
      o.onProgress?.(`${i + 1}/${ctx.scaled.length} districts, ${students.current} students`);
    // Yield so progress callbacks and other work on the event loop get a turn between districts.
    await Promise.resolve();
  }
  writeIncoming(ctx, o, layouts, lines, pending, defects, origins.nextLocalId);
  const baselineCounts = baseline.close();
  const files: Record<string, number> = {};
  const templates: Record<string, number> = Object.fromEntries(layouts.map((l) => [l.id, 0]));
  for (const [path, n] of [...lines.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    files[path] = n - 1;
    const id = path.slice(path.lastIndexOf('/') + 1, -4);
    templates[id] = (templates[id] ?? 0) + n - 1;
  }
  const detail = Object.values(files).reduce((a, b) => a + b, 0);
  const manifest: Manifest = {
    scale: o.scale,
    seed: o.seed,
    schoolYear: o.schoolYear,
    historyYears: o.historyYears,
    defectRate: o.defectRate,
    format: { delimiter: 'tab', lineEnding: 'LF', encoding: 'UTF-8', header: headerRow(o.schoolYear) },
    districts: ctx.scaled.length,
    students,
    layouts: Object.fromEntries(layouts.map((l) => [l.id, l.source])),
    files,
    templates,
    baseline: baselineCounts,
    totalRecords: detail + Object.values(baselineCounts).reduce((a, b) => a + b, 0),
    defects: defects.sort((a, b) => a.file.localeCompare(b.file) || a.row - b.row),
  };
  writeFileSync(join(o.outDir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}
