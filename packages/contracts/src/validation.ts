import { z } from 'zod';
import { ruleSchema, severitySchema } from './rules.ts';

export * from './rules.ts';

// Request and response schemas of the validation API (statewide findings as data, issue 6).

/** GET /api/v1/rules: the catalogue. */
export const ruleListSchema = z.object({ rules: z.array(ruleSchema) });

/** Finding lifecycle filter: open (not resolved), resolved, or all. */
export const findingStatusSchema = z.enum(['open', 'resolved', 'all']);

/** Query of GET /api/v1/districts/{district}/findings (and its CSV/XLSX exports). */
export const findingQuerySchema = z.object({
  severity: severitySchema.optional(),
  collection: z.string().max(60).optional(),
  rule: z.string().max(20).optional(),
  status: findingStatusSchema.default('open'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
/** A findings query after defaults. */
export type FindingQuery = z.infer<typeof findingQuerySchema>;

/** One statewide finding as a district sees it (no other district's PII beyond state ID and dates). */
export const validationFindingSchema = z.object({
  id: z.number().int(),
  rule: z.string(),
  severity: severitySchema,
  district: z.string(),
  otherDistrict: z.string().nullable(),
  stateId: z.string().nullable(),
  recordTable: z.string(),
  recordId: z.number().int().nullable(),
  message: z.string(),
  firstSeen: z.string(),
  lastSeen: z.string(),
  resolvedAt: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedBy: z.string().nullable(),
  acknowledgementReason: z.string().nullable(),
  /** The student's record page in the viewing district's web app (null: no person). */
  recordLink: z.string().nullable(),
  /** The web-app screen that corrects the record (hand-entry form, staff and courses, or upload). */
  fixLink: z.string().nullable(),
});
/** A finding. */
export type ValidationFinding = z.infer<typeof validationFindingSchema>;

/** Per-rule counts of a district's findings. */
export const ruleCountSchema = z.object({
  rule: z.string(),
  severity: severitySchema,
  description: z.string(),
  count: z.number().int(),
});

/** The findings page: counts by rule plus one page of findings. */
export const findingPageSchema = z.object({
  district: z.string(),
  schoolYear: z.number().int(),
  byRule: z.array(ruleCountSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  findings: z.array(validationFindingSchema),
});
/** A page of findings. */
export type FindingPage = z.infer<typeof findingPageSchema>;

/** GET /api/v1/findings/matrix: open finding counts per district × rule (the state heat map). */
export const findingMatrixSchema = z.object({
  schoolYear: z.number().int(),
  rules: z.array(z.string()),
  cells: z.array(
    z.object({ district: z.string(), rule: z.string(), severity: severitySchema, count: z.number().int() }),
  ),
});

/** A validation run's outcome. */
export const validationRunSchema = z.object({
  runId: z.number().int(),
  scope: z.enum(['state', 'district', 'students']),
  district: z.string().nullable(),
  schoolYear: z.number().int(),
  seconds: z.number(),
  produced: z.number().int(),
  opened: z.number().int(),
  resolved: z.number().int(),
  summary: z.object({ fatal: z.number().int(), warning: z.number().int(), info: z.number().int() }),
});
/** A run outcome. */
export type ValidationRun = z.infer<typeof validationRunSchema>;

/** Body of POST /api/v1/findings/{id}/acknowledgement. */
export const acknowledgementSchema = z.object({
  reason: z.string().trim().min(3).max(500),
  by: z.string().trim().min(1).max(100).default('district user'),
});

/** Query of the open-findings trend (GET /api/v1/findings/trend and a district's own). */
export const findingTrendQuerySchema = z.object({
  severity: severitySchema.optional(),
  collection: z.string().max(60).optional(),
  rule: z.string().max(20).optional(),
  /** First day shown (YYYY-MM-DD); default 90 days back. */
  from: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
    .optional(),
});
/** A trend query. */
export type FindingTrendQuery = z.infer<typeof findingTrendQuerySchema>;

/** One day's open findings of one rule, in a district or summed over the state. */
export const trendPointSchema = z.object({
  day: z.string(),
  rule: z.string(),
  severity: severitySchema,
  count: z.number().int(),
});
/** A trend point. */
export type TrendPoint = z.infer<typeof trendPointSchema>;

/** Open findings over time: days on which a full run of the scope finished, per rule (issue 6 §4). */
export const findingTrendSchema = z.object({
  schoolYear: z.number().int(),
  district: z.string().nullable(),
  from: z.string(),
  points: z.array(trendPointSchema),
});
/** An open-findings trend. */
export type FindingTrend = z.infer<typeof findingTrendSchema>;
