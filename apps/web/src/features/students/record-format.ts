// How stored record values read on the student record page.

/** `2025-08-27` → `08/27/2025` (the date format districts use in their files). */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[2]}/${m[3]}/${m[1]}` : iso;
}

/** Columns every stored row has that say nothing about the record itself. */
const PLUMBING = new Set(['id', 'enrollment_id', 'district_number', 'updated_at', 'section_id', 'staff_id']);

/** The filled-in values of a stored record as label/value pairs (keys are template column keys). */
export function recordFacts(
  row: Record<string, unknown>,
  labelOf: (key: string) => string,
): { key: string; label: string; value: string }[] {
  return Object.entries(row)
    .filter(([k, v]) => !PLUMBING.has(k) && v !== null && v !== '')
    .map(([k, v]) => ({
      key: k,
      label: labelOf(k),
      value:
        typeof v === 'boolean'
          ? v
            ? 'Yes'
            : 'No'
          : typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)
            ? formatDate(v)
            : String(v),
    }));
}
