import { z } from 'zod';

/** An enum whose error lists the allowed values as `expected one of a|b|c`. */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: () => `expected one of ${values.join('|')}` });
}

/** Kebab-case id of a profile, code set, template, date or collection. */
export const profileIdSchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a kebab-case id, e.g. fall-count');

/** A decision record number under docs/decisions (`0003`). */
export const decisionRefSchema = z
  .string()
  .regex(/^\d{4}$/, 'expected a 4-digit decision record number, e.g. 0003');

/** Where a value comes from: a spec section with its tag, e.g. `montana-aim.md §3.3 [V S25]`. */
export const sourceRefSchema = z.string().min(1, 'source is required');

/** Provenance fields shared by codes, columns, templates, dates and collections. */
export const provenanceShape = {
  source: sourceRefSchema,
  provisional: z.boolean().default(false),
  decision: decisionRefSchema.optional(),
};

/** Provisional values must name the decision record that explains the guess. */
export function needsDecision(
  value: { provisional: boolean; decision?: string | undefined },
  ctx: z.RefinementCtx,
): void {
  if (value.provisional && value.decision === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['decision'],
      message: 'provisional entries need a decision record',
    });
  }
}
