import { z } from 'zod';

/** 4-digit zero-padded district (school system) number (montana-aim.md §1.2). */
export const districtNumberSchema = z.string().regex(/^\d{4}$/, 'district number is 4 digits, e.g. 0001');

/** District level as loaded from the profile's district list. */
export const districtLevelSchema = z.enum(['elementary', 'high_school', 'k12', 'state_agency']);

/** One district row in lists. */
export const districtSchema = z.object({
  districtNumber: districtNumberSchema,
  name: z.string(),
  ncesLeaId: z.string().nullable(),
  level: districtLevelSchema,
  schoolCount: z.number().int(),
  studentCount: z.number().int(),
  ccdEnrollment: z.number().int().nullable(),
});
/** A district as the API shows it. */
export type District = z.infer<typeof districtSchema>;

/** Sortable district columns. */
export const districtSortSchema = z.enum([
  'districtNumber',
  'name',
  'level',
  'studentCount',
  'schoolCount',
  'ccdEnrollment',
]);

/** Query string of GET /api/v1/districts. */
export const districtListQuerySchema = z.object({
  q: z.string().max(100).optional().describe('filter: name or number contains'),
  level: districtLevelSchema.optional(),
  sort: districtSortSchema.default('districtNumber'),
  order: z.enum(['asc', 'desc']).default('asc'),
  limit: z.coerce.number().int().min(1).max(500).default(500),
  offset: z.coerce.number().int().min(0).default(0),
});
/** Parsed district list query. */
export type DistrictListQuery = z.infer<typeof districtListQuerySchema>;

/** A page of items with the total before paging. */
export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
  });
}

/** GET /api/v1/districts response. */
export const districtPageSchema = pageSchema(districtSchema);
/** A page of districts. */
export type DistrictPage = z.infer<typeof districtPageSchema>;

/** One school row. */
export const schoolSchema = z.object({
  schoolNumber: z.string().regex(/^\d{4}$/),
  districtNumber: districtNumberSchema,
  name: z.string(),
  lowGrade: z.string(),
  highGrade: z.string(),
  kind: z.enum(['elementary', 'middle', 'high', 'k12']),
  studentCount: z.number().int(),
});
/** A school as the API shows it. */
export type School = z.infer<typeof schoolSchema>;

/** Query string of GET /api/v1/districts/{district}/schools. */
export const schoolListQuerySchema = z.object({
  q: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
/** Parsed school list query. */
export type SchoolListQuery = z.infer<typeof schoolListQuerySchema>;

/** GET /api/v1/districts/{district}/schools response. */
export const schoolPageSchema = pageSchema(schoolSchema);
/** A page of schools. */
export type SchoolPage = z.infer<typeof schoolPageSchema>;

/** GET /api/v1/districts/{district} response: the district and its record counts per type. */
export const districtDetailSchema = districtSchema.extend({
  counts: z.record(z.string(), z.number().int()),
});
/** A district with its verification counts. */
export type DistrictDetail = z.infer<typeof districtDetailSchema>;
