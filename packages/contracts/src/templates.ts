import { z } from 'zod';
import { columnTypeSchema, profileIdSchema, templateLevelSchema } from './profile.ts';

// Responses of /api/v1/templates: the profile's upload layouts presented as documentation. Absent values are
// null rather than missing so the web app renders one shape for every column.

/** Provisional mark: the value is our guess where the spec has a gap, explained by a decision record. */
export const provisionalMarkSchema = z.object({
  provisional: z.boolean(),
  decision: z.string().nullable().describe('decision record number under docs/decisions, e.g. 0012'),
});

/** A template in the list, in upload order. */
export const templateSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  recordType: z.string(),
  level: templateLevelSchema,
  order: z.number().int().describe('upload order: lower numbers are uploaded first'),
  columnCount: z.number().int(),
  description: z.string().nullable(),
  ...provisionalMarkSchema.shape,
});
/** A template as listed. */
export type TemplateSummary = z.infer<typeof templateSummarySchema>;

/** GET /api/v1/templates response. */
export const templateListSchema = z.object({
  items: z.array(templateSummarySchema),
  total: z.number().int(),
});
/** The list of templates. */
export type TemplateList = z.infer<typeof templateListSchema>;

/** One allowed code of a column's code set. */
export const templateCodeSchema = z.object({
  code: z.string(),
  label: z.string(),
  description: z.string().nullable(),
  retired: z.boolean().describe('kept for old records; not offered in the XLSX dropdown'),
  ...provisionalMarkSchema.shape,
});
/** A code with its label. */
export type TemplateCode = z.infer<typeof templateCodeSchema>;

/** The code set a column's values come from. */
export const templateCodeSetSchema = z.object({
  id: z.string(),
  name: z.string(),
  codes: z.array(templateCodeSchema).describe("the set's codes the column allows (narrowed by its pattern)"),
});
/** A column's code set. */
export type TemplateCodeSet = z.infer<typeof templateCodeSetSchema>;

/** One column of an upload template, documented. */
export const templateFieldSchema = z.object({
  position: z.number().int().describe('1-based column position in the file'),
  key: z.string(),
  label: z.string(),
  type: columnTypeSchema,
  width: z.number().int().nullable().describe('maximum characters'),
  required: z.boolean(),
  isKey: z.boolean().describe('part of the key that identifies a record for updates'),
  pattern: z.string().nullable(),
  description: z.string().nullable(),
  separator: z.string().nullable().describe('set when a cell may hold several codes'),
  codeSet: templateCodeSetSchema.nullable(),
  source: z.string(),
  ...provisionalMarkSchema.shape,
});
/** A documented template column. */
export type TemplateField = z.infer<typeof templateFieldSchema>;

/** A neighbour in upload order. */
export const templateRefSchema = z.object({ id: z.string(), name: z.string(), order: z.number().int() });
/** A template reference. */
export type TemplateRef = z.infer<typeof templateRefSchema>;

/** GET /api/v1/templates/{id} response: everything a district needs to build the file. */
export const templateDetailSchema = templateSummarySchema.extend({
  fileFormat: z.enum(['tsv', 'xml']),
  dateFormat: z.string().describe('how dates are written in the file, e.g. MM/DD/YYYY'),
  key: z.array(z.object({ key: z.string(), label: z.string() })),
  updateRules: z.string(),
  source: z.string(),
  uploadOrder: z.object({
    position: z.number().int().describe('1-based place among all templates'),
    total: z.number().int(),
    after: templateRefSchema.nullable().describe('the template uploaded just before this one'),
    before: templateRefSchema.nullable().describe('the template uploaded just after this one'),
  }),
  fields: z.array(templateFieldSchema),
  workbookUrl: z.string().describe('the downloadable XLSX template'),
});
/** A template's documentation. */
export type TemplateDetail = z.infer<typeof templateDetailSchema>;

/** Path parameters of /api/v1/templates/{id}. */
export const templateParamsSchema = z.object({ id: profileIdSchema });
