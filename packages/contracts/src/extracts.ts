/** Extracts: a district's stored rows of one upload template, as a file in the template's layout. */
import { z } from 'zod';
import { districtNumberSchema } from './organizations.ts';
import { profileIdSchema } from './profile-common.ts';
import { columnKeySchema } from './profile.ts';

/** File formats of an extract: the Montana tab-separated layout with its HD row, or CSV with labels. */
export const extractFormatSchema = z.enum(['tsv', 'csv']);
/** An extract file format. */
export type ExtractFormat = z.infer<typeof extractFormatSchema>;

/** Path parameters of /api/v1/districts/{district}/extracts/{template}.{format}. */
export const extractParamsSchema = z.object({
  district: districtNumberSchema,
  template: profileIdSchema,
  format: extractFormatSchema,
});

/** Query of an extract: the school year by its end year (default: the server's current year). */
export const extractQuerySchema = z.object({
  schoolYear: z.coerce.number().int().min(1990).max(2100).optional(),
});

/**
 * Query of a district's stored rows of one template, for hand entry to list, search and edit (issue 9 §3,
 * decision 0074): a text filter over the searchable columns, a sort column, and keyset pages (`after` is the
 * `next` of the previous page, opaque).
 */
export const storedRowsQuerySchema = extractQuerySchema.extend({
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  q: z
    .string()
    .trim()
    .max(100)
    .optional()
    .describe('text contained in any searchable column (case-insensitive)'),
  sort: columnKeySchema.optional().describe('a searchable column; default: the order rows were stored in'),
  order: z.enum(['asc', 'desc']).default('asc'),
  after: z.string().max(1000).optional().describe('the `next` of the previous page'),
});
/** A stored-rows query. */
export type StoredRowsQuery = z.infer<typeof storedRowsQuerySchema>;

/** A district's stored rows of one template as the cells of its layout, keyed by column key. */
export const storedRowsSchema = z.object({
  template: profileIdSchema,
  schoolYear: z.number().int(),
  rows: z.array(z.record(z.string(), z.string())),
  truncated: z.boolean().describe('true when more rows match than this page holds'),
  total: z.number().int().describe('rows matching the filter (all pages)'),
  next: z.string().nullable().describe('`after` of the next page; null on the last page'),
  searchable: z.array(z.string()).describe('the columns `q` searches and `sort` accepts'),
});
/** Stored rows of a template. */
export type StoredRows = z.infer<typeof storedRowsSchema>;
