import { z } from 'zod';
import { oneOf, profileIdSchema, sourceRefSchema } from './profile-common.ts';

// Schemas of the validation rule catalogue (profiles/<state>/rules/*.yaml): data, not code (ARCHITECTURE §4
// Validation). Strict objects, so a misspelt key is reported at its line.

/** A catalogue rule id: `ENR-003`, `CTE-027A` or an upload check's `FLD-REQUIRED`. */
export const ruleIdSchema = z
  .string()
  .regex(/^[A-Z]{2,4}(-[A-Z0-9]+)+$/, 'expected an id such as ENR-003 or FLD-REQUIRED');

/** Finding severities. */
export const severitySchema = oneOf(['fatal', 'warning', 'info']);

/** A rule parameter (code lists, thresholds). */
export const ruleParameterSchema = z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]);

/** One catalogued rule. */
export const ruleSchema = z
  .strictObject({
    id: ruleIdSchema,
    severity: severitySchema,
    kind: oneOf(['file', 'cell', 'row', 'record', 'cross-record', 'cross-district']),
    stage: oneOf(['upload', 'statewide']),
    status: oneOf(['evaluated', 'not-evaluated']).default('evaluated'),
    notEvaluatedReason: z.string().min(1).optional(),
    specRule: z
      .string()
      .regex(/^R\d{2}$/, 'expected a montana-aim.md §6.4 rule number such as R03')
      .optional(),
    recordTypes: z.array(profileIdSchema),
    collections: z.array(profileIdSchema),
    description: z.string().min(1),
    fixHint: z.string().min(1),
    source: sourceRefSchema,
    inferred: z.boolean().optional(),
    parameters: z.record(z.string(), ruleParameterSchema).optional(),
  })
  .superRefine((r, ctx) => {
    if (r.status === 'not-evaluated' && r.notEvaluatedReason === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['notEvaluatedReason'],
        message: 'say why the rule is not evaluated',
      });
    if (r.inferred === true && !r.description.includes('[I]'))
      ctx.addIssue({
        code: 'custom',
        path: ['description'],
        message: 'inferred rules keep the [I] mark visible',
      });
  });
/** A catalogued rule as loaded. */
export type CatalogueRule = z.infer<typeof ruleSchema>;

/** One rule file (profiles/<state>/rules/<area>.yaml). */
export const ruleFileSchema = z.strictObject({
  area: profileIdSchema,
  name: z.string().min(1),
  source: sourceRefSchema,
  rules: z.array(ruleSchema).min(1),
});
/** A rule file. */
export type RuleFile = z.infer<typeof ruleFileSchema>;
