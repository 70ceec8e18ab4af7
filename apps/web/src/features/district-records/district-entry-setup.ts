import type { EnrollmentPlace, TemplateDetail, TemplateSummary } from '@bitterroot/contracts';

// Staff, courses, sections and rosters are the district's records, not one student's (montana-aim.md §4.1 levels
// "staff" and "course"): they are entered from the district's own page, through the same generated form and the
// same upload pipeline as a student's records.

/** Templates of the district's own records (staff and course levels), in upload order. */
export function districtTemplates(templates: readonly TemplateSummary[]): TemplateSummary[] {
  return templates
    .filter((t) => t.level === 'staff' || t.level === 'course')
    .sort((a, b) => a.order - b.order);
}

/** How the generated form is set up to add or edit one row. */
export interface DistrictEntrySetup {
  initial: Record<string, string>;
  /** Keys shown as facts, not inputs. */
  context: ReadonlySet<string>;
  submitLabel: string;
}

/** What a new row starts with, and where it is. */
export interface NewRowContext {
  district: string;
  schoolYear: number;
  /** The school calendar chosen for a course-level row. */
  place?: Pick<EnrollmentPlace, 'schoolNumber' | 'calendarNumber'>;
}

const ALWAYS_CONTEXT = ['record_type', 'district_number'];
const has = (template: TemplateDetail, key: string) => template.fields.some((f) => f.key === key);

/** Whether new rows of the template are placed in a school calendar (courses, sections, rosters, teachers). */
export function needsPlace(template: TemplateDetail): boolean {
  return has(template, 'school_number') && has(template, 'calendar_number');
}

/** A new row: the district, the year and the chosen calendar filled in and shown as facts. */
export function newRowSetup(template: TemplateDetail, ctx: NewRowContext): DistrictEntrySetup {
  const known: Record<string, string> = {
    district_number: ctx.district,
    school_year: String(ctx.schoolYear),
    school_number: ctx.place?.schoolNumber ?? '',
    calendar_number: ctx.place?.calendarNumber ?? '',
  };
  const initial: Record<string, string> = {};
  for (const f of template.fields) if (f.key !== 'record_type') initial[f.key] = known[f.key] ?? '';
  const context = new Set(ALWAYS_CONTEXT);
  if (ctx.place) for (const k of ['school_number', 'calendar_number']) context.add(k);
  return { initial, context, submitLabel: `Add ${template.name}` };
}

/**
 * An existing row: its cells as the form's values, the key columns as facts (a changed key would be another
 * record: montana-aim.md §4.2 updates by key), the rest editable.
 */
export function editRowSetup(
  template: TemplateDetail,
  row: Readonly<Record<string, string>>,
): DistrictEntrySetup {
  const initial: Record<string, string> = {};
  for (const f of template.fields) if (f.key !== 'record_type') initial[f.key] = row[f.key] ?? '';
  const context = new Set([...ALWAYS_CONTEXT, ...template.fields.filter((f) => f.isKey).map((f) => f.key)]);
  return { initial, context, submitLabel: 'Save changes' };
}

/** The columns the list shows: the key columns (which record it is) and the first non-key column after them. */
export function listedFields(template: TemplateDetail): TemplateDetail['fields'] {
  const shown = template.fields.filter((f) => !ALWAYS_CONTEXT.includes(f.key));
  const keys = shown.filter((f) => f.isKey);
  const firstOther = shown.find((f) => !f.isKey);
  return firstOther ? [...keys, firstOther] : keys;
}

/** A stable React key for a stored row: its key cells (less the constant record type and district). */
export function rowKeyOf(template: TemplateDetail, row: Readonly<Record<string, string>>): string {
  return template.fields
    .filter((f) => f.isKey && !ALWAYS_CONTEXT.includes(f.key))
    .map((f) => row[f.key] ?? '')
    .join('|');
}
