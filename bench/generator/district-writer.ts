import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { PlantedDefect } from './current-year.ts';
import type { DefectEntry } from './defects.ts';
import type { Layout } from './layouts.ts';
import { headerRow, openTsv } from './tsv.ts';
import type { Rec, TsvFile } from './tsv.ts';

/** The open files of one district, one per template. */
export interface DistrictFiles {
  /** Writes a record to the template of `recordType`; a planted defect is listed with its line. */
  emit(recordType: string, rec: Rec, defect?: PlantedDefect | null): void;
  layout(recordType: string): Layout | undefined;
  /** Closes the files and returns lines per file (header included). */
  close(): Map<string, number>;
}

/** Opens (or, with `lines`, reopens for appending) every template file of a district. */
export function openDistrictFiles(
  outDir: string,
  districtNumber: string,
  layouts: Layout[],
  schoolYear: number,
  defects: DefectEntry[],
  lines?: Map<string, number>,
): DistrictFiles {
  const dir = join(outDir, 'districts', districtNumber);
  mkdirSync(dir, { recursive: true });
  const files = new Map<string, TsvFile>();
  const byType = new Map<string, Layout>();
  for (const layout of layouts) {
    const rel = `districts/${districtNumber}/${layout.id}.tsv`;
    files.set(
      layout.recordType,
      openTsv(join(outDir, rel), rel, layout, headerRow(schoolYear), lines?.get(rel) ?? 0),
    );
    byType.set(layout.recordType, layout);
  }
  return {
    emit(recordType, rec, defect) {
      const f = files.get(recordType);
      if (!f) return;
      const row = f.write(rec);
      if (defect)
        defects.push({
          file: f.path,
          row,
          column: defect.column,
          kind: defect.kind,
          description: defect.description,
        });
    },
    layout: (recordType) => byType.get(recordType),
    close() {
      const out = new Map<string, number>();
      for (const f of files.values()) {
        f.close();
        out.set(f.path, f.lines);
      }
      return out;
    },
  };
}
