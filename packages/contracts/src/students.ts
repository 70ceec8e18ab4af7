import { z } from 'zod';

/** Student search query. */
export const studentSearchQuerySchema = z.object({
  q: z.string().trim().min(1).max(100),
  school: z
    .string()
    .regex(/^\d{4}$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** One search hit. */
export const studentHitSchema = z.object({
  studentId: z.number().int(),
  stateId: z.string(),
  lastName: z.string(),
  firstName: z.string(),
  birthDate: z.string().nullable(),
  districtNumber: z.string(),
  localId: z.string().nullable(),
});

/** The state-ID lookup query: a transferring child's name and birth date. */
export const stateIdLookupQuerySchema = z.object({
  lastName: z.string().trim().min(1).max(60),
  firstName: z.string().trim().min(1).max(60),
  birthDate: z.iso.date(),
  school: z
    .string()
    .regex(/^\d{4}$/)
    .optional(),
});

/** A lookup hit: name, birth date, state ID and last district, nothing else. */
export const stateIdHitSchema = z.object({
  stateId: z.string(),
  lastName: z.string(),
  firstName: z.string(),
  birthDate: z.string().nullable(),
  lastDistrict: z.string().nullable(),
});

/** The student record page. */
export const studentRecordSchema = z.object({
  identity: z.record(z.string(), z.unknown()),
  masked: z.boolean(),
  enrollments: z.array(z.record(z.string(), z.unknown())),
  records: z.array(z.object({ table: z.string(), row: z.record(z.string(), z.unknown()) })),
  findings: z.array(z.record(z.string(), z.unknown())),
  audit: z.array(z.object({ at: z.string(), actor: z.string(), action: z.string() })),
});

/** Hand entry: rows of one template keyed by column key, validated only or saved. */
export const handEntrySchema = z.object({
  rows: z
    .array(z.record(z.string(), z.string().max(500)))
    .min(1)
    .max(500),
  dryRun: z.boolean().default(false),
});
