import { z } from 'zod';

/** A finding: where (line, column), what (code, severity, message, value) and how to fix it. */
export const findingSchema = z.object({
  line: z.number().int().nullable(),
  column: z.string().nullable(),
  field: z.string().nullable(),
  value: z.string().nullable(),
  code: z.string(),
  severity: z.enum(['fatal', 'warning', 'info']),
  message: z.string(),
  fix: z.string(),
});
/** One finding of an upload. */
export type Finding = z.infer<typeof findingSchema>;

/** Batch statuses (ARCHITECTURE §4 Upload). */
export const batchStatusSchema = z.enum([
  'received',
  'parsing',
  'validating',
  'committing',
  'validated',
  'rejected',
  'committed',
  'failed',
]);

/** An upload batch with its outcome and findings. */
export const uploadSchema = z.object({
  batchId: z.number().int(),
  template: z.string().nullable(),
  district: z.string(),
  status: batchStatusSchema,
  dryRun: z.boolean(),
  rows: z.number().int(),
  accepted: z.number().int(),
  rejected: z.number().int(),
  committed: z.boolean(),
  summary: z.record(z.string(), z.number()),
  failure: z.string().nullable(),
  progress: z.object({ phase: z.string(), rows: z.number().int() }).nullable(),
  findingCounts: z.array(z.object({ code: z.string(), severity: z.string(), count: z.number().int() })),
  findings: z.array(findingSchema),
});
/** An upload as the API shows it. */
export type Upload = z.infer<typeof uploadSchema>;

/** Query string of POST /api/v1/districts/{district}/uploads. */
export const uploadQuerySchema = z.object({
  template: z.string().max(60).optional(),
  dryRun: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

/** 202 answer to an upload: where to poll. */
export const uploadAcceptedSchema = z.object({ batchId: z.number().int(), location: z.string() });
/** The accepted-upload answer. */
export type UploadAccepted = z.infer<typeof uploadAcceptedSchema>;
