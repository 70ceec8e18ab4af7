import { z } from 'zod';
import { needsDecision, oneOf, profileIdSchema, provenanceShape, sourceRefSchema } from './profile-common.ts';
import { calendarSchema } from './profile-calendar.ts';

export * from './profile-common.ts';
export * from './profile-calendar.ts';

// Schemas of a state profile (profiles/<state>/): data, not code (ARCHITECTURE §2). Objects are strict so a
// misspelt key in a YAML file is reported at its line instead of being silently dropped.

/** One code of a code set. */
export const codeEntrySchema = z
  .strictObject({
    code: z.string().min(1),
    label: z.string().min(1),
    description: z.string().optional(),
    retired: z.boolean().optional(),
    attributes: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
    ...provenanceShape,
  })
  .superRefine(needsDecision);
/** A code with its label and provenance. */
export type CodeEntry = z.infer<typeof codeEntrySchema>;

/** A code set file (profiles/<state>/code-sets/<id>.yaml). */
export const codeSetSchema = z
  .strictObject({
    id: profileIdSchema,
    name: z.string().min(1),
    description: z.string().optional(),
    source: sourceRefSchema,
    codes: z.array(codeEntrySchema).min(1),
  })
  .superRefine((set, ctx) => {
    const seen = new Set<string>();
    set.codes.forEach((entry, i) => {
      if (seen.has(entry.code))
        ctx.addIssue({ code: 'custom', path: ['codes', i, 'code'], message: `duplicate code ${entry.code}` });
      seen.add(entry.code);
    });
  });
/** A list of allowed codes. */
export type CodeSet = z.infer<typeof codeSetSchema>;

/** Column value types of the upload files (montana-aim.md §4.1). */
export const columnTypeSchema = oneOf([
  'text',
  'digits',
  'date',
  'code',
  'decimal',
  'integer',
  'flag',
  'time',
]);
/** A column value type. */
export type ColumnType = z.infer<typeof columnTypeSchema>;

/** Snake-case column key, stable across profile versions. */
export const columnKeySchema = z.string().regex(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/, 'expected a snake_case key');

/** A regular expression given as a string; must compile. */
export const patternSchema = z.string().refine(
  (p) => {
    try {
      new RegExp(p);
      return true;
    } catch {
      return false;
    }
  },
  { message: 'not a valid regular expression' },
);

/** One column of an upload template. */
export const columnSchema = z
  .strictObject({
    key: columnKeySchema,
    label: z.string().min(1),
    type: columnTypeSchema,
    width: z.number().int().positive().optional(),
    required: z.boolean(),
    codeSet: profileIdSchema.optional(),
    multiple: z.boolean().optional(),
    separator: z.string().min(1).optional(),
    pattern: patternSchema.optional(),
    description: z.string().optional(),
    ...provenanceShape,
  })
  .superRefine((col, ctx) => {
    needsDecision(col, ctx);
    if (col.type === 'code' && col.codeSet === undefined) {
      ctx.addIssue({ code: 'custom', path: ['codeSet'], message: 'code columns need a codeSet' });
    }
    if (col.multiple === true && col.separator === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['separator'],
        message: 'multiple-value columns need a separator',
      });
    }
  });
/** A template column. */
export type Column = z.infer<typeof columnSchema>;

/** What a template's rows describe (montana-aim.md §4.1): enrolment rows, district-level student rows, staff, courses. */
export const templateLevelSchema = oneOf(['student', 'district-student', 'staff', 'course']);
/** A template level. */
export type TemplateLevel = z.infer<typeof templateLevelSchema>;

/** An upload template layout (profiles/<state>/templates/<id>.yaml). */
export const templateSchema = z
  .strictObject({
    id: profileIdSchema,
    name: z.string().min(1),
    recordType: z.string().min(1),
    level: templateLevelSchema,
    order: z.number().int().positive(),
    fileFormat: oneOf(['tsv', 'xml']).default('tsv'),
    description: z.string().optional(),
    key: z.array(columnKeySchema).min(1),
    updateRules: z.string().min(1),
    ...provenanceShape,
    columns: z.array(columnSchema).min(1),
  })
  .superRefine((t, ctx) => {
    needsDecision(t, ctx);
    const seen = new Set<string>();
    t.columns.forEach((c, i) => {
      if (seen.has(c.key))
        ctx.addIssue({ code: 'custom', path: ['columns', i, 'key'], message: `duplicate column ${c.key}` });
      seen.add(c.key);
    });
  });
/** An upload template. */
export type Template = z.infer<typeof templateSchema>;

/** The profile manifest (profiles/<state>/profile.yaml). */
export const profileManifestSchema = z.strictObject({
  id: profileIdSchema,
  name: z.string().min(1),
  stateCode: z.string().regex(/^[A-Z]{2}$/),
  postalCode: z.string().regex(/^[A-Z]{2}$/),
  fipsCode: z
    .string()
    .regex(/^\d{2}$/)
    .optional(),
  source: sourceRefSchema,
  fileFormat: z.strictObject({
    version: z.string().min(1),
    delimiter: oneOf(['tab', 'comma']),
    headerRecordType: z.string().min(1),
    dateFormat: z.string().min(1),
    timeFormat: z.string().min(1),
    extensions: z.array(z.string().regex(/^\.[a-z]+$/)).min(1),
    source: sourceRefSchema,
  }),
  paths: z.strictObject({
    codeSets: z.string().min(1),
    templates: z.string().min(1),
    calendar: z.string().min(1),
    organization: z.string().min(1).optional(),
  }),
});
/** The profile manifest. */
export type ProfileManifest = z.infer<typeof profileManifestSchema>;

/** A whole loaded profile: manifest, code sets, templates and calendar. */
export const profileSchema = z.object({
  manifest: profileManifestSchema,
  codeSets: z.array(codeSetSchema),
  templates: z.array(templateSchema),
  calendar: calendarSchema,
});
/** A loaded state profile. */
export type Profile = z.infer<typeof profileSchema>;
