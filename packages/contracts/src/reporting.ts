import { z } from 'zod';

// Request and response schemas of the funding and reporting API (issue 8; decisions 0035–0038).

const budgetUnit = z.enum(['elementary', 'high_school']);

/** Where the numbers come from: live tables (a preview) or the districts' current certified snapshots. */
export const reportSourceSchema = z.enum(['live', 'certified']);
/** A report source. */
export type ReportSource = z.infer<typeof reportSourceSchema>;

/**
 * Query of the ANB reports: the count year (end year), the approved PIR days (not stored yet, so given) and the
 * source (live by default).
 */
export const anbQuerySchema = z.object({
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  source: reportSourceSchema.optional(),
  pirDays: z.coerce.number().int().min(0).max(30).optional(),
});
/** ANB query as sent. */
export type AnbQuery = z.infer<typeof anbQuerySchema>;

/** One enrollment on one count date with its weight and the sentence a clerk reads. */
export const anbLineSchema = z.object({
  count: z.enum(['fall', 'spring']),
  countDate: z.string(),
  stateId: z.string(),
  districtNumber: z.string(),
  schoolNumber: z.string(),
  budgetUnit,
  status: z.enum(['counted', 'excluded', 'not-counted']),
  weight: z.number(),
  bandWeight: z.number(),
  esa: z.boolean(),
  earlyGraduate: z.boolean(),
  explanation: z.string(),
});
/** One per-student ANB line. */
export type AnbLineBody = z.infer<typeof anbLineSchema>;

/** One budget unit's counts and ANB, every step kept (MCA 20-9-311(1)–(2)). */
export const budgetUnitAnbSchema = z.object({
  budgetUnit,
  fall: z.number(),
  spring: z.number(),
  esaFall: z.number(),
  esaSpring: z.number(),
  averageEnrollment: z.number(),
  pirDaysUsed: z.number(),
  anb: z.number(),
  anbRounded: z.number(),
  explanation: z.array(z.string()),
});
/** One budget unit's ANB. */
export type BudgetUnitAnbBody = z.infer<typeof budgetUnitAnbSchema>;

/** EOY attendance rate and ESSA chronic absence of a district (decision 0038). */
export const attendanceSummarySchema = z.object({
  /** EOY attendance is read from the live tables only, whatever the ANB source. */
  source: z.literal('live'),
  daysEnrolled: z.number(),
  daysPresent: z.number(),
  rate: z.number().nullable(),
  students: z.number().int(),
  chronicallyAbsent: z.number().int(),
  schools: z.array(
    z.object({ schoolNumber: z.string(), students: z.number().int(), chronic: z.number().int() }),
  ),
});

/** GET /api/v1/districts/{district}/anb: district totals per budget unit and the per-student lines. */
export const districtAnbReportSchema = z.object({
  districtNumber: z.string(),
  schoolYear: z.number().int(),
  source: reportSourceSchema,
  fallCountDate: z.string(),
  springCountDate: z.string(),
  pirDays: z.number().int(),
  /** The district's snapshots the counts were read from (certified source), else null. */
  snapshots: z.object({ fall: z.number().int().nullable(), spring: z.number().int().nullable() }),
  units: z.array(budgetUnitAnbSchema),
  attendance: attendanceSummarySchema,
  lines: z.array(anbLineSchema),
});
/** A district's ANB report. */
export type DistrictAnbReport = z.infer<typeof districtAnbReportSchema>;

/** GET /api/v1/anb: every district's budget units, without student lines. */
export const stateAnbSummarySchema = z.object({
  schoolYear: z.number().int(),
  source: reportSourceSchema,
  fallCountDate: z.string(),
  springCountDate: z.string(),
  pirDays: z.number().int(),
  districts: z.array(z.object({ districtNumber: z.string(), units: z.array(budgetUnitAnbSchema) })),
});
/** The statewide ANB summary. */
export type StateAnbSummary = z.infer<typeof stateAnbSummarySchema>;

// Outcome measures, downstream exports and public reports (issue 8; decisions 0049–0052).

/** The outcome measures with per-student lines: ACGR cohorts, dropouts, CTE concentrators, reportable behavior. */
export const outcomeMeasureSchema = z.enum(['graduation', 'dropouts', 'cte', 'behavior']);
/** An outcome measure. */
export type OutcomeMeasure = z.infer<typeof outcomeMeasureSchema>;

/**
 * Query of the outcome reports: the school year reported (end year; for graduation the cohort's last year), the
 * source and, for graduation, the cohort length (4, or 5 and 6 for extended rates).
 */
export const outcomeQuerySchema = z.object({
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  source: reportSourceSchema.optional(),
  years: z.coerce.number().int().min(4).max(6).optional(),
});
/** Outcome query as sent. */
export type OutcomeQuery = z.infer<typeof outcomeQuerySchema>;

/** One student's verdict under a measure. */
export const outcomeLineSchema = z.object({
  stateId: z.string(),
  districtNumber: z.string(),
  schoolNumber: z.string(),
  grade: z.string(),
  status: z.string(),
  /** Whether the student is in the numerator (graduate, dropout, concentrator, reportable). */
  counted: z.boolean(),
  explanation: z.string(),
});
/** One per-student outcome line. */
export type OutcomeLine = z.infer<typeof outcomeLineSchema>;

/** A measure's numerator, denominator and rate for a district (schoolNumber null) or a school. */
export const outcomeUnitSchema = z.object({
  districtNumber: z.string().nullable(),
  schoolNumber: z.string().nullable(),
  numerator: z.number().int(),
  denominator: z.number().int(),
  rate: z.number().nullable(),
});
/** One unit's outcome figures. */
export type OutcomeUnit = z.infer<typeof outcomeUnitSchema>;

/** GET /api/v1/districts/{district}/outcomes/{measure} and GET /api/v1/outcomes/{measure}. */
export const outcomeReportSchema = z.object({
  measure: outcomeMeasureSchema,
  districtNumber: z.string().nullable(),
  schoolYear: z.number().int(),
  source: reportSourceSchema,
  /** Snapshots read (certified source), else empty. */
  snapshots: z.array(z.number().int()),
  numeratorLabel: z.string(),
  denominatorLabel: z.string(),
  totals: outcomeUnitSchema,
  /** Further exact counts of the measure (cohort removals, 7–8 dropouts, counts by resolution, …). */
  details: z.record(z.string(), z.number()),
  units: z.array(outcomeUnitSchema),
  lines: z.array(outcomeLineSchema),
});
/** An outcome report. */
export type OutcomeReport = z.infer<typeof outcomeReportSchema>;

/** EDFacts files the exporter writes (edfacts.md §2–§10). */
export const edfactsFileSchema = z.enum([
  'FS052',
  'FS032',
  'FS150',
  'FS151',
  'FS195',
  'FS006',
  'FS033',
  'FS141',
  'FS118',
  'FS002',
]);
/** An EDFacts file id. */
export type EdfactsFile = z.infer<typeof edfactsFileSchema>;

/** Query of an EDFacts export: level, format, year and source (certified by default: files go to ED). */
export const edfactsQuerySchema = z.object({
  level: z.enum(['sea', 'lea', 'sch']).optional(),
  format: z.enum(['csv', 'tab', 'txt']).optional(),
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  source: reportSourceSchema.optional(),
});
/** EDFacts export query. */
export type EdfactsQuery = z.infer<typeof edfactsQuerySchema>;

/** The levels each EDFacts file is reported at (edfacts.md §2–§9), so a page offers only valid choices. */
export const EDFACTS_FILE_LEVELS: Readonly<Record<EdfactsFile, readonly ('sea' | 'lea' | 'sch')[]>> = {
  FS052: ['sea', 'lea', 'sch'],
  FS032: ['sea', 'lea', 'sch'],
  FS150: ['sea', 'lea', 'sch'],
  FS151: ['sea', 'lea', 'sch'],
  FS195: ['sch'],
  FS006: ['sea', 'lea'],
  FS033: ['sch'],
  FS141: ['sea', 'lea', 'sch'],
  FS118: ['sea', 'lea'],
  FS002: ['sea', 'lea', 'sch'],
};

/** State downstream files (decision 0051). */
export const stateExportSchema = z.enum([
  'maefairs-anb',
  'nutrition',
  'sped-child-count',
  'missing-child-photos',
]);
/** A state export id. */
export type StateExport = z.infer<typeof stateExportSchema>;

/** Query of a state export: year and source (certified by default). */
export const stateExportQuerySchema = z.object({
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  source: reportSourceSchema.optional(),
});

/** A suppressed public table: displayed strings only, never the true small counts (decision 0039). */
export const publicTableSchema = z.object({
  title: z.string(),
  rowLabels: z.array(z.string()),
  columnLabels: z.array(z.string()),
  cells: z.array(z.array(z.string())),
  rowTotals: z.array(z.string()),
  columnTotals: z.array(z.string()),
  grandTotal: z.string(),
});
/** A public table. */
export type PublicTable = z.infer<typeof publicTableSchema>;

/** GET /api/v1/public-reports: aggregates of the state, a district or a school, suppressed for publication. */
export const publicReportSchema = z.object({
  level: z.enum(['state', 'district', 'school']),
  districtNumber: z.string().nullable(),
  schoolNumber: z.string().nullable(),
  schoolYear: z.number().int(),
  source: reportSourceSchema,
  tables: z.array(publicTableSchema),
  rates: z.array(z.object({ label: z.string(), display: z.string(), explanation: z.string() })),
});
/** A public report. */
export type PublicReport = z.infer<typeof publicReportSchema>;

/** Query of a public report: the unit (none: the state) and year. */
export const publicReportQuerySchema = z.object({
  district: z
    .string()
    .regex(/^\d{4}$/)
    .optional(),
  school: z
    .string()
    .regex(/^\d{4}$/)
    .optional(),
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  source: reportSourceSchema.optional(),
});
