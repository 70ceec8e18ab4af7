import { addDays, isIsoDate } from '@bitterroot/core';
import type { PlantedDefect } from './current-year.ts';
import type { Layout } from './layouts.ts';
import { misspell } from './names.ts';
import type { Rng } from './prng.ts';
import type { Rec } from './tsv.ts';

/** A defect as listed in the manifest: `row` is the 1-based line in `file` (the HD header is line 1). */
export interface DefectEntry {
  file: string;
  row: number;
  column: string;
  kind: string;
  description: string;
}

// Identity columns stay intact so every defect row can still be traced to its student.
const KEEP = new Set(['record_type', 'district_number', 'student_state_id', 'school_year']);

function filled(rec: Rec, key: string): boolean {
  const v = rec[key];
  return v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0);
}

/** Swaps two digits of a birth date so it stays a real, different date (a classic keying error). */
export function transposeDate(iso: string): string | null {
  const [y, m, d] = iso.split('-') as [string, string, string];
  const candidates = [
    `${y}-${m}-${d[1]}${d[0]}`,
    `${y}-${d}-${m}`,
    `${y.slice(0, 2)}${y[3]}${y[2]}-${m}-${d}`,
  ];
  return candidates.find((c) => c !== iso && isIsoDate(c)) ?? null;
}

function plant(rng: Rng, layout: Layout, rec: Rec): PlantedDefect | null {
  const cols = layout.columns;
  const options: (() => PlantedDefect | null)[] = [];
  const required = cols.filter((c) => c.required && !KEEP.has(c.key) && filled(rec, c.key));
  if (required.length > 0)
    options.push(() => {
      const c = rng.pick(required);
      rec[c.key] = '';
      return { kind: 'missing-required', column: c.key, description: `required ${c.key} left empty` };
    });
  const codes = cols.filter((c) => c.type === 'code' && !KEEP.has(c.key) && filled(rec, c.key));
  if (codes.length > 0)
    options.push(() => {
      const c = rng.pick(codes);
      const was = String(rec[c.key]);
      rec[c.key] = 'ZZ';
      return {
        kind: 'invalid-code',
        column: c.key,
        description: `${c.key} "ZZ" is not in code set ${c.codeSet ?? '?'} (was ${was})`,
      };
    });
  if (filled(rec, 'start_date') && filled(rec, 'end_date') && cols.some((c) => c.key === 'end_date'))
    options.push(() => {
      const end = addDays(String(rec.start_date), -rng.int(1, 30));
      rec.end_date = end;
      return {
        kind: 'dates-out-of-order',
        column: 'end_date',
        description: `end_date ${end} before start_date ${String(rec.start_date)}`,
      };
    });
  if (filled(rec, 'birth_date') && filled(rec, 'student_state_id'))
    options.push(() => {
      const was = String(rec.birth_date);
      const t = transposeDate(was);
      if (!t) return null;
      rec.birth_date = t;
      return {
        kind: 'transposed-birth-date',
        column: 'birth_date',
        description: `birth_date ${t} has transposed digits; the state registry has ${was}`,
      };
    });
  if (filled(rec, 'birth_date') && filled(rec, 'student_state_id') && filled(rec, 'first_name'))
    options.push(() => {
      const id = String(rec.student_state_id);
      const was = String(rec.first_name);
      rec.student_state_id = '';
      rec.first_name = misspell(rng, was);
      return {
        kind: 'near-duplicate-identity',
        column: 'student_state_id',
        description: `sent as a new student "${String(rec.first_name)} ${String(rec.last_name)}"; near-duplicate of state ID ${id} ("${was}")`,
      };
    });
  return options.length === 0 ? null : rng.pick(options)();
}

/** Decides, per record, whether to plant a defect (probability `rate`) and mutates the record if so. */
export function makeDefector(
  rng: Rng,
  rate: number,
): { maybe(layout: Layout, rec: Rec): PlantedDefect | null; roll(): boolean } {
  return {
    maybe: (layout, rec) => (rate > 0 && rng.chance(rate) ? plant(rng, layout, rec) : null),
    roll: () => rate > 0 && rng.chance(rate),
  };
}
