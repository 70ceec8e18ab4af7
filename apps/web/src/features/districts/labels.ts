import type { District, School } from '@bitterroot/contracts';

const LEVEL_LABELS: Record<District['level'], string> = {
  elementary: 'Elementary',
  high_school: 'High school',
  k12: 'K–12',
  state_agency: 'State agency',
};

const SCHOOL_KIND_LABELS: Record<School['kind'], string> = {
  elementary: 'Elementary',
  middle: 'Middle',
  high: 'High',
  k12: 'K–12',
};

/** Display label of a district level. */
export function levelLabel(level: District['level']): string {
  return LEVEL_LABELS[level];
}

/** Display label of a school kind. */
export function schoolKindLabel(kind: School['kind']): string {
  return SCHOOL_KIND_LABELS[kind];
}

/** "K–8" style grade span; PK and K are shown as the state writes them. */
export function gradeSpan(low: string, high: string): string {
  return low === high ? low : `${low}–${high}`;
}

/** Turns a record-type key from the API ("studentDistricts", "staff_assignments") into "Student districts". */
export function recordTypeLabel(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
