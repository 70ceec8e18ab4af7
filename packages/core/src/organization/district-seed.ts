import { err, ok } from '../result.ts';
import type { Result } from '../result.ts';
import type { DistrictLevel, DistrictSeed } from './types.ts';

/** A problem in the district list, naming the 1-based line of the file. */
export interface DistrictSeedError {
  line: number;
  message: string;
}

const HEADER = [
  'district_number',
  'nces_leaid',
  'name',
  'level',
  'ccd_enrollment',
  'ccd_instructional_staff_fte',
];
const LEVELS: readonly DistrictLevel[] = ['elementary', 'high_school', 'k12', 'state_agency'];

/** Splits one CSV line, honouring double quotes (RFC 4180 without embedded newlines). */
function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

function parseRow(cells: string[], line: number): Result<DistrictSeed, DistrictSeedError[]> {
  const errors: DistrictSeedError[] = [];
  const [districtNumber = '', ncesLeaId = '', name = '', level = '', enrollment = '', fte = ''] = cells;
  if (cells.length !== HEADER.length)
    errors.push({ line, message: `expected ${HEADER.length} columns, got ${cells.length}` });
  if (!/^\d{4}$/.test(districtNumber))
    errors.push({ line, message: `district_number "${districtNumber}" is not 4 digits` });
  if (!/^\d{7}$/.test(ncesLeaId)) errors.push({ line, message: `nces_leaid "${ncesLeaId}" is not 7 digits` });
  if (name.trim() === '') errors.push({ line, message: 'name is empty' });
  if (!LEVELS.includes(level as DistrictLevel))
    errors.push({ line, message: `level "${level}" is not one of ${LEVELS.join('|')}` });
  if (!/^\d+$/.test(enrollment))
    errors.push({ line, message: `ccd_enrollment "${enrollment}" is not a whole number` });
  if (!/^\d+(\.\d+)?$/.test(fte))
    errors.push({ line, message: `ccd_instructional_staff_fte "${fte}" is not a number` });
  if (errors.length > 0) return err(errors);
  return ok({
    districtNumber,
    ncesLeaId,
    name: name.trim(),
    level: level as DistrictLevel,
    ccdEnrollment: Number(enrollment),
    ccdInstructionalStaffFte: Number(fte),
  });
}

/** Parses the profile's `districts.csv` text into seeds; errors name the 1-based file line. */
export function parseDistrictSeedCsv(text: string): Result<DistrictSeed[], DistrictSeedError[]> {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = splitCsvLine(lines[0] ?? '').map((h) => h.trim());
  if (header.join(',') !== HEADER.join(',')) {
    return err([{ line: 1, message: `header must be ${HEADER.join(',')}` }]);
  }
  const rows: DistrictSeed[] = [];
  const errors: DistrictSeedError[] = [];
  const seen = new Map<string, number>();
  lines.slice(1).forEach((raw, i) => {
    const line = i + 2;
    if (raw.trim() === '') return;
    const parsed = parseRow(splitCsvLine(raw), line);
    if (!parsed.ok) {
      errors.push(...parsed.error);
      return;
    }
    const first = seen.get(parsed.value.districtNumber);
    if (first !== undefined) {
      errors.push({ line, message: `district_number ${parsed.value.districtNumber} repeats line ${first}` });
      return;
    }
    seen.set(parsed.value.districtNumber, line);
    rows.push(parsed.value);
  });
  return errors.length > 0 ? err(errors) : ok(rows);
}
