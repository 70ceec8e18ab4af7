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
