import type { Finding, TemplateField } from '@bitterroot/contracts';

// Hand-entry forms hold every value as the upload file would carry it (dates MM/DD/YYYY, flags Y/N), so the
// server reads a typed row exactly like a line of an uploaded file and applies the same rules.

/** A record of the student as the record page returns it (column names are template keys). */
export type StoredRow = Record<string, unknown>;

/** `2025-08-27` → `08/27/2025`; anything else unchanged. */
export function toFileDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[2]}/${m[3]}/${m[1]}` : iso;
}

/** `08/27/2025` → `2025-08-27` for a date input; '' when not a whole date. */
export function toIsoDate(file: string): string {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(file.trim());
  if (m) return `${m[3]}-${m[1]}-${m[2]}`;
  return /^\d{4}-\d{2}-\d{2}$/.test(file.trim()) ? file.trim() : '';
}

/** A stored value as a file cell of the field. */
export function storedCell(field: Pick<TemplateField, 'type'>, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'Y' : 'N';
  if (field.type === 'date' && typeof value === 'string') return toFileDate(value);
  return String(value);
}

/** What a form knows about the student and the enrollment a record hangs off. */
export interface EntryContext {
  district: string;
  schoolYear: number;
  identity: { stateId: string; localId: string | null; lastName: string; firstName: string };
  enrollment?: {
    schoolNumber: string | null;
    calendarNumber: string | null;
    gradeLevel: string | null;
    startDate: string;
    schoolYear: number;
  };
  /** The stored record being edited, if any. */
  row?: StoredRow;
}

/**
 * Templates whose `start_date` names the enrollment the row belongs to rather than a date of the record
 * (montana-aim.md §4.3: counts and attendance select the enrollment by its start date).
 */
const ENROLLMENT_START_DATE = new Set(['student-enrollment', 'fall-count', 'spring-count', 'eoy-attendance']);

/** The form's first values: the stored record, then what the student and enrollment say. */
export function initialValues(
  templateId: string,
  fields: readonly Pick<TemplateField, 'key' | 'type'>[],
  ctx: EntryContext,
): Record<string, string> {
  const known: Record<string, string> = {
    district_number: ctx.district,
    student_state_id: ctx.identity.stateId,
    student_local_id: ctx.identity.localId ?? '',
    last_name: ctx.identity.lastName,
    first_name: ctx.identity.firstName,
    school_year: String(ctx.enrollment?.schoolYear ?? ctx.schoolYear),
    school_number: ctx.enrollment?.schoolNumber ?? '',
    calendar_number: ctx.enrollment?.calendarNumber ?? '',
    grade_level: ctx.enrollment?.gradeLevel ?? '',
  };
  if (ctx.enrollment && ENROLLMENT_START_DATE.has(templateId))
    known.start_date = toFileDate(ctx.enrollment.startDate);
  const values: Record<string, string> = {};
  for (const f of fields) {
    if (f.key === 'record_type') continue;
    const stored = ctx.row?.[f.key];
    values[f.key] = stored !== undefined && stored !== null ? storedCell(f, stored) : (known[f.key] ?? '');
  }
  return values;
}

/** Keys a record form shows as facts, not inputs: they say which student and enrollment the row is about. */
export const CONTEXT_KEYS: ReadonlySet<string> = new Set([
  'record_type',
  'district_number',
  'school_number',
  'calendar_number',
  'student_state_id',
  'student_local_id',
  'last_name',
  'first_name',
  'school_year',
]);

/** Findings by the field they are about; the rest (file or row level) under `null`. */
export function findingsByField(
  findings: readonly Finding[],
  fields: readonly Pick<TemplateField, 'key' | 'label'>[],
): Map<string | null, Finding[]> {
  const byLabel = new Map(fields.map((f) => [f.label.toLowerCase(), f.key]));
  const keys = new Set(fields.map((f) => f.key));
  const out = new Map<string | null, Finding[]>();
  for (const f of findings) {
    const key =
      (f.column && keys.has(f.column) ? f.column : null) ??
      (f.field ? (byLabel.get(f.field.toLowerCase()) ?? null) : null);
    out.set(key, [...(out.get(key) ?? []), f]);
  }
  return out;
}

/** The first field, in form order, that has a fatal finding (where focus goes after a refused save). */
export function firstInvalid(
  order: readonly string[],
  byField: ReadonlyMap<string | null, Finding[]>,
): string | null {
  return order.find((k) => byField.get(k)?.some((f) => f.severity === 'fatal')) ?? null;
}
